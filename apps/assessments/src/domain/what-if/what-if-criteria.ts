import { evaluateCriteria } from '../criteria/criteria.rules';
import { type CriterionAnswerView, type CriterionResultView, type CriterionView, type DerivedFacts } from '../criteria/criteria.types';

/** An assessment's safe-standard criteria under its own rule-set version ("now") and under another one ("what if"). */
export interface WhatIfCriteriaView {
  /** Every criterion of the other version, evaluated for the assessment. */
  criteria: CriterionResultView[];
  /** Answered criteria of the other version the assessment has no answer for (not met). */
  unansweredCriteria: string[];
  /** Codes of the other version's criteria not met. */
  failedCriteria: string[];
  /** Codes of the current version's criteria not met. */
  failedCriteriaNow: string[];
  meetsSafeStandardNow: boolean;
  meetsSafeStandardWhatIf: boolean;
}

/**
 * The safe standard under another rule-set version, computed on read (pure). Answered criteria take the assessment's answers by
 * criterion code, as they stand after review: a reviewer's override travels with its answer, so it is kept exactly where the
 * other version has a criterion of the same code, and dropped with its answer otherwise. A criterion of the other version with no
 * answer of its code is not met and listed as unanswered (an answer to a criterion the other version derives is not used).
 * Derived criteria are computed from `whatIfFacts`, gathered by the same reader as the current evaluation's facts, for the other
 * version's window and derivations. Meeting the safe standard is every criterion met (a version without criteria is met).
 */
export function evaluateWhatIfCriteria(
  current: readonly CriterionView[],
  other: readonly CriterionView[],
  answers: readonly CriterionAnswerView[],
  nowFacts: DerivedFacts,
  whatIfFacts: DerivedFacts,
): WhatIfCriteriaView {
  const now = evaluateCriteria(current, answers, nowFacts);
  const criteria = evaluateCriteria(other, answers, whatIfFacts);
  const failedCriteria = criteria.filter((result) => !result.met).map((result) => result.criterion.code);
  const failedCriteriaNow = now.filter((result) => !result.met).map((result) => result.criterion.code);
  return {
    criteria,
    unansweredCriteria: criteria.filter((result) => result.criterion.derivation === null && !result.answered).map((result) => result.criterion.code),
    failedCriteria,
    failedCriteriaNow,
    meetsSafeStandardNow: failedCriteriaNow.length === 0,
    meetsSafeStandardWhatIf: failedCriteria.length === 0,
  };
}
