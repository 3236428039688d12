import { TARGET_LABELS } from '../../domain/campaign';
import { BASIS_LABELS } from '../../domain/attainment';
import { labelOf } from '../../domain/shared';
import {
  type AttainmentResolvers,
  type KindAttainmentResolvers,
  type LevelAttainmentResolvers,
  type ShortfallUnitResolvers,
  type TargetAttainmentResolvers,
  type UnitAttainmentResolvers,
} from '../__generated__/resolvers-types';

const metLabel = (met: boolean | null) => (met === null ? 'Chưa có đơn vị' : met ? 'Đạt' : 'Chưa đạt');

export const Attainment: AttainmentResolvers = {
  unit: (attainment) => ({ id: attainment.unitId }),
};

export const TargetAttainment: TargetAttainmentResolvers = {
  label: (target) => TARGET_LABELS[target.code] ?? target.code,
  indicatorLabel: (target) => labelOf('TargetIndicator', target.indicator),
  basisLabel: (target) => BASIS_LABELS[target.indicator],
  metLabel: (target) => metLabel(target.met),
  levelUnits: (target, args, { attainment }) => attainment.levelUnits(target, args),
  shortfall: (target, args, { attainment }) => attainment.shortfall(target, args),
};

export const KindAttainment: KindAttainmentResolvers = {
  kindLabel: (row) => labelOf('UnitKind', row.kind),
};

export const LevelAttainment: LevelAttainmentResolvers = {
  levelLabel: (row) => labelOf('UnitKind', row.level),
};

export const UnitAttainment: UnitAttainmentResolvers = {
  unit: (row) => ({ id: row.unitId }),
  metLabel: (row) => metLabel(row.met),
};

export const ShortfallUnit: ShortfallUnitResolvers = {
  unit: (row) => ({ id: row.unitId }),
  reasonLabel: (row) => labelOf('AttainmentShortfallReason', row.reason),
};
