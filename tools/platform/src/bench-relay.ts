/**
 * The outbox relay alone (issue 11, "Event throughput"): how fast one service's relay publishes a national backlog.
 *
 * On a scratch database of its own: org-units migrated and the national demo tree imported with the import CLI (110,756 units,
 * as many `org-units.unit.created` events in the outbox), or the reform's events too with `--reform` (the synthetic national
 * reform of `bench:reform` applied with the reorganisation CLI: about 97,600 units' states in a few hundred
 * `org-units.plan.applied` events of up to 256 KiB since 2 December 2026, as many `reorganised` events as units before).
 * Then, `--rounds` times: every outbox row marked unpublished, a relay started on topics of its own (a fresh prefix per round), timed until
 * the outbox is empty, stopped. Prints events/s and MB/s per round. Nothing else runs: this is the relay's ceiling on the
 * machine; in `bench:reform` it shares the 2 cores with the services, their consumers and the readers.
 *
 * usage: npm run bench:relay [-- --rounds 3] [--batch-size 500] [--reform] [--keep]
 * Reads DATABASE_ADMIN_URL and KAFKA_BROKERS (defaults: local PostgreSQL and broker); starts no infrastructure.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { TOPICS } from '@antt/contracts';
import { createKafkaClient, deleteTopics, ensureTopics, OutboxRelay } from '@antt/events';
import { dropDatabase, REPO_ROOT } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import { applySyntheticReform, benchInfra, createBenchDatabase, runTool, writeBenchResults, writeSyntheticReformFiles } from './bench-support';
import { serializeRows, thaiBinhTree } from './demo';

const log = (line: string) => process.stdout.write(`[bench:relay] ${line}\n`);


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      'batch-size': { type: 'string', default: '500' },
      reform: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a positive whole number expected');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size: a positive whole number expected');
  const { adminUrl, brokers } = benchInfra();
  const db = await createBenchDatabase(adminUrl, 'bench_relay_');
  const client = new pg.Client({ connectionString: db.url });
  const out = path.join(REPO_ROOT, '.local', 'bench');
  const results: Array<Record<string, number>> = [];
  try {
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/org-units'), databaseUrl: db.url });
    const files = { demo: path.join(out, 'relay-thai-binh.json'), national: path.join(out, 'relay-national.json'), mapping: path.join(out, 'relay-reform.json') };
    writeFileSync(files.demo, serializeRows(thaiBinhTree(), 'json'));
    await writeSyntheticReformFiles(files);
    log('importing the national tree (the import CLI)');
    await runTool(['apps/org-units/src/import/cli.ts', files.demo], { DATABASE_URL: db.url });
    await runTool(['apps/org-units/src/import/cli.ts', files.national], { DATABASE_URL: db.url });
    if (values.reform) {
      log('applying the synthetic national reform (the reorganisation CLI)');
      await applySyntheticReform(files.mapping, db.url);
    }
    await client.connect();
    const [size] = (await client.query<{ rows: string; bytes: string }>(`SELECT count(*)::text AS rows, sum(octet_length(envelope::text))::text AS bytes FROM outbox_event`)).rows;
    const rows = Number(size?.rows ?? 0);
    const megabytes = Number(size?.bytes ?? 0) / 1e6;
    log(`${rows} events in the outbox (${megabytes.toFixed(1)} MB of envelopes); relay batch size ${batchSize}`);
    for (let round = 1; round <= rounds; round += 1) {
      await client.query('UPDATE outbox_event SET published_at = NULL');
      await client.query('VACUUM ANALYZE outbox_event');
      const prefix = `bench-relay-${Date.now().toString(36)}.`;
      const topics = TOPICS.map((topic) => ({ ...topic, name: `${prefix}${topic.name}` }));
      await ensureTopics(brokers.split(','), topics);
      const relay = new OutboxRelay({ databaseUrl: db.url, service: 'org-units', kafka: createKafkaClient({ brokers: brokers.split(','), clientId: 'bench-relay' }), batchSize, topicPrefix: prefix });
      const started = performance.now();
      await relay.start();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const [left] = (await client.query<{ left: string }>('SELECT count(*)::text AS left FROM outbox_event WHERE published_at IS NULL')).rows;
        if (Number(left?.left) === 0) break;
      }
      const seconds = (performance.now() - started) / 1000;
      await relay.stop();
      await deleteTopics(brokers.split(','), topics.map((topic) => topic.name));
      const result = { round, events: rows, seconds: +seconds.toFixed(2), eventsPerSecond: Math.round(rows / seconds), megabytesPerSecond: +(megabytes / seconds).toFixed(1) };
      results.push(result);
      log(`round ${round}: ${JSON.stringify(result)}`);
    }
    writeBenchResults('relay', { batchSize, reform: values.reform, results });
  } finally {
    await client.end().catch(() => undefined);
    if (!values.keep) await dropDatabase(adminUrl, db.name);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
