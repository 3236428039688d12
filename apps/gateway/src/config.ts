import { DEV_JWT_AUDIENCE, DEV_JWT_HS256_SECRET, DEV_JWT_ISSUER, type UserTokenVerifierConfig } from '@antt/auth';
import { commaListSchema, loadConfig, portSchema, type ConfigIssue } from '@antt/service-kit';
import { z } from 'zod';
import { type GatewayLimits, limitsOverrideSchema, resolveLimits } from './limits';

const subgraphUrl = (port: number) => z.url().default(`http://127.0.0.1:${port}/graphql`);

/** A JSON document in a variable, validated by `schema`. */
const jsonSchema = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const shape = {
  PORT: portSchema(4000),
  JWT_HS256_SECRET: z.string().min(32).optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  ORG_UNITS_URL: subgraphUrl(4001),
  CAMPAIGNS_URL: subgraphUrl(4002),
  ASSESSMENTS_URL: subgraphUrl(4003),
  MODELS_URL: subgraphUrl(4004),
  AWARDS_URL: subgraphUrl(4005),
  APOLLO_TELEMETRY_DISABLED: z.stringbool().default(true),
  GATEWAY_LIMITS: jsonSchema(limitsOverrideSchema).default({}),
  CORS_ORIGINS: commaListSchema().pipe(z.array(z.url())).optional(),
  REDIS_URL: z.url().optional(),
  RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[\w:.-]+$/).default('antt:gateway:rl'),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** The gateway's own database (`antt_gateway`): external agencies' API keys and their audit. Unset = no API keys. */
  DATABASE_URL: z.url().optional(),
  /** Server secret of the API keys' HMAC-SHA256 (never in the database). Required in production with DATABASE_URL. */
  API_KEY_PEPPER: z.string().min(32).optional(),
};

/** The pepper used outside production when API_KEY_PEPPER is unset (public: development and tests only). */
export const DEV_API_KEY_PEPPER = 'antt-dev-api-key-pepper-not-for-production';

/** The gateway's validated configuration, plus what is derived from it. */
export type GatewayConfig = Omit<ReturnType<typeof loadGatewayEnv>, 'GATEWAY_LIMITS' | 'CORS_ORIGINS'> & {
  /** How end-user tokens are verified (JWKS when JWT_JWKS_URL is set, else HS256), with the expected iss and aud. */
  userTokens: UserTokenVerifierConfig;
  /** Subgraph name in the supergraph → URL to call, overriding the URL composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Every limit (`limits.ts` defaults with GATEWAY_LIMITS applied). */
  limits: GatewayLimits;
  /** Browser origins allowed to call `/graphql` cross-origin (none by default). */
  corsOrigins: string[];
  /** API_KEY_PEPPER, or the development pepper outside production. */
  apiKeyPepper: string;
};

function productionIssues(config: {
  NODE_ENV: string;
  JWT_JWKS_URL?: string;
  JWT_HS256_SECRET?: string;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
  DATABASE_URL?: string;
  API_KEY_PEPPER?: string;
}): ConfigIssue[] {
  if (config.NODE_ENV !== 'production') return [];
  const issues: ConfigIssue[] = [];
  if (config.DATABASE_URL && !config.API_KEY_PEPPER) {
    issues.push({ variable: 'API_KEY_PEPPER', message: 'required in production when DATABASE_URL is set (the API keys\' HMAC secret)' });
  }
  if (!config.JWT_JWKS_URL && !config.JWT_HS256_SECRET) {
    issues.push({ variable: 'JWT_JWKS_URL', message: 'production needs JWT_JWKS_URL (RS256) or an explicit JWT_HS256_SECRET' });
  }
  if (!config.JWT_ISSUER) issues.push({ variable: 'JWT_ISSUER', message: 'required in production (the identity provider tokens must come from)' });
  if (!config.JWT_AUDIENCE) issues.push({ variable: 'JWT_AUDIENCE', message: 'required in production (the audience tokens must be issued for)' });
  return issues;
}

function loadGatewayEnv(env: Record<string, string | undefined>) {
  return loadConfig(shape, env, productionIssues);
}

/** Reads and validates the gateway's environment once; throws a ConfigError listing every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const { GATEWAY_LIMITS, CORS_ORIGINS, ...config } = loadGatewayEnv(env);
  return {
    ...config,
    userTokens: {
      ...(config.JWT_JWKS_URL
        ? { jwksUrl: config.JWT_JWKS_URL }
        : { hs256Secret: config.JWT_HS256_SECRET ?? DEV_JWT_HS256_SECRET }),
      issuer: config.JWT_ISSUER ?? DEV_JWT_ISSUER,
      audience: config.JWT_AUDIENCE ?? DEV_JWT_AUDIENCE,
    },
    subgraphUrls: {
      'org-units': config.ORG_UNITS_URL,
      campaigns: config.CAMPAIGNS_URL,
      assessments: config.ASSESSMENTS_URL,
      models: config.MODELS_URL,
      awards: config.AWARDS_URL,
    },
    limits: resolveLimits(GATEWAY_LIMITS),
    corsOrigins: (CORS_ORIGINS ?? []).map((origin) => new URL(origin).origin),
    apiKeyPepper: config.API_KEY_PEPPER ?? DEV_API_KEY_PEPPER,
  };
}

/**
 * `@apollo/gateway` reads APOLLO_TELEMETRY_DISABLED from the environment when it is constructed; this sets it from the
 * validated config (default: disabled) so that no other module touches `process.env`.
 */
export function applyApolloTelemetryPreference(config: Pick<GatewayConfig, 'APOLLO_TELEMETRY_DISABLED'>): void {
  process.env.APOLLO_TELEMETRY_DISABLED = config.APOLLO_TELEMETRY_DISABLED ? '1' : 'false';
}

/** What `npm run apikeys` reads: the gateway database and pepper (the same variables as the gateway's). */
export function loadApiKeyCliConfig(env: Record<string, string | undefined> = process.env): { databaseUrl: string; pepper: string } {
  const config = loadConfig(
    { PORT: shape.PORT, DATABASE_URL: z.url(), API_KEY_PEPPER: shape.API_KEY_PEPPER },
    env,
    (values) =>
      values.NODE_ENV === 'production' && !values.API_KEY_PEPPER
        ? [{ variable: 'API_KEY_PEPPER', message: 'required in production (the gateway\'s pepper)' }]
        : [],
  );
  return { databaseUrl: config.DATABASE_URL, pepper: config.API_KEY_PEPPER ?? DEV_API_KEY_PEPPER };
}
