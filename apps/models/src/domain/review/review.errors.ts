import { badInput, conflict } from '@antt/service-kit';

/** Reasons a review is refused with, beside the model's own (MODEL_NOT_FOUND, MODEL_DATE_IN_FUTURE, …). */
export const REVIEW_ERROR_REASONS = ['REVIEW_BEFORE_WINDOW', 'REVIEW_MODEL_NOT_IN_WINDOW', 'REVIEW_CRITERION_UNKNOWN', 'REVIEW_MODEL_DISSOLVED', 'REVIEW_NO_CRITERIA_SET'] as const;
export type ReviewErrorReason = (typeof REVIEW_ERROR_REASONS)[number];

export const reviewErrors = {
  beforeWindow: (reviewedOn: string, windowStart: string) =>
    badInput('REVIEW_BEFORE_WINDOW', `reviewedOn: ${reviewedOn} lies before the window it reviews (from ${windowStart})`, {
      field: 'reviewedOn',
      reviewedOn,
      windowStart,
    }),
  modelNotInWindow: (modelId: string, foundedOn: string, windowEnd: string) =>
    badInput('REVIEW_MODEL_NOT_IN_WINDOW', `year: the model was founded on ${foundedOn}, after the window's end (${windowEnd})`, {
      field: 'year',
      modelId,
      foundedOn,
      windowEnd,
    }),
  criterionUnknown: (code: string, index: number, setCode: string, version: number) =>
    badInput('REVIEW_CRITERION_UNKNOWN', `criteriaMet[${index}]: ${code} is not a criterion of ${setCode} v${version}`, {
      field: `criteriaMet[${index}]`,
      code,
      criteriaSetCode: setCode,
      criteriaVersion: version,
    }),
  modelDissolved: (modelId: string) => conflict('REVIEW_MODEL_DISSOLVED', 'A dissolved model is not reviewed', { modelId }),
  noCriteriaSet: (windowEnd: string) => conflict('REVIEW_NO_CRITERIA_SET', `No review criteria list is valid on ${windowEnd}`, { windowEnd }),
};
