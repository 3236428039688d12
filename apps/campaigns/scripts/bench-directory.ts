/**
 * The unit-directory projection alone (issue 11, item 3), measured on campaigns' database: replays org-units' events
 * (one envelope per line, in outbox order) through the consumer kit's batch path (`processBatch`: envelope and contract
 * validation, inbox, `unitDirectoryBatchHandlers`) into a scratch database, without Kafka, one partition batch after
 * another as one consumer would. Prints events/s, units/s (a reorganisation plan's `org-units.plan.applied` part carries
 * up to 500 units) and the CPU microseconds per unit of this Node process and of the PostgreSQL backend that ran the
 * transactions (read from /proc: PostgreSQL must run on this machine), for the events before the first reorganisation
 * and from it on; writes `.local/bench/directory.json`.
 * `npm run bench:directory` builds the events (a national import and the synthetic reform) and runs this.
 *
 * usage: tsx --tsconfig apps/campaigns/tsconfig.json apps/campaigns/scripts/bench-directory.ts <events.jsonl>
 *   [--batch 750] [--partitions 3] [--statements]
 * `--statements` also prints the wall time of each kind of statement (Node's side of the call included).
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EVENT_CONTRACTS, type EventContract, type EventEnvelope } from '@antt/contracts';
import { chunkByBytes, type EventHandler, type IncomingRecord, processBatch, silentLogger } from '@antt/events';
import { createMigratedTestDatabase } from '@antt/testing';
import { type SqlClient, unitDirectoryBatchHandlers, unitDirectoryHandlers, unitStatesOf } from '@antt/unit-directory';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const OUT = path.resolve(__dirname, '../../../.local/bench');
const log = (line: string) => process.stdout.write(`[bench:directory] ${line}\n`);

/** CPU seconds (user + system) a local process has used, from /proc. */
async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The envelopes as the relay sends them (`JSON.stringify` of the stored row), one per line of the file. */
async function readEvents(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line) lines.push(JSON.stringify(JSON.parse(line)));
  return lines;
}

/** What a consumer fetches of one partition at most (kafkajs' default `maxBytesPerPartition`, which the consumer kit keeps). */
const FETCH_BYTES_PER_PARTITION = 1024 * 1024;

/**
 * Records as Kafka would hand them to one consumer: keyed by their subject (a unit, or a plan for its parts), spread over
 * partitions, fetched `batch` records and at most 1 MiB at a time.
 */
function partitionBatches(values: readonly string[], partitions: number, batch: number): IncomingRecord[][] {
  const byPartition: IncomingRecord[][] = Array.from({ length: partitions }, () => []);
  for (const value of values) {
    const key = (JSON.parse(value) as { subject: string }).subject;
    let hash = 0;
    for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) | 0;
    const partition = Math.abs(hash) % partitions;
    const records = byPartition[partition] as IncomingRecord[];
    records.push({ topic: 'org-units.unit', partition, offset: String(records.length), key: Buffer.from(key), value: Buffer.from(value), headers: {} });
  }
  const batches: IncomingRecord[][] = [];
  // Round robin over the partitions, as a consumer fetching all of them sees their batches interleaved.
  const fetches = byPartition.map((records) => chunkByBytes(records, (record) => record.value?.length ?? 0, FETCH_BYTES_PER_PARTITION, batch));
  for (let index = 0; fetches.some((list) => index < list.length); index += 1) {
    for (const list of fetches) if (index < list.length) batches.push(list[index] as IncomingRecord[]);
  }
  return batches;
}

/** Wall milliseconds per statement (its first words), with `--statements`. */
const statementMs = new Map<string, { count: number; ms: number }>();
function timed(tx: SqlClient): SqlClient {
  const time = async <T>(query: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const key = query.replace(/\s+/g, ' ').trim().slice(0, 70);
      const entry = statementMs.get(key) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += performance.now() - started;
      statementMs.set(key, entry);
    }
  };
  return {
    $executeRawUnsafe: (query, ...args) => time(query, () => tx.$executeRawUnsafe(query, ...args)),
    $queryRawUnsafe: <T>(query: string, ...args: unknown[]) => time(query, () => tx.$queryRawUnsafe<T>(query, ...args)),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      batch: { type: 'string', default: '750' },
      partitions: { type: 'string', default: '3' },
      statements: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: bench-directory.ts <events.jsonl> [--batch 750] [--partitions 3] [--statements]');
  mkdirSync(OUT, { recursive: true });
  const all = await readEvents(file);
  const firstReform = all.findIndex((value) => value.includes('"type":"org-units.unit.reorganised.v1"') || value.includes('"type":"org-units.plan.applied.v1"'));
  const parts = { import: firstReform < 0 ? all : all.slice(0, firstReform), reform: firstReform < 0 ? [] : all.slice(firstReform) };
  const unitsIn = (values: readonly string[]) => values.reduce((sum, value) => sum + unitStatesOf(JSON.parse(value) as EventEnvelope).length, 0);
  const units = { import: unitsIn(parts.import), reform: unitsIn(parts.reform) };
  log(`${all.length} events: ${parts.import.length} before the reform (${units.import} units), ${parts.reform.length} from it on (${units.reform} units)`);

  const database = await createMigratedTestDatabase('bdir_', path.resolve(__dirname, '..'));
  const prisma = createPrismaClient(database.url, 1);
  try {
    const backendPid = Number((await prisma.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid'))[0]?.pid);
    const handlers = new Map<string, { contract: EventContract; handler: EventHandler<SqlClient> }>();
    for (const [type, handler] of Object.entries(unitDirectoryHandlers<SqlClient & Parameters<EventHandler>[1]>())) {
      handlers.set(type, { contract: EVENT_CONTRACTS.find((contract) => contract.fullType === type) as EventContract, handler });
    }
    const deps = {
      consumer: 'bench-directory',
      handlers,
      batchHandlers: new Map(Object.entries(unitDirectoryBatchHandlers<SqlClient & Parameters<EventHandler>[1]>())),
      transaction: <T>(fn: (tx: SqlClient) => Promise<T>) => prisma.$transaction((tx) => fn(values.statements ? timed(tx) : tx), { timeout: 60_000 }),
      retry: { attempts: 1, initialBackoffMs: 0, maxBackoffMs: 0 },
      logger: silentLogger,
      heartbeat: async () => undefined,
      heartbeatIntervalMs: 3000,
      deadLetter: async (_record: IncomingRecord, kind: string, detail: string) => {
        throw new Error(`an event was dead-lettered (${kind}): ${detail}`);
      },
      isInfrastructureError: () => false,
    };
    const results: Record<string, unknown> = { batch: Number(values.batch), partitions: Number(values.partitions) };
    for (const [phase, events] of Object.entries(parts)) {
      if (events.length === 0) continue;
      const batches = partitionBatches(events, Number(values.partitions), Number(values.batch));
      const nodeBefore = process.cpuUsage();
      const pgBefore = await processCpuSeconds(backendPid);
      const started = performance.now();
      let applied = 0;
      for (const batch of batches) {
        const outcomes = await processBatch(batch, deps as never);
        applied += outcomes.filter((outcome) => outcome.kind === 'applied').length;
      }
      const seconds = (performance.now() - started) / 1000;
      const node = process.cpuUsage(nodeBefore);
      const nodeSeconds = (node.user + node.system) / 1e6;
      const pgSeconds = (await processCpuSeconds(backendPid)) - pgBefore;
      const unitCount = units[phase as keyof typeof units];
      const result = {
        events: events.length,
        units: unitCount,
        applied,
        seconds: +seconds.toFixed(1),
        eventsPerSecond: Math.round(events.length / seconds),
        unitsPerSecond: Math.round(unitCount / seconds),
        nodeCpuMicrosPerUnit: Math.round((nodeSeconds * 1e6) / unitCount),
        postgresCpuMicrosPerUnit: Math.round((pgSeconds * 1e6) / unitCount),
      };
      results[phase] = result;
      log(`${phase}: ${JSON.stringify(result)}`);
      for (const [query, { count, ms }] of [...statementMs].sort((a, b) => b[1].ms - a[1].ms)) {
        log(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${String(count).padStart(5)}×  ${query}`);
      }
      statementMs.clear();
    }
    writeFileSync(path.join(OUT, 'directory.json'), JSON.stringify(results, null, 2));
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
