/**
 * `npm start`: infrastructure, generated code, migrations, demo data, every service and the gateway; prints the gateway
 * URL and a dev token, then runs until Ctrl-C, which stops the services gracefully (the infrastructure stays up;
 * `npm run infra:down` stops it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { REPO_ROOT, startServiceProcess, up, type ServiceProcess } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import { CONSUMER_GROUPS, TOPICS } from '@antt/contracts';
import { deleteAllRecords, deleteConsumerGroups } from '@antt/events';
import { applyDemoReformIfPending, loadDemoAssessmentsIfEmpty, loadDemoAwardsIfEmpty, loadDemoCampaignsIfEmpty, loadDemoModelsIfEmpty, loadDemoProvinceIfEmpty, unitIdByCode } from './start/demo-data';
import { PLATFORM_SERVICES } from './start/services';

const startedAt = performance.now();
const log = (line: string) => process.stdout.write(`[start] ${line}\n`);
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

/**
 * A service's data lives in its database, but the events it published and its consumers' offsets live in Kafka, which
 * outlives the database. When a service's database is new: the records on its own topics belong to the data that is
 * gone, so they are deleted (the topics and their offsets stay: a consumer that kept its database reads on from where it
 * was); and its consumer groups are deleted, so its read models (the unit directory first) are filled from the start of
 * the topics it reads, which hold only the current data of each producer once every producer's database was created by
 * a start that did this. Runs before any service starts.
 */
async function forgetPastOf(service: string, brokers: string[]): Promise<void> {
  const own = (name: string) => name.startsWith(`${service}.`);
  try {
    const deleted = await deleteAllRecords(brokers, TOPICS.map((topic) => topic.name).filter(own));
    const groups = await deleteConsumerGroups(brokers, Object.values(CONSUMER_GROUPS).filter(own));
    const records = Object.entries(deleted).map(([topic, count]) => `${count} on ${topic}`);
    if (records.length > 0 || groups.length > 0) {
      log(`${service}: new database, so ${records.length > 0 ? `the records of its earlier data are deleted (${records.join(', ')})` : 'no earlier records'}${groups.length > 0 ? ` and its consumer groups (${groups.join(', ')}) will read from the start of their topics` : ''}`);
    }
  } catch (error) {
    log(`${service}: new database, but its earlier events and consumer offsets could not be cleared (${(error as Error).message}); run \`npm run events -- replay <group> --yes\` for its groups`);
  }
}

async function main(): Promise<void> {
  log(`Node ${process.version}`);
  const infra = await up();

  log('generating Prisma clients and GraphQL types');
  const generated = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/nx'), ['run-many', '-t', 'generate', '--outputStyle=static'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (generated.status !== 0) throw new Error('Code generation failed: run `npx nx run-many -t generate` to see why.');

  for (const service of PLATFORM_SERVICES) {
    if (!service.prismaProject || !service.database) continue;
    const { applied, fromEmpty } = await migrateDeploy({ projectRoot: service.prismaProject, databaseUrl: infra.postgres.databases[service.database] });
    log(`${service.name}: ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'database schema up to date'}`);
    if (fromEmpty) await forgetPastOf(service.name, infra.kafka.brokers);
  }
  await loadDemoProvinceIfEmpty(infra.postgres.databases['org-units'], log);

  const running: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const service of [...running].reverse()) await service.stop();
  };
  // Ctrl-C reaches this process more than once (from the terminal and relayed by tsx): stop once, ignore the rest.
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const commonEnv = {
    NODE_ENV: 'development',
    KAFKA_BROKERS: infra.kafka.brokers.join(','),
    LOG_LEVEL: 'warn',
  };
  try {
    for (const service of PLATFORM_SERVICES) {
      const env: Record<string, string> = { ...commonEnv };
      if (service.database) env.DATABASE_URL = infra.postgres.databases[service.database];
      // The gateway's rate limits live in Redis when infra found one (else it counts in its own process and says so).
      if (service.name === 'gateway' && infra.redis?.url) env.REDIS_URL = infra.redis.url;
      running.push(
        await startServiceProcess({
          name: service.name,
          entry: service.entry,
          port: service.port,
          readyPath: service.readyPath,
          env,
          onOutput: (line) => process.stdout.write(`[${service.name}] ${line}\n`),
        }),
      );
      log(`${service.name} ready on port ${service.port} (${elapsed()})`);
    }
    await loadDemoCampaignsIfEmpty(infra.postgres.databases.campaigns, infra.postgres.databases['org-units'], log);
    await loadDemoModelsIfEmpty(infra.postgres.databases.models, infra.postgres.databases['org-units'], log);
    // After campaigns (its registrations, through Kafka) and models, before the reform: the 2024 tree.
    await loadDemoAssessmentsIfEmpty(infra.postgres.databases.assessments, infra.postgres.databases.campaigns, infra.postgres.databases['org-units'], log);
    // The 2024 award season on the facts the assessments year published (decisions in early 2025, before the reform).
    await loadDemoAwardsIfEmpty(
      infra.postgres.databases.awards,
      { campaigns: infra.postgres.databases.campaigns, assessments: infra.postgres.databases.assessments, orgUnits: infra.postgres.databases['org-units'] },
      log,
    );
    // The 2024 year is in every service: now the reform, which each service meets through org-units' events.
    await applyDemoReformIfPending(infra.postgres.databases['org-units'], log);
  } catch (error) {
    await stopAll();
    throw error;
  }

  // Two tokens: Thái Bình's jurisdiction is the 2024 tree (before the reform), Hưng Yên's the tree from 1 July 2025.
  const tokenFor = async (code: string) =>
    mintDevToken({
      subject: `dev@province-police-${code.toLowerCase()}`,
      roles: ['ORG_ADMIN', 'STEERING_OFFICER'],
      unitId: await unitIdByCode(infra.postgres.databases['org-units'], code),
      secret: DEV_JWT_HS256_SECRET,
      expiresIn: '12h',
    });
  const thaiBinhToken = await tokenFor('TB');
  const hungYenToken = await tokenFor('HY');
  const readySeconds = (performance.now() - startedAt) / 1000;
  mkdirSync(path.join(REPO_ROOT, '.local'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, '.local', 'start-ready.json'), JSON.stringify({ readySeconds, at: new Date().toISOString() }));
  log(`platform ready in ${readySeconds.toFixed(1)} s`);
  process.stdout.write(
    [
      '',
      `  Gateway:   http://127.0.0.1:4000/graphql   (Apollo Sandbox in the browser)`,
      `  Dev token, ORG_ADMIN + STEERING_OFFICER of Tỉnh Thái Bình (the tree before 1 July 2025), 12 h:`,
      `  ${thaiBinhToken}`,
      `  Dev token, ORG_ADMIN + STEERING_OFFICER of Tỉnh Hưng Yên (the tree from 1 July 2025, after the reform), 12 h:`,
      `  ${hungYenToken}`,
      '',
      `  curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer <Thái Bình token>" \\`,
      `    -d '{"query":"{ unitByCode(code: \\"TB\\", asOf: \\"2024-06-01\\") { name children(kinds: [DISTRICT]) { totalCount edges { node { code name } } } } }"}'`,
      `  curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer <Thái Bình token>" \\`,
      `    -d '{"query":"{ campaigns(year: 2024) { title status childCampaigns { title } registrationSummary { expected registered late missing percent } } }"}'`,
      `  curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer <Thái Bình token>" \\`,
      `    -d '{"query":"{ modelStatistics(asOf: \\"2024-11-30\\", year: 2024) { totals { models modelRecords sites teams members trainings effective lessEffective ineffective trainingOverdue } byChild { name counts { models sites ineffective } } } }"}'`,
      `  curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer <Hưng Yên token>" \\`,
      `    -d '{"query":"{ unitByCode(code: \\"HY\\") { name children(kinds: [COMMUNE], first: 5) { totalCount edges { node { code name origins(asOf: \\"2024-06-01\\") { share unit { name } } } } } } }"}'`,
      '',
      '  Other tokens: npm run token -- --role ORG_ADMIN --unit TB-VT',
      '  Ctrl-C stops the services; `npm run infra:down` stops PostgreSQL/Kafka if this started them.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
