import { DEV_JWT_HS256_SECRET, type UserTokenVerifierConfig } from '@antt/auth';
import { loadConfig, portSchema } from '@antt/service-kit';
import { z } from 'zod';

const subgraphUrl = (port: number) => z.url().default(`http://127.0.0.1:${port}/graphql`);

const shape = {
  PORT: portSchema(4000),
  JWT_HS256_SECRET: z.string().min(16).optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  ORG_UNITS_URL: subgraphUrl(4001),
  CAMPAIGNS_URL: subgraphUrl(4002),
  ASSESSMENTS_URL: subgraphUrl(4003),
  MODELS_URL: subgraphUrl(4004),
  AWARDS_URL: subgraphUrl(4005),
  APOLLO_TELEMETRY_DISABLED: z.stringbool().default(true),
};

/** The gateway's validated configuration, plus what is derived from it. */
export type GatewayConfig = ReturnType<typeof loadGatewayEnv> & {
  /** How end-user tokens are verified (JWKS when JWT_JWKS_URL is set, else HS256). */
  userTokens: UserTokenVerifierConfig;
  /** Subgraph name in the supergraph → URL to call, overriding the URL composed into the supergraph. */
  subgraphUrls: Record<string, string>;
};

function loadGatewayEnv(env: Record<string, string | undefined>) {
  return loadConfig(shape, env, (config) =>
    config.NODE_ENV === 'production' && !config.JWT_JWKS_URL && !config.JWT_HS256_SECRET
      ? [{ variable: 'JWT_JWKS_URL', message: 'production needs JWT_JWKS_URL (RS256) or an explicit JWT_HS256_SECRET' }]
      : [],
  );
}

/** Reads and validates the gateway's environment once; throws a ConfigError listing every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const config = loadGatewayEnv(env);
  return {
    ...config,
    userTokens: {
      ...(config.JWT_JWKS_URL
        ? { jwksUrl: config.JWT_JWKS_URL }
        : { hs256Secret: config.JWT_HS256_SECRET ?? DEV_JWT_HS256_SECRET }),
      ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
      ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    },
    subgraphUrls: {
      'org-units': config.ORG_UNITS_URL,
      campaigns: config.CAMPAIGNS_URL,
      assessments: config.ASSESSMENTS_URL,
      models: config.MODELS_URL,
      awards: config.AWARDS_URL,
    },
  };
}

/**
 * `@apollo/gateway` reads APOLLO_TELEMETRY_DISABLED from the environment when it is constructed; this sets it from the
 * validated config (default: disabled) so that no other module touches `process.env`.
 */
export function applyApolloTelemetryPreference(config: Pick<GatewayConfig, 'APOLLO_TELEMETRY_DISABLED'>): void {
  process.env.APOLLO_TELEMETRY_DISABLED = config.APOLLO_TELEMETRY_DISABLED ? '1' : 'false';
}
