import { labelOf } from '../../domain/shared';
import { type AdvancedExampleResolvers } from '../__generated__/resolvers-types';

export const AdvancedExample: AdvancedExampleResolvers = {
  kindLabel: (example) => labelOf('AdvancedExampleKind', example.kind),
  unit: (example) => ({ id: example.unitId }),
  recognisedBy: (example) => ({ id: example.recognisedByUnitId }),
  model: (example, _, { caller, modelQueries }) => (example.modelId ? modelQueries.reference(caller, example.modelId) : null),
};
