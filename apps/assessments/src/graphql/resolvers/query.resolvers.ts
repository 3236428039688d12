import { requireCaller } from '@antt/auth';
import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  safeStandardDecisions: (_, { year, decidingUnitId }, { caller, recognitions }) => recognitions.decidedBy(caller, decidingUnitId, year),
  assessment: (_, { id }, { caller, assessments }) => assessments.find(caller, id),
  evidenceFile: (_, { id }, { caller, evidence }) => evidence.find(caller, id),
  whatIf: (_, { assessmentId, ruleSetCode }, { caller, assessments }) => assessments.whatIf(caller, assessmentId, ruleSetCode),
  whatIfYear: (_, { input }, { caller, whatIfYear }) => whatIfYear.evaluate(caller, input),
  reviewQueue: (_, args, { caller, reviewQueue }) => reviewQueue.page(caller, args),
  recognisingBodyRules: (_, { on }, { caller, recognitions }) => recognitions.recognisingBodyRules(caller, on),
  // Rule sets are public regulation text: any signed-in caller reads them.
  ruleSets: (_, { provinceCode, unitKind, year, track }, { caller, ruleSets }) => {
    requireCaller(caller);
    return ruleSets.list({ provinceCode: provinceCode ?? undefined, unitKind, year, track });
  },
};
