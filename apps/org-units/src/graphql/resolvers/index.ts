import { type Resolvers } from '../__generated__/resolvers-types';
import { DateScalar } from '@antt/service-kit';
import { Mutation } from './mutation.resolvers';
import { Query } from './query.resolvers';
import { ReorganisationPlan } from './reorganisation-plan.resolvers';
import { Unit } from './unit.resolvers';

/** The org-units resolver map, one file per type. */
export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Unit, ReorganisationPlan };
