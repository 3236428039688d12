import { type CommuneRuleView } from '../derived/commune-rule';
import { type IncidentView } from '../incident/incident.types';

/** Where a safe-standard criterion comes from: Circular 124 or the province's additions (R9). */
export type CriterionSource = 'CIRCULAR_124' | 'MINISTRY' | 'PROVINCE';

/** How a derived criterion is computed from facts; never answered by the unit nor overridden by a reviewer. */
export type CriterionDerivation = 'NO_LISTED_INCIDENT' | 'EFFECTIVE_MODEL' | 'NO_DISCIPLINED_OFFICER' | 'MANAGED_UNITS_R7';

export const CRITERION_SOURCE_LABELS: Record<CriterionSource, string> = {
  CIRCULAR_124: 'Thông tư 124/2021/TT-BCA',
  MINISTRY: 'Văn bản khác của Bộ Công an',
  PROVINCE: 'Tiêu chí bổ sung của UBND tỉnh',
};

export const CRITERION_DERIVATION_LABELS: Record<CriterionDerivation, string> = {
  NO_LISTED_INCIDENT: 'Tính từ sổ theo dõi vụ việc (R6)',
  EFFECTIVE_MODEL: 'Tính từ dữ kiện mô hình hiệu quả',
  NO_DISCIPLINED_OFFICER: 'Tính từ dữ kiện kỷ luật Công an xã đã ghi nhận',
  MANAGED_UNITS_R7: 'Tính từ đăng ký và công nhận của các đơn vị thuộc quyền (R7)',
};

export const RECOGNITION_OUTCOME_LABELS: Record<'ACHIEVED' | 'NOT_ACHIEVED', string> = { ACHIEVED: 'Đạt', NOT_ACHIEVED: 'Không đạt' };

/** One pass/fail criterion of the safe standard in a rule set. */
export interface CriterionView {
  code: string;
  position: number;
  source: CriterionSource;
  reference: string;
  text: string;
  verified: boolean;
  derivation: CriterionDerivation | null;
}

/** A unit's answer to an answered criterion, as it stands after review. */
export interface CriterionAnswerView {
  criterionCode: string;
  selfMet: boolean;
  met: boolean;
  evidence: string | null;
  overrideReason: string | null;
}

/** The recorded fact about a commune police's disciplined officers in a year. */
export interface DisciplineRecordView {
  id: string;
  communeId: string;
  year: number;
  disciplinedOfficers: number;
  recordedOn: string;
  note: string;
  recordedBy: string;
  recordedByUnitId: string;
  at: Date;
}

/** The facts derived criteria are computed from, for one unit and year (only those its rule set needs are loaded). */
export interface DerivedFacts {
  window: { from: string; to: string };
  incidents: IncidentView[];
  effectiveModel: { hasEffectiveModel: boolean; revision: number } | null;
  discipline: DisciplineRecordView | null;
  communeRule: CommuneRuleView | null;
}

/** What a derived value rests on. */
export interface DerivedInputsView {
  derivation: CriterionDerivation;
  summary: string;
  windowFrom: string | null;
  windowTo: string | null;
  incidents: IncidentView[];
  hasEffectiveModel: boolean | null;
  effectiveModelRevision: number | null;
  discipline: DisciplineRecordView | null;
  communeRule: CommuneRuleView | null;
}

/** A criterion as it stands on an assessment. */
export interface CriterionResultView {
  criterion: CriterionView;
  met: boolean;
  answered: boolean;
  selfMet: boolean | null;
  evidence: string | null;
  overridden: boolean;
  overrideReason: string | null;
  inputs: DerivedInputsView | null;
}

/** ACHIEVED only when every criterion is met. */
export interface SafeStandardProposalView {
  outcome: 'ACHIEVED' | 'NOT_ACHIEVED';
  failedCriteria: string[];
  unverifiedCriteria: string[];
}

export interface CriterionAnswerInput {
  criterionCode: string;
  met: boolean;
  evidence?: string | null;
}

export interface OverrideCriterionInput {
  assessmentId: string;
  criterionCode: string;
  met: boolean;
  reason: string;
}
