import { labelOf } from '../../domain/shared';
import { windowLabel } from '../../domain/window';
import { type EvaluationWindowRuleResolvers } from '../__generated__/resolvers-types';

export const EvaluationWindowRule: EvaluationWindowRuleResolvers = {
  scopeLabel: (rule) => (rule.provinceId === null ? 'Toàn quốc' : 'Riêng tỉnh'),
  appliesToOtherKinds: (rule) => rule.unitKinds.length === 0,
  unitKindsLabel: (rule) => (rule.unitKinds.length === 0 ? 'Các loại đơn vị khác' : rule.unitKinds.map((kind) => labelOf('UnitKind', kind)).join('; ')),
  label: (rule) => windowLabel(rule),
  history: (rule, _, { windows }) => windows.changesOf(rule),
};
