import { z } from 'zod';

/** What one class of caller may send in one HTTP request (checked before anything is executed). */
export interface CallerLimits {
  /** Largest request body in bytes (HTTP 413 BODY_TOO_LARGE). */
  maxBodyBytes: number;
  /** Operations in one batched request (an array body); 1 = no batching (BATCH_LIMIT). */
  maxBatch: number;
  /** Lexical tokens of the operation document (TOKEN_LIMIT). */
  maxTokens: number;
  /** Nesting depth of selections, fragments included (QUERY_TOO_DEEP). */
  maxDepth: number;
  /** Aliases in the operation, `__typename` aside (ALIAS_LIMIT). */
  maxAliases: number;
  /** Directives in the operation (DIRECTIVE_LIMIT). */
  maxDirectives: number;
  /** Estimated cost (COST_LIMIT): see {@link CostModel}. */
  maxCost: number;
}

/**
 * How the cost of an operation is estimated (`graphql-query-complexity`): every field costs its weight (scalars and
 * enums 0, any other field 1, unless `fieldWeights` says otherwise), plus its selection's cost times the list size it
 * asks for: its `first` (or `last`) argument, with the schema's default when omitted; 1 without one.
 */
export interface CostModel {
  /** `Type.field` → weight: the fixed price of the resolver (a subtree read costs more than a lookup). */
  fieldWeights: Record<string, number>;
}

/** Subgraph calls: timeouts, connection pools, health probes. */
export interface SubgraphLimits {
  /** Longest wait for one subgraph fetch, in ms (SUBGRAPH_TIMEOUT). */
  timeoutMs: number;
  /** Per subgraph name, overriding `timeoutMs`. */
  timeoutMsBySubgraph: Record<string, number>;
  /** Deadline of a whole client request, in ms: no subgraph fetch goes on past it (SUBGRAPH_TIMEOUT). */
  requestTimeoutMs: number;
  /** Open connections per subgraph (keep-alive pool); further fetches queue for a free one, within their timeout. */
  maxConnections: number;
  /** How long an idle pooled connection is kept, in ms. */
  keepAliveMs: number;
  /** Timeout of the `/health` probe of each subgraph that the gateway's `/ready` runs, in ms. */
  healthTimeoutMs: number;
}

/** Requests per window, per caller (subject, API key or anonymous address). */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** Every limit of the gateway, in one place. Override through `GATEWAY_LIMITS` (see README). */
export interface GatewayLimits {
  anonymous: CallerLimits;
  authenticated: CallerLimits;
  cost: CostModel;
  subgraphs: SubgraphLimits;
  rateLimits: {
    anonymous: RateLimit;
    authenticated: RateLimit;
    /** Per external agency's API key (subject `apikey:<id>`), apart from end users. */
    apiKey: RateLimit;
  };
}

/** The limits the gateway runs with unless `GATEWAY_LIMITS` overrides some. Anonymous callers get the tightest. */
export const DEFAULT_LIMITS: GatewayLimits = {
  anonymous: {
    maxBodyBytes: 16 * 1024,
    maxBatch: 1,
    maxTokens: 1_000,
    maxDepth: 8,
    maxAliases: 10,
    maxDirectives: 10,
    maxCost: 1_000,
  },
  authenticated: {
    maxBodyBytes: 128 * 1024,
    maxBatch: 5,
    maxTokens: 5_000,
    maxDepth: 12,
    maxAliases: 30,
    maxDirectives: 20,
    maxCost: 20_000,
  },
  cost: {
    fieldWeights: {
      'Unit.descendants': 10,
      'Unit.children': 2,
      'Unit.lineage': 5,
      'Query.units': 10,
      'Query.searchUnits': 10,
      'Campaign.registrationSummary': 10,
    },
  },
  subgraphs: {
    timeoutMs: 5_000,
    timeoutMsBySubgraph: {},
    requestTimeoutMs: 10_000,
    maxConnections: 64,
    keepAliveMs: 10_000,
    healthTimeoutMs: 1_000,
  },
  rateLimits: {
    anonymous: { points: 60, durationSeconds: 60 },
    authenticated: { points: 600, durationSeconds: 60 },
    apiKey: { points: 120, durationSeconds: 60 },
  },
};

const positive = z.number().int().positive();
const callerLimitsSchema = z
  .object({
    maxBodyBytes: positive.max(10 * 1024 * 1024),
    maxBatch: positive.max(50),
    maxTokens: positive,
    maxDepth: positive,
    maxAliases: z.number().int().min(0),
    maxDirectives: z.number().int().min(0),
    maxCost: positive,
  })
  .strict()
  .partial();
const rateLimitSchema = z.object({ points: positive, durationSeconds: positive }).strict().partial();

/** What `GATEWAY_LIMITS` may hold: any part of {@link GatewayLimits}, as JSON; unknown keys are refused. */
export const limitsOverrideSchema = z
  .object({
    anonymous: callerLimitsSchema,
    authenticated: callerLimitsSchema,
    cost: z.object({ fieldWeights: z.record(z.string().regex(/^\w+\.\w+$/), z.number().min(0)) }).strict().partial(),
    subgraphs: z
      .object({
        timeoutMs: positive,
        timeoutMsBySubgraph: z.record(z.string(), positive),
        requestTimeoutMs: positive,
        maxConnections: positive,
        keepAliveMs: positive,
        healthTimeoutMs: positive,
      })
      .strict()
      .partial(),
    rateLimits: z.object({ anonymous: rateLimitSchema, authenticated: rateLimitSchema, apiKey: rateLimitSchema }).strict().partial(),
  })
  .strict()
  .partial();
export type LimitsOverride = z.infer<typeof limitsOverrideSchema>;

/** {@link DEFAULT_LIMITS} with an override applied (field weights and per-subgraph timeouts are merged by key). */
export function resolveLimits(override: LimitsOverride = {}): GatewayLimits {
  const d = DEFAULT_LIMITS;
  return {
    anonymous: { ...d.anonymous, ...override.anonymous },
    authenticated: { ...d.authenticated, ...override.authenticated },
    cost: { fieldWeights: { ...d.cost.fieldWeights, ...override.cost?.fieldWeights } },
    subgraphs: {
      ...d.subgraphs,
      ...override.subgraphs,
      timeoutMsBySubgraph: { ...d.subgraphs.timeoutMsBySubgraph, ...override.subgraphs?.timeoutMsBySubgraph },
    },
    rateLimits: {
      anonymous: { ...d.rateLimits.anonymous, ...override.rateLimits?.anonymous },
      authenticated: { ...d.rateLimits.authenticated, ...override.rateLimits?.authenticated },
      apiKey: { ...d.rateLimits.apiKey, ...override.rateLimits?.apiKey },
    },
  };
}

/** The limits of a caller: anonymous (no token) or authenticated. */
export function callerLimits(limits: GatewayLimits, authenticated: boolean): CallerLimits {
  return authenticated ? limits.authenticated : limits.anonymous;
}
