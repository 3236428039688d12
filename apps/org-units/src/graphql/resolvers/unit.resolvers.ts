import { safeStandardScope } from '../../domain/unit';
import { pageRequest, toConnection } from '../connection';
import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }, { caller, unitQueries }) => unitQueries.reference(caller, id),
  name: (unit) => unit.version.name,
  validFrom: (unit) => unit.version.validFrom,
  validTo: (unit) => unit.version.validTo,
  parentId: (unit) => unit.version.parentId,
  managingUnitId: (unit) => unit.version.managingUnitId,
  attributes: (unit) => unit.version.attributes,
  safeStandardScope: (unit) => safeStandardScope(unit.kind, unit.version.attributes),
  parent: (unit, _, { caller, unitQueries }) => unitQueries.related(caller, unit.version.parentId, unit.asOf),
  managingUnit: (unit, _, { caller, unitQueries }) => unitQueries.related(caller, unit.version.managingUnitId, unit.asOf),
  children: async (unit, { asOf, kinds, first, after }, { caller, unitQueries }) => {
    const page = pageRequest(first, after);
    return toConnection(await unitQueries.children(caller, unit, { asOf, kinds }, page), page.afterCode);
  },
  descendants: async (unit, { asOf, kinds, first, after }, { caller, unitQueries }) => {
    const page = pageRequest(first, after);
    return toConnection(await unitQueries.descendants(caller, unit, { asOf, kinds }, page), page.afterCode);
  },
  ancestors: (unit, { asOf }, { caller, unitQueries }) => unitQueries.ancestors(caller, unit, asOf),
  lineage: (unit, _, { caller, unitQueries }) => unitQueries.lineage(caller, unit),
  origins: (unit, { asOf }, { caller, unitQueries }) => unitQueries.lineageAcross(caller, unit, 'origins', asOf),
  successorsOn: (unit, { asOf }, { caller, unitQueries }) => unitQueries.lineageAcross(caller, unit, 'successors', asOf),
  history: (unit, _, { caller, unitQueries }) => unitQueries.history(caller, unit),
};
