import { GraphQLError } from 'graphql';

/**
 * The gateway's stable error codes (`extensions.code`), shown to callers as they are. Limit errors carry
 * `extensions.limit`; subgraph errors carry `extensions.subgraph`.
 */
export const GATEWAY_ERROR_CODES = {
  /** HTTP 413: the body is over `maxBodyBytes` (code of the service kit). */
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  /** HTTP 400: more operations in one batched request than `maxBatch`. */
  BATCH_LIMIT: 'BATCH_LIMIT',
  /** HTTP 400: more lexical tokens than `maxTokens`. */
  TOKEN_LIMIT: 'TOKEN_LIMIT',
  /** HTTP 400: selections nested deeper than `maxDepth`. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** HTTP 400: more aliases than `maxAliases`. */
  ALIAS_LIMIT: 'ALIAS_LIMIT',
  /** HTTP 400: more directives than `maxDirectives`. */
  DIRECTIVE_LIMIT: 'DIRECTIVE_LIMIT',
  /** HTTP 400: estimated cost over `maxCost`. */
  COST_LIMIT: 'COST_LIMIT',
  /** HTTP 429 with `Retry-After`: the caller spent its requests for the window. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** HTTP 403: a browser origin not on `CORS_ORIGINS`. */
  CORS_ORIGIN_DENIED: 'CORS_ORIGIN_DENIED',
  /** In `errors` beside partial data: a subgraph could not be reached or answered with a server error. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** In `errors` beside partial data: a subgraph did not answer within its timeout or the request's deadline. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** HTTP 403: an API key sent an operation that is not registered (persisted) for it. */
  API_KEY_OPERATION_NOT_REGISTERED: 'API_KEY_OPERATION_NOT_REGISTERED',
  /** HTTP 403: an API key sent a mutation or subscription (keys are read-only). */
  API_KEY_READ_ONLY: 'API_KEY_READ_ONLY',
  /** HTTP 405: an API key request not sent with POST. */
  API_KEY_POST_REQUIRED: 'API_KEY_POST_REQUIRED',
  /** HTTP 401 (`reason` of UNAUTHENTICATED): the API key is unknown or its secret does not match. */
  API_KEY_INVALID: 'API_KEY_INVALID',
  /** HTTP 401 (`reason` of UNAUTHENTICATED): the API key is past its expiry. */
  API_KEY_EXPIRED: 'API_KEY_EXPIRED',
  /** HTTP 401 (`reason` of UNAUTHENTICATED): the API key was revoked (or its rotation overlap ended). */
  API_KEY_REVOKED: 'API_KEY_REVOKED',
  /** HTTP 401 (`reason` of UNAUTHENTICATED): an API key and a Bearer token in one request. */
  API_KEY_WITH_TOKEN: 'API_KEY_WITH_TOKEN',
  /** HTTP 401 (`reason` of UNAUTHENTICATED): the gateway has no database (DATABASE_URL unset), so no API keys. */
  API_KEYS_DISABLED: 'API_KEYS_DISABLED',
  /** HTTP 404 on `/admin/api-keys/<id>/…`: no such key. */
  API_KEY_NOT_FOUND: 'API_KEY_NOT_FOUND',
} as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** Every code the gateway's error formatter shows as it is. */
export const PUBLIC_GATEWAY_CODES: readonly string[] = Object.values(GATEWAY_ERROR_CODES);

/** A request refused by a limit before execution: HTTP 400 with a stable code and the limit. */
export function limitError(code: GatewayErrorCode, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });
}
