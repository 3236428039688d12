import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  safeStandard: (unit, { year }, { caller, recognitions }) => recognitions.forUnit(caller, unit.id, year),
  classification: (unit, { year }, { caller, assessments }) => assessments.classificationOf(caller, unit.id, year),
  assessments: (unit, _, { caller, assessments }) => assessments.ofUnit(caller, unit.id),
  communePoliceDiscipline: (unit, { year }, { caller, discipline }) => discipline.ofCommune(caller, unit.id, year),
  incidents: (unit, _, { caller, incidents }) => incidents.ofUnit(caller, unit.id),
  recognisingBody: (unit, { on }, { caller, recognitions }) => recognitions.recognisingBodyOf(caller, unit.id, on),
  communeSafetyRule: (unit, { year }, { caller, derivedRules }) => derivedRules.communeRule(caller, unit.id, year),
};
