import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CONSUMER_GROUPS, TOPICS, UnitCreatedV1 } from '@antt/contracts';
import { appendToOutbox, createKafkaClient, OutboxRelay, startConsumer } from '@antt/events';
import { createMigratedTestDatabase, createTestTopics, getTestInfra, type TestDatabase, type TestTopics, uniqueName } from '@antt/testing';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers } from '@antt/unit-directory';
import { createPrismaClient, type CampaignsPrisma } from '../../src/infrastructure/prisma-client';

/**
 * Measurement, not a timed assertion: the campaigns unit directory fed the way production feeds it (org-units events
 * committed to an outbox, published by the relay, applied by the batch-mode consumer with campaigns' transaction
 * settings). Prints
 *  1. the projection rate: `UD_BENCH_EVENTS` unit-created events already on the topic, drained by a new consumer;
 *  2. the commit-to-projection lag p50/p99/max at a steady `UD_BENCH_RATE` events/s for `UD_BENCH_SECONDS` seconds:
 *     from the outbox transaction's commit to the first poll (every 50 ms) that sees the unit in the directory.
 * It asserts correctness only (every unit once, at its revision). Defaults keep the suite short; the figures in the
 * events README come from `UD_BENCH_EVENTS=100000 UD_BENCH_SECONDS=30`.
 */
const N = Number(process.env['UD_BENCH_EVENTS'] ?? 5000);
const RATE = Number(process.env['UD_BENCH_RATE'] ?? 1000);
const SECONDS = Number(process.env['UD_BENCH_SECONDS'] ?? 10);
const TICK_MS = 100;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function unitCreated(unitId: string, index: number) {
  const example = UnitCreatedV1.example;
  return {
    contract: UnitCreatedV1,
    aggregateId: unitId,
    data: { ...example, unitId, code: `BENCH-${index}`, timeline: example.timeline.map((version) => ({ ...version, name: `Thôn ${index}` })) },
  };
}

describe('campaigns unit directory throughput (measurement)', () => {
  let database: TestDatabase;
  let prisma: CampaignsPrisma;
  let topics: TestTopics;
  const prefix = `${uniqueName('udbench')}.`;

  beforeAll(async () => {
    database = await createMigratedTestDatabase('cp_udbench_', path.resolve(__dirname, '../..'));
    prisma = createPrismaClient(database.url, 4);
    const partitions = TOPICS.find((topic) => topic.name === UNIT_DIRECTORY_TOPICS[0])?.partitions ?? 3;
    topics = await createTestTopics(UNIT_DIRECTORY_TOPICS.map((name) => ({ name: `${prefix}${name}`, partitions })));
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await topics?.drop().catch(() => undefined);
    await database?.drop();
  });

  it(`applies ${N} events, then ${RATE} events/s for ${SECONDS} s, and prints the rate and the lag`, async () => {
    const { kafkaBrokers } = await getTestInfra();
    const kafka = createKafkaClient({ brokers: kafkaBrokers, clientId: 'udbench', logLevel: 'nothing' });
    const relay = new OutboxRelay({ databaseUrl: database.url, service: 'org-units', kafka, topicPrefix: prefix, pollIntervalMs: 200 });
    const unpublished = async () => Number((await prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'))[0]?.n ?? 0);
    const directoryCount = async () => Number((await prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT count(*) AS n FROM directory_unit'))[0]?.n ?? 0);
    const until = async (check: () => Promise<boolean>, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    };

    for (let start = 0; start < N; start += 5000) {
      const events = Array.from({ length: Math.min(5000, N - start) }, (_, i) => unitCreated(randomUUID(), start + i));
      await prisma.$transaction((tx) => appendToOutbox(tx, events, { source: 'org-units' }), { timeout: 120_000 });
    }
    await relay.start();
    await until(async () => (await unpublished()) === 0, 600_000);

    const consumer = startConsumer({
      kafka,
      groupId: uniqueName(CONSUMER_GROUPS.campaignsUnitDirectory),
      deadLetterTopic: `${UNIT_DIRECTORY_TOPICS[0]}.bench.dlq`,
      topics: UNIT_DIRECTORY_TOPICS,
      topicPrefix: prefix,
      handlers: unitDirectoryHandlers(),
      batchHandlers: unitDirectoryBatchHandlers(),
      transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
    });
    const lags: number[] = [];
    const worstPerWindow = new Map<number, number>();
    try {
      const started = Date.now();
      await consumer.ready;
      const joined = Date.now() - started;
      await until(async () => consumer.metrics().applied >= N, 600_000);
      const drained = Date.now() - started;
      process.stdout.write(
        `unit directory: ${N} events in ${drained} ms = ${Math.round((N * 1000) / drained)} events/s ` +
          `(group join ${joined} ms; ${Math.round((N * 1000) / Math.max(1, drained - joined))} events/s after it)\n`,
      );

      const committedAt = new Map<string, number>();
      let index = N;
      const loadStart = Date.now();
      let pollUntil = Number.POSITIVE_INFINITY;
      const poller = (async () => {
        while (Date.now() < pollUntil || (committedAt.size > 0 && Date.now() < pollUntil + 120_000)) {
          const pending = [...committedAt.keys()];
          if (pending.length > 0) {
            const seen = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
              'SELECT unit_id::text AS id FROM directory_unit WHERE unit_id = ANY($1::uuid[])',
              pending,
            );
            const now = Date.now();
            for (const { id } of seen) {
              const committed = committedAt.get(id) ?? now;
              const window = Math.floor((committed - loadStart) / 5000) * 5;
              lags.push(now - committed);
              worstPerWindow.set(window, Math.max(worstPerWindow.get(window) ?? 0, now - committed));
              committedAt.delete(id);
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const perTick = Math.round((RATE * TICK_MS) / 1000);
      for (let tick = 0; tick < (SECONDS * 1000) / TICK_MS; tick += 1) {
        const events = Array.from({ length: perTick }, () => unitCreated(randomUUID(), index++));
        await prisma.$transaction((tx) => appendToOutbox(tx, events, { source: 'org-units' }));
        const committed = Date.now();
        for (const event of events) committedAt.set(event.aggregateId, committed);
        const wait = loadStart + (tick + 1) * TICK_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const offered = Math.round(((index - N) * 1000) / (Date.now() - loadStart));
      pollUntil = Date.now();
      await poller;
      const sorted = [...lags].sort((a, b) => a - b);
      process.stdout.write(
        `unit directory lag: ${index - N} events at ${offered} events/s offered; commit-to-projection p50 ${percentile(sorted, 50)} ms, ` +
          `p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms; worst per 5 s of load: ` +
          `${[...worstPerWindow].sort(([a], [b]) => a - b).map(([at, ms]) => `${at} s: ${ms} ms`).join(', ')}\n`,
      );
      // published_at is the relay transaction's start: this is the share of the lag spent before the relay picked events up.
      const [pickUp] = await prisma.$queryRawUnsafe<Array<{ p50: number; p99: number }>>(
        `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM published_at - created_at) * 1000 AS ms FROM outbox_event WHERE seq > $1) AS t`,
        N,
      );
      process.stdout.write(`unit directory lag, of which outbox commit to relay pick-up: p50 ${Math.round(Number(pickUp?.p50))} ms, p99 ${Math.round(Number(pickUp?.p99))} ms\n`);
      expect(lags).toHaveLength(index - N);
      expect(consumer.metrics()).toEqual({ applied: index, duplicates: 0, skipped: 0, deadLettered: 0 });
      expect(await directoryCount()).toBe(index);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  }, 1_200_000);
});
