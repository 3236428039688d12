/** The database of each service, and the environment variable that may point a service at a database of its own. */
export const SERVICE_DATABASES = {
  'org-units': { database: 'antt_org_units', urlEnv: 'ORG_UNITS_DATABASE_URL' },
  campaigns: { database: 'antt_campaigns', urlEnv: 'CAMPAIGNS_DATABASE_URL' },
  assessments: { database: 'antt_assessments', urlEnv: 'ASSESSMENTS_DATABASE_URL' },
  models: { database: 'antt_models', urlEnv: 'MODELS_DATABASE_URL' },
  awards: { database: 'antt_awards', urlEnv: 'AWARDS_DATABASE_URL' },
  // The gateway's own: external agencies' API keys and their audit (apps/gateway/src/api-keys).
  gateway: { database: 'antt_gateway', urlEnv: 'GATEWAY_DATABASE_URL' },
} as const;

/** A service that owns a database. */
export type ServiceName = keyof typeof SERVICE_DATABASES;

/** Service names in declaration order. */
export const SERVICE_NAMES = Object.keys(SERVICE_DATABASES) as ServiceName[];
