import { type Clock, type DateRange } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { AttainmentQueryService, AttainmentRepository } from './attainment';
import { CampaignPolicy, CampaignQueryService, CampaignRepository, CampaignService } from './campaign';
import { DeadlineRepository, DeadlineScheduler } from './deadline';
import { RegistrationQueryService, RegistrationRepository, RegistrationService } from './registration';
import { CampaignInput } from './shared';

/** The domain services one request works with. */
export interface RequestServices {
  campaigns: CampaignService;
  campaignQueries: CampaignQueryService;
  registrations: RegistrationService;
  registrationQueries: RegistrationQueryService;
  attainment: AttainmentQueryService;
}

/** Wires the campaigns domain over a Prisma client. */
export function createCampaignsDomain(prisma: PrismaClient, clock: Clock, dates: DateRange, noticeDays = 7) {
  const campaignRepository = new CampaignRepository(prisma);
  const registrationRepository = new RegistrationRepository(prisma);
  const input = new CampaignInput(dates);
  const policy = new CampaignPolicy();
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
        attainment: new AttainmentQueryService(campaignRepository, campaignQueries, attainmentRepository, policy, input),
      };
    },
  };
}
