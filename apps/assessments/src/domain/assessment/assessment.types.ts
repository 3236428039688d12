import { type UnitKind } from '@antt/contracts';
import { type Classification } from '../classification/classification.types';
import { type CriterionAnswerInput } from '../criteria/criteria.types';
import { type RuleSetView } from '../rule-set/rule-set.types';
import { type WhatIfCriteriaView } from '../what-if/what-if-criteria';

/** SUBMITTED (under review) → RETURNED (to the unit, with a reason) → SUBMITTED again, or → APPROVED (final). */
export type AssessmentStatus = 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  SUBMITTED: 'Đã gửi, chờ thẩm định',
  RETURNED: 'Trả lại để hoàn thiện',
  APPROVED: 'Đã thẩm định, phê duyệt',
};

export type AssessmentAction = 'SUBMITTED' | 'RESCORED' | 'RETURNED' | 'APPROVED' | 'CRITERION_OVERRIDDEN' | 'FORWARDED';

/** One level of the review chain: PENDING until it acts, APPROVED (forwarded up, or approved at the last level) or RETURNED. */
export type ReviewStepStatus = 'PENDING' | 'APPROVED' | 'RETURNED';

export const REVIEW_STEP_STATUS_LABELS: Record<ReviewStepStatus, string> = {
  PENDING: 'Chưa thẩm định',
  APPROVED: 'Đã thẩm định',
  RETURNED: 'Trả lại',
};

export interface ReviewStepView {
  position: number;
  levelUnitId: string;
  status: ReviewStepStatus;
  decidedOn: string | null;
  actor: string | null;
  /** The date this level's review is due (its level's deadline in the review plan). */
  deadline: string;
}

/** A step as the chain is shown: whether it is the current level's turn, and overdue (pending after its own deadline), as of today. */
export interface ReviewChainStepView extends ReviewStepView {
  current: boolean;
  overdue: boolean;
}

export interface ScoreView {
  itemCode: string;
  selfScore: number;
  score: number;
  evidence: string | null;
}

export interface AssessmentView {
  id: string;
  unitId: string;
  unitKind: UnitKind;
  year: number;
  ruleSetId: string;
  status: AssessmentStatus;
  reviewingUnitId: string;
  submittedOn: string;
  returnReason: string | null;
  approvedOn: string | null;
  revision: number;
  scores: ScoreView[];
  /** Position in `reviewSteps` of the level whose turn it is (`reviewingUnitId` is its unit). */
  currentStep: number;
  /** The review chain from the dated tree on the submission date and the review plan, first level first. */
  reviewSteps: ReviewStepView[];
  /** The review plan the chain was built from; null for chains built before review plans existed. */
  reviewPlanId: string | null;
}

/** One audited change (R30). */
export interface AssessmentChangeView {
  action: AssessmentAction;
  itemCode: string | null;
  before: number | null;
  after: number | null;
  fromStatus: AssessmentStatus | null;
  toStatus: AssessmentStatus;
  actor: string;
  actorUnitId: string;
  reason: string | null;
  criterionCode: string | null;
  beforeMet: boolean | null;
  afterMet: boolean | null;
  at: Date;
}

/** A year re-evaluated under another rule-set version (item 9): computed on read, nothing written. */
export interface WhatIfView extends WhatIfCriteriaView {
  assessment: AssessmentView;
  ruleSet: RuleSetView;
  items: Array<{ itemCode: string; maxPoints: number; score: number; scored: boolean }>;
  totalScore: number;
  classification: Classification;
}

export interface ScoreInput {
  itemCode: string;
  score: number;
  evidence?: string | null;
}

export interface SubmitAssessmentInput {
  unitId: string;
  year: number;
  submittedOn: string;
  scores: ScoreInput[];
  criteria?: CriterionAnswerInput[] | null;
}

export interface RescoreInput {
  assessmentId: string;
  itemCode: string;
  score: number;
  reason: string;
}

export interface ReturnAssessmentInput {
  assessmentId: string;
  reason: string;
}

export interface ApproveAssessmentInput {
  assessmentId: string;
  approvedOn: string;
  decisionNumber?: string | null;
}
