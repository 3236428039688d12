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
import { CONSUMER_GROUPS } from '@antt/contracts';
import { committedTopics, moveGroupOffsets } from '@antt/events';
import { applyDemoReformIfPending, loadDemoAssessmentsIfEmpty, loadDemoAwardsIfEmpty, loadDemoCampaignsIfEmpty, loadDemoModelsIfEmpty, loadDemoProvinceIfEmpty, unitIdByCode } from './start/demo-data';
import { PLATFORM_SERVICES } from './start/services';

const startedAt = performance.now();
const log = (line: string) => process.stdout.write(`[start] ${line}\n`);
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

/**
 * A service's read models live in its database, but its consumer groups' offsets live in Kafka. For each service whose
 * database was just migrated from empty, each of its groups is moved, topic by topic, to where its new database should
 * start: the beginning of a topic whose producer kept its database (the records describe the world that still exists,
 * and the read model must be filled from them), the end of one whose producer's database is new too (the records there
 * describe a world that was dropped with it). Without this the group would resume where the old database left off and
 * the unit directory would never be filled, or, replayed whole after a clean start, would hold the dropped tree's units too.
 */
async function placeConsumerGroups(service: string, freshServices: ReadonlySet<string>, brokers: string[]): Promise<void> {
  const groups = Object.values(CONSUMER_GROUPS).filter((groupId) => groupId.startsWith(`${service}.`));
  for (const groupId of groups) {
    try {
      const targets = (await committedTopics(brokers, groupId)).map((topic) => ({ topic, to: freshServices.has(topic.split('.')[0] ?? '') ? ('latest' as const) : ('earliest' as const) }));
      if (targets.length === 0) continue;
      await moveGroupOffsets(brokers, groupId, targets);
      log(`${service}: new database, so ${groupId} reads ${targets.map((target) => `${target.topic} from ${target.to === 'earliest' ? 'the beginning' : 'now on'}`).join(', ')}`);
    } catch (error) {
      log(`${service}: new database, but ${groupId} could not be placed (${(error as Error).message}); run \`npm run events -- replay ${groupId} --yes\` if its topics' producers kept their databases`);
    }
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

  const freshServices = new Set<string>();
  for (const service of PLATFORM_SERVICES) {
    if (!service.prismaProject || !service.database) continue;
    const { applied, fromEmpty } = await migrateDeploy({ projectRoot: service.prismaProject, databaseUrl: infra.postgres.databases[service.database] });
    log(`${service.name}: ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'database schema up to date'}`);
    if (fromEmpty) freshServices.add(service.name);
  }
  for (const service of freshServices) await placeConsumerGroups(service, freshServices, infra.kafka.brokers);
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
