import { type Classification } from '../classification/classification.types';
import { type CriterionView } from '../criteria/criteria.types';

/** STANDARD: the safe standard and the classification; TYPICAL: the 2025 "điển hình" track (criteria only, not evaluated yet). */
export type RuleSetTrack = 'STANDARD' | 'TYPICAL';

export const RULE_SET_TRACK_LABELS: Record<RuleSetTrack, string> = {
  STANDARD: 'Tiêu chuẩn An toàn về ANTT và phân loại phong trào',
  TYPICAL: 'Điển hình (tạm thời, chưa xác minh)',
};

export interface ScoreBand {
  classification: Classification;
  minScore: number;
}

export interface RuleSetItemView {
  code: string;
  position: number;
  title: string;
  maxPoints: number;
  condition: string | null;
}

/** A versioned rule set (Decision 510 items and bands, window R4, deadline R13) for a province, unit kind and years. */
export interface RuleSetView {
  id: string;
  code: string;
  provinceCode: string;
  unitKind: string;
  track: RuleSetTrack;
  fromYear: number;
  toYear: number | null;
  title: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  bands: ScoreBand[];
  bandsVerified: boolean;
  precondition: string | null;
  items: RuleSetItemView[];
  /** The safe standard's pass/fail criteria for the unit kind (Circular 124 and the province's additions). */
  criteria: CriterionView[];
}

/** The evaluation window of `year` under a rule set: from month-day of the previous year to month-day of the year (R4). */
export function windowOf(ruleSet: Pick<RuleSetView, 'windowStart' | 'windowEnd'>, year: number): { from: string; to: string } {
  return { from: `${year - 1}-${ruleSet.windowStart}`, to: `${year}-${ruleSet.windowEnd}` };
}
