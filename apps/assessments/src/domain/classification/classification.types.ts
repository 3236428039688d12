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

/** One published revision: the original (reason null) or an audited correction (R30). */
export interface ClassificationRevisionView {
  revision: number;
  classification: Classification;
  score: number;
  decidedOn: string;
  decisionNumber: string | null;
  reason: string | null;
  actor: string;
  actorUnitId: string;
  at: Date;
}

export interface CorrectClassificationInput {
  unitId: string;
  year: number;
  score: number;
  reason: string;
  decidedOn: string;
  decisionNumber?: string | null;
}
