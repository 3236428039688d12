import { badInput, conflict, notFound } from '@antt/service-kit';

/**
 * Every reason models' own rules refuse a command with; clients switch on `extensions.reason`. Authorization failures come
 * from `@antt/auth` (AUTHENTICATION_REQUIRED, ROLE_REQUIRED) and from the model policy (OUTSIDE_JURISDICTION,
 * MODEL_REVIEWER_IS_HOST, MANAGING_LEVEL_REQUIRED, OWN_UNIT_ONLY); input bounds from the service kit (INVALID_ID, INVALID_TEXT,
 * TEXT_TOO_LONG, INVALID_CODE, INVALID_DATE, DATE_OUT_OF_RANGE, PAGE_SIZE_TOO_LARGE).
 */
export const MODEL_ERROR_REASONS = [
  'MODEL_NOT_FOUND',
  'MODEL_UNIT_NOT_FOUND',
  'MODEL_TYPE_UNKNOWN',
  'MODEL_DATE_IN_FUTURE',
  'MODEL_DATE_BEFORE_FOUNDING',
  'MODEL_INVALID_TRANSITION',
  'MODEL_DISSOLUTION_DECISION_REQUIRED',
  'MODEL_DECISION_AFTER_DISSOLUTION',
  'MODEL_REPLICA_SAME_HOST',
  'INVALID_YEAR',
  'TOO_MANY_ITEMS',
] as const;
export type ModelErrorReason = (typeof MODEL_ERROR_REASONS)[number];

export const modelErrors = {
  notFound: (modelId: string, field = 'id') => notFound('MODEL_NOT_FOUND', `${field}: model not found`, { modelId, field }),
  unitNotFound: (unitId: string, field: string, date: string) =>
    notFound('MODEL_UNIT_NOT_FOUND', `${field}: no such unit on ${date}`, { unitId, field, date }),
  typeUnknown: (typeCode: string) =>
    badInput('MODEL_TYPE_UNKNOWN', `typeCode: ${typeCode} is not an active type of the catalogue`, { field: 'typeCode', typeCode }),
  dateInFuture: (field: string, value: string, today: string) =>
    badInput('MODEL_DATE_IN_FUTURE', `${field}: ${value} lies after today (${today})`, { field, value, today }),
  dateBeforeFounding: (field: string, value: string, foundedOn: string) =>
    badInput('MODEL_DATE_BEFORE_FOUNDING', `${field}: ${value} lies before the model's founding or last status change (${foundedOn})`, {
      field,
      value,
      foundedOn,
    }),
  invalidTransition: (modelId: string, from: string, to: string) =>
    conflict('MODEL_INVALID_TRANSITION', `A ${from} model cannot become ${to}`, { modelId, from, to }),
  decisionAfterDissolution: (decisionDate: string, dissolvedOn: string) =>
    badInput('MODEL_DECISION_AFTER_DISSOLUTION', `decisionDate: the decision (${decisionDate}) must precede the dissolution (${dissolvedOn})`, {
      field: 'decisionDate',
      decisionDate,
      dissolvedOn,
    }),
  replicaSameHost: (hostUnitId: string) =>
    badInput('MODEL_REPLICA_SAME_HOST', 'hostUnitId: a model is replicated to another unit than its own host', { field: 'hostUnitId', hostUnitId }),
};
