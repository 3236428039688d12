import { waitForBroker } from '@antt/events';
import { describePostgresUrl } from './database-url';
import { infraPaths, type InfraPaths } from './paths';
import { probePostgres } from './probes/postgres';
import { readInfraState } from './state';

/** One component as `status` reports it. */
export interface ComponentStatus {
  component: 'postgres' | 'kafka';
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
  const [postgres, kafka] = await Promise.all([
    probePostgres(state.postgres.adminUrl),
    waitForBroker(state.kafka.brokers, 3_000).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
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
  ];
}

/** Human-readable lines of {@link status}. */
export function formatStatus(components: readonly ComponentStatus[]): string[] {
  if (components.length === 0) return ['nothing resolved yet: run `npm run infra:up`'];
  return components.map(
    (c) => `${c.component.padEnd(8)} ${c.source.padEnd(8)} ${c.address.padEnd(22)} ${c.answers ? 'answers' : `DOWN (${c.detail ?? 'no answer'})`}`,
  );
}
