import { type Clock, type DateRange, PersonalDataCipher } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { type BulkSql } from '../infrastructure/bulk-sql';
import { AttainmentQueryService, AttainmentRepository } from './attainment';
import { CampaignPolicy, CampaignQueryService, CampaignRepository, CampaignService } from './campaign';
import { DeadlineRepository, DeadlineScheduler } from './deadline';
import { PledgePolicy, PledgeQueryService, PledgeRepository, PledgeService } from './pledge';
import { RegistrationQueryService, RegistrationRepository, RegistrationService } from './registration';
import { CampaignInput } from './shared';

/** The pledge keys (64 hex digits each), validated by the service's config. */
export interface PledgeKeys {
  hashKeyHex: string;
  encryptionKeyHex: string;
}

/** The domain services one request works with. */
export interface RequestServices {
  campaigns: CampaignService;
  campaignQueries: CampaignQueryService;
  registrations: RegistrationService;
  registrationQueries: RegistrationQueryService;
  pledges: PledgeService;
  pledgeQueries: PledgeQueryService;
  attainment: AttainmentQueryService;
}

/** Wires the campaigns domain over a Prisma client. */
export function createCampaignsDomain(prisma: PrismaClient, clock: Clock, dates: DateRange, noticeDays: number, pledgeKeys: PledgeKeys, bulk: BulkSql) {
  const campaignRepository = new CampaignRepository(prisma);
  const registrationRepository = new RegistrationRepository(prisma);
  const input = new CampaignInput(dates);
  const policy = new CampaignPolicy();
  const pledgeRepository = new PledgeRepository(prisma);
  const pledgePolicy = new PledgePolicy();
  const cipher = new PersonalDataCipher(pledgeKeys);
  const attainmentRepository = new AttainmentRepository(prisma);
  return {
    /** The deadline scheduler (safe on every replica). */
    scheduler: new DeadlineScheduler(campaignRepository, registrationRepository, new DeadlineRepository(prisma), clock, noticeDays),
    forRequest(): RequestServices {
      const campaignQueries = new CampaignQueryService(campaignRepository, policy, clock, input);
      return {
        campaigns: new CampaignService(campaignRepository, policy, clock, input),
        campaignQueries,
        registrations: new RegistrationService(campaignRepository, registrationRepository, policy, clock, input),
        registrationQueries: new RegistrationQueryService(campaignRepository, campaignQueries, registrationRepository, policy, input),
        pledges: new PledgeService(campaignRepository, bulk, pledgeRepository, policy, pledgePolicy, cipher, clock, input),
        pledgeQueries: new PledgeQueryService(campaignRepository, campaignQueries, pledgeRepository, pledgePolicy, cipher, input),
        attainment: new AttainmentQueryService(campaignRepository, campaignQueries, attainmentRepository, policy, input),
      };
    },
  };
}
