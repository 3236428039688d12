import { type Resolvers } from '../__generated__/resolvers-types';
import { Attainment, KindAttainment, LevelAttainment, ShortfallUnit, TargetAttainment, UnitAttainment } from './attainment.resolvers';
import { Campaign, CampaignScopePart, CampaignStatusChange, Deadline, Target } from './campaign.resolvers';
import { DateScalar } from '@antt/service-kit';
import { Mutation } from './mutation.resolvers';
import { Pledge, PledgeCoverage } from './pledge.resolvers';
import { Query } from './query.resolvers';
import { Registration, RegistrationRow, RegistrationSummary } from './registration.resolvers';
import { Unit } from './unit.resolvers';

/** The campaigns resolver map, one file per type. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Unit,
  Campaign,
  CampaignScopePart,
  CampaignStatusChange,
  Deadline,
  Target,
  Registration,
  RegistrationSummary,
  RegistrationRow,
  Pledge,
  PledgeCoverage,
  Attainment,
  TargetAttainment,
  KindAttainment,
  LevelAttainment,
  UnitAttainment,
  ShortfallUnit,
};
