import { type UnitKind } from '@antt/contracts';

/** Movement classification (Decision 510). */
export type Classification = 'EXCELLENT' | 'GOOD' | 'AVERAGE' | 'WEAK';

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  EXCELLENT: 'Xuất sắc',
  GOOD: 'Khá',
  AVERAGE: 'Trung bình',
  WEAK: 'Yếu',
};

/** A published classification of one unit for one year. */
export interface ClassificationView {
  id: string;
  unitId: string;
  unitKind: UnitKind;
  year: number;
  assessmentId: string;
  classification: Classification;
  score: number;
  ruleSetCode: string;
  decidingUnitId: string;
  decidedOn: string;
  decisionNumber: string | null;
  revision: number;
}
