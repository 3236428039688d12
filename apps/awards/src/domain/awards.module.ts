import { type Clock, type DateRange, type PersonalDataKeys, PersonalDataCipher } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { Catalogue } from './catalogue';
import { NominationRepository, NominationService } from './nomination';
import { NomineeProtection, PersonFactService } from './nominee';
import { SchemeService } from './scheme';
import { TeamRatingService } from './team-rating';
import { AwardsInput, AwardsPolicy } from './shared';

/** The domain services one request works with. */
export interface RequestServices {
  catalogue: Catalogue;
  schemes: SchemeService;
  nominations: NominationService;
  personFacts: PersonFactService;
  teamRatings: TeamRatingService;
  today: () => string;
}

export interface AwardsRules {
  dates: DateRange;
  /** The blind-index and encryption keys of nominees' personal data. */
  nomineeKeys: PersonalDataKeys;
}

/** Wires the awards domain over a Prisma client. */
export function createAwardsDomain(prisma: PrismaClient, clock: Clock, rules: AwardsRules) {
  const repository = new NominationRepository(prisma);
  const input = new AwardsInput(rules.dates);
  const policy = new AwardsPolicy();
  const catalogue = new Catalogue(prisma);
  const nominees = new NomineeProtection(new PersonalDataCipher(rules.nomineeKeys), input);
  return {
    forRequest(): RequestServices {
      return {
        catalogue,
        schemes: new SchemeService(prisma, policy, clock, input),
        nominations: new NominationService(prisma, repository, policy, clock, input, nominees),
        personFacts: new PersonFactService(prisma, policy, clock, input),
        teamRatings: new TeamRatingService(prisma, policy, clock, input, nominees),
        today: () => clock.today(),
      };
    },
  };
}
