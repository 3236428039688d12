import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { loadDemoCampaignsIfEmpty, loadDemoProvinceIfEmpty, unitIdByCode } from '../start/demo-data';

/**
 * The query step of tools/platform/docker-prove.sh, against the platform `docker compose` runs: loads the demo data of
 * `npm start` through the published PostgreSQL port (org-units' units; then, once the campaigns service has read them from
 * Kafka into its unit directory, the demo campaigns), mints a dev token and asks the gateway one query of each subgraph
 * (org-units, campaigns; the seeded catalogues of models, assessments and awards). Exits non-zero unless each answers with
 * data, no errors and a non-empty list.
 * Env: ORG_UNITS_DATABASE_URL, CAMPAIGNS_DATABASE_URL, GATEWAY_URL (http://127.0.0.1:<port>/graphql), JWT_HS256_SECRET.
 */

const QUERIES = {
  units: '{ unitByCode(code: "TB", asOf: "2024-06-01") { name children(kinds: [DISTRICT]) { totalCount } } }',
  campaigns: '{ campaigns(year: 2024) { title status registrationSummary { expected registered late missing } } }',
  models: '{ modelTypes { code name } }',
  assessments: '{ ruleSets(provinceCode: "TB", year: 2024) { code unitKind } }',
  awards: '{ awardForms(on: "2024-12-01") { code } }',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function ask(gatewayUrl: string, token: string, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body)}`);
  return body.data;
}

async function main(): Promise<void> {
  const orgUnitsUrl = required('ORG_UNITS_DATABASE_URL');
  const campaignsUrl = required('CAMPAIGNS_DATABASE_URL');
  const gatewayUrl = required('GATEWAY_URL');
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const started = performance.now();
  const units = await loadDemoProvinceIfEmpty(orgUnitsUrl, log);
  log(`org-units holds ${units} units (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const fromKafka = performance.now();
  await loadDemoCampaignsIfEmpty(campaignsUrl, orgUnitsUrl, log);
  log(`campaigns' unit directory caught up through Kafka and the demo campaigns are in (${((performance.now() - fromKafka) / 1000).toFixed(1)} s)`);

  const token = await mintDevToken({
    subject: 'docker-prove@province-police-tb',
    roles: ['ORG_ADMIN', 'STEERING_OFFICER'],
    unitId: await unitIdByCode(orgUnitsUrl, 'TB'),
    secret: process.env['JWT_HS256_SECRET'] ?? DEV_JWT_HS256_SECRET,
    expiresIn: '15m',
  });
  const unitAnswer = (await ask(gatewayUrl, token, QUERIES.units)) as { unitByCode: { name: string; children: { totalCount: number } } | null };
  if (!unitAnswer.unitByCode || unitAnswer.unitByCode.children.totalCount === 0) {
    throw new Error(`unitByCode(TB) came back empty: ${JSON.stringify(unitAnswer)}`);
  }
  log(`gateway → org-units: ${JSON.stringify(unitAnswer)}`);
  const campaignAnswer = (await ask(gatewayUrl, token, QUERIES.campaigns)) as { campaigns: unknown[] };
  if (!Array.isArray(campaignAnswer.campaigns) || campaignAnswer.campaigns.length === 0) {
    throw new Error(`campaigns(2024) came back empty: ${JSON.stringify(campaignAnswer)}`);
  }
  log(`gateway → campaigns: ${JSON.stringify(campaignAnswer.campaigns[0])} (${campaignAnswer.campaigns.length} campaign(s))`);
  for (const [subgraph, field] of [['models', 'modelTypes'], ['assessments', 'ruleSets'], ['awards', 'awardForms']] as const) {
    const answer = await ask(gatewayUrl, token, QUERIES[subgraph]);
    const list = answer[field];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${field} came back empty: ${JSON.stringify(answer)}`);
    log(`gateway → ${subgraph}: ${field} ${list.length} entries, first ${JSON.stringify(list[0])}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`prove-query: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
