import { badInput, conflict, forbidden, notFound } from '@antt/service-kit';

/**
 * Every reason the self-assessment and review rules refuse a command with (besides the recognition reasons and the kits').
 */
export const ASSESSMENT_ERROR_REASONS = [
  'ASSESSMENT_NOT_FOUND',
  'ASSESSMENT_RULE_SET_NOT_FOUND',
  'ASSESSMENT_ITEM_UNKNOWN',
  'ASSESSMENT_ITEM_DUPLICATE',
  'ASSESSMENT_ITEM_MISSING',
  'ASSESSMENT_SCORE_ABOVE_MAXIMUM',
  'ASSESSMENT_SCORE_INVALID',
  'ASSESSMENT_ALREADY_SUBMITTED',
  'ASSESSMENT_NOT_UNDER_REVIEW',
  'ASSESSMENT_REVIEWER_REQUIRED',
  'ASSESSMENT_OWN_UNIT_ONLY',
  'ASSESSMENT_DATE_BEFORE_SUBMISSION',
  'CLASSIFICATION_ALREADY_PUBLISHED',
  'CLASSIFICATION_NOT_FOUND',
  'TOO_MANY_ITEMS',
  'WHAT_IF_RULE_SET_NOT_FOUND',
  'WHAT_IF_RULE_SET_OTHER_KIND',
  'ASSESSMENT_CRITERION_UNKNOWN',
  'ASSESSMENT_CRITERION_DUPLICATE',
  'ASSESSMENT_CRITERION_DERIVED',
  'ASSESSMENT_CRITERION_NOT_ANSWERED',
  'ASSESSMENT_NOT_YOUR_TURN',
  'ASSESSMENT_CRITERION_MET_INVALID',
  'ASSESSMENT_REVIEW_PLAN_NOT_FOUND',
  'ASSESSMENT_NO_REVIEW_LEVEL',
] as const;

export const assessmentErrors = {
  notFound: (assessmentId: string) => notFound('ASSESSMENT_NOT_FOUND', 'assessmentId: assessment not found', { field: 'assessmentId', assessmentId }),
  ruleSetNotFound: (provinceCode: string, unitKind: string, year: number) =>
    badInput('ASSESSMENT_RULE_SET_NOT_FOUND', `year: no rule set for ${unitKind} in ${provinceCode} for ${year}`, { field: 'year', provinceCode, unitKind, year }),
  reviewPlanNotFound: (provinceCode: string, unitKind: string, year: number) =>
    badInput('ASSESSMENT_REVIEW_PLAN_NOT_FOUND', `year: no review plan for ${unitKind} in ${provinceCode} for ${year}`, { field: 'year', provinceCode, unitKind, year }),
  noReviewLevel: (unitId: string, reviewPlanCode: string, date: string) =>
    badInput('ASSESSMENT_NO_REVIEW_LEVEL', `unitId: no level above the unit on ${date} is a review level of ${reviewPlanCode}`, { field: 'unitId', unitId, reviewPlanCode, date }),
  itemUnknown: (field: string, itemCode: string) => badInput('ASSESSMENT_ITEM_UNKNOWN', `${field}: ${itemCode} is not an item of the rule set`, { field, itemCode }),
  itemDuplicate: (field: string, itemCode: string) => badInput('ASSESSMENT_ITEM_DUPLICATE', `${field}: ${itemCode} is scored twice`, { field, itemCode }),
  itemMissing: (itemCodes: string[]) => badInput('ASSESSMENT_ITEM_MISSING', `scores: items not scored: ${itemCodes.join(', ')}`, { field: 'scores', itemCodes }),
  scoreAboveMaximum: (field: string, score: number, maxPoints: number) =>
    badInput('ASSESSMENT_SCORE_ABOVE_MAXIMUM', `${field}: ${score} exceeds the item's maximum of ${maxPoints}`, { field, score, maxPoints }),
  scoreInvalid: (field: string) => badInput('ASSESSMENT_SCORE_INVALID', `${field}: a score is a number from 0 with at most two decimals`, { field }),
  tooManyItems: (field: string, max: number) => badInput('TOO_MANY_ITEMS', `${field}: at most ${max} entries`, { field, max }),
  alreadySubmitted: (unitId: string, year: number) =>
    conflict('ASSESSMENT_ALREADY_SUBMITTED', `unitId: the ${year} assessment is already submitted or approved`, { field: 'unitId', unitId, year }),
  notUnderReview: (status: string) => conflict('ASSESSMENT_NOT_UNDER_REVIEW', `assessmentId: the assessment is ${status}, not under review`, { field: 'assessmentId', status }),
  reviewerRequired: (reviewingUnitId: string) =>
    forbidden('ASSESSMENT_REVIEWER_REQUIRED', 'Only the reviewing level of the assessment (or a level above it) reviews it.', { reviewingUnitId }),
  ownUnitOnly: (unitId: string) => forbidden('ASSESSMENT_OWN_UNIT_ONLY', 'A unit officer submits the assessment of its own unit only.', { unitId }),
  dateBeforeSubmission: (field: string, value: string, submittedOn: string) =>
    badInput('ASSESSMENT_DATE_BEFORE_SUBMISSION', `${field}: ${value} lies before the submission (${submittedOn})`, { field, value, submittedOn }),
  whatIfRuleSetNotFound: (code: string) => badInput('WHAT_IF_RULE_SET_NOT_FOUND', `ruleSetCode: no rule set ${code}`, { field: 'ruleSetCode', code }),
  whatIfOtherKind: (code: string, unitKind: string) =>
    badInput('WHAT_IF_RULE_SET_OTHER_KIND', `ruleSetCode: ${code} is not a rule set for ${unitKind}`, { field: 'ruleSetCode', code, unitKind }),
  criterionUnknown: (field: string, criterionCode: string) =>
    badInput('ASSESSMENT_CRITERION_UNKNOWN', `${field}: ${criterionCode} is not a safe-standard criterion of the rule set`, { field, criterionCode }),
  criterionDuplicate: (field: string, criterionCode: string) => badInput('ASSESSMENT_CRITERION_DUPLICATE', `${field}: ${criterionCode} is answered twice`, { field, criterionCode }),
  criterionDerived: (field: string, criterionCode: string, derivation: string) =>
    badInput('ASSESSMENT_CRITERION_DERIVED', `${field}: ${criterionCode} is derived (${derivation}), never answered nor overridden: change its inputs`, { field, criterionCode, derivation }),
  criterionNotAnswered: (criterionCode: string) =>
    badInput('ASSESSMENT_CRITERION_NOT_ANSWERED', `criterionCode: the unit did not answer ${criterionCode}; return the assessment for an answer`, { field: 'criterionCode', criterionCode }),
  notYourTurn: (currentLevelUnitId: string) =>
    conflict('ASSESSMENT_NOT_YOUR_TURN', 'assessmentId: another level of the review chain has the assessment now', { field: 'assessmentId', currentLevelUnitId }),
  criterionMetInvalid: (field: string) => badInput('ASSESSMENT_CRITERION_MET_INVALID', `${field}: true (met) or false (not met)`, { field }),
  classificationNotFound: (unitId: string, year: number) =>
    notFound('CLASSIFICATION_NOT_FOUND', `unitId: no published ${year} classification of this unit`, { field: 'unitId', unitId, year }),
  classificationPublished: (unitId: string, year: number) =>
    conflict('CLASSIFICATION_ALREADY_PUBLISHED', `assessmentId: the ${year} classification of this unit is published`, { field: 'assessmentId', unitId, year }),
};
