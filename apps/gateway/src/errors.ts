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
} as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** Every code the gateway's error formatter shows as it is. */
export const PUBLIC_GATEWAY_CODES: readonly string[] = Object.values(GATEWAY_ERROR_CODES);

/** A request refused by a limit before execution: HTTP 400 with a stable code and the limit. */
export function limitError(code: GatewayErrorCode, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });
}
