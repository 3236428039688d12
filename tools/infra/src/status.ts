import { waitForBroker } from '@antt/events';
import { describePostgresUrl } from './database-url';
import { infraPaths, type InfraPaths } from './paths';
import { probePostgres } from './probes/postgres';
import { parseHostPort, tcpAnswers } from './probes/tcp';
import { readInfraState } from './state';

/** One component as `status` reports it. */
export interface ComponentStatus {
  component: 'postgres' | 'kafka' | 'redis';
  source: string;
  address: string;
  answers: boolean;
  detail?: string;
}

/** Status of what `up` resolved; empty when `up` has not run. */
export async function status(options: { paths?: InfraPaths } = {}): Promise<ComponentStatus[]> {
  const paths = options.paths ?? infraPaths();
  const state = await readInfraState(paths.stateFile);
  if (!state) return [];
  const redisUrl = state.redis?.url ? new URL(state.redis.url) : undefined;
  const [postgres, kafka, redis] = await Promise.all([
    probePostgres(state.postgres.adminUrl),
    waitForBroker(state.kafka.brokers, 3_000).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
    redisUrl ? tcpAnswers(...hostAndPort(redisUrl)) : Promise.resolve(false),
  ]);
  return [
    {
      component: 'postgres',
      source: state.postgres.source,
      address: describePostgresUrl(state.postgres.adminUrl),
      answers: postgres.ok,
      ...(postgres.ok ? {} : { detail: postgres.reason }),
    },
    {
      component: 'kafka',
      source: state.kafka.source,
      address: state.kafka.brokers.join(','),
      answers: kafka === undefined,
      ...(kafka === undefined ? {} : { detail: kafka }),
    },
    ...(redisUrl && state.redis
      ? [
          {
            component: 'redis' as const,
            source: state.redis.source,
            address: redisUrl.host,
            answers: redis,
            ...(redis ? {} : { detail: 'no TCP answer' }),
          },
        ]
      : []),
  ];
}

function hostAndPort(url: URL): [string, number] {
  const { host, port } = parseHostPort(url.port ? url.host : `${url.hostname}:6379`);
  return [host, port];
}

/** Human-readable lines of {@link status}. */
export function formatStatus(components: readonly ComponentStatus[]): string[] {
  if (components.length === 0) return ['nothing resolved yet: run `npm run infra:up`'];
  return components.map(
    (c) => `${c.component.padEnd(8)} ${c.source.padEnd(8)} ${c.address.padEnd(22)} ${c.answers ? 'answers' : `DOWN (${c.detail ?? 'no answer'})`}`,
  );
}
