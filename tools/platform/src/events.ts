/**
 * `npm run events -- <command>`: the stream as the analytics team and operators see it.
 *   tail <topic> [--from-beginning] [--max N] [--idle-ms N]   records as JSON lines, each checked against its contract
 *   lag [--group G] [--group-id ID]                           each read model's group: committed offsets against the log end
 *   replay <group> [--group-id ID] [--database-url URL] --yes  rebuild a read model from the start of its topics
 * Brokers: KAFKA_BROKERS, else what `npm run infra:up` wrote to .local/infra.json; topics under KAFKA_TOPIC_PREFIX when set.
 * `--group-id` names the group an environment runs the read model under when it is not the declared one
 * (e.g. the campaigns service's UNIT_DIRECTORY_GROUP_ID).
 */
import { parseArgs } from 'node:util';
import { CONSUMER_GROUPS, contractFor, topicNamed, TOPICS } from '@antt/contracts';
import { consumerGroupLag, parseEnvelope, resetGroupToEarliest, tailTopic, validatePayload } from '@antt/events';
import { readInfraState } from '@antt/infra';
import { Client } from 'pg';
import { READ_MODELS, readModelOf } from './events/read-models';

const USAGE = `usage: npm run events -- tail <topic> [--from-beginning] [--max N] [--idle-ms N]
       npm run events -- lag [--group <group>] [--group-id <id>]
       npm run events -- replay <group> [--group-id <id>] [--database-url <url>] --yes
topics: ${TOPICS.map((topic) => topic.name).join(', ')}
read models: ${READ_MODELS.map((model) => `${model.group} (${model.description})`).join('; ')}`;

/** The outcome of checking one record against the published contracts. */
export interface CheckedRecord {
  readonly valid: boolean;
  readonly type: string | null;
  readonly problem?: string;
}

/** Checks a record's value the way a consumer does: the envelope, then the payload against its contract. */
export function checkRecord(value: string | null): CheckedRecord {
  let type: string | null = null;
  try {
    const envelope = parseEnvelope(value);
    type = envelope.type;
    const contract = contractFor(envelope.type);
    if (!contract) return { valid: false, type, problem: `no contract declares ${envelope.type}` };
    validatePayload(contract, envelope.data);
    return { valid: true, type };
  } catch (error) {
    return { valid: false, type, problem: (error as Error).message };
  }
}

/** Where the command writes: standard output and error unless a caller (a test) gives its own. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const STDIO: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Values = Record<string, string | boolean | undefined>;
type Env = Record<string, string | undefined>;

async function brokers(env: Record<string, string | undefined>): Promise<string[]> {
  if (env.KAFKA_BROKERS) return env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()).filter(Boolean);
  const state = await readInfraState();
  if (!state) throw new Error('Set KAFKA_BROKERS or run `npm run infra:up` first (it writes .local/infra.json).');
  return [...state.kafka.brokers];
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a positive whole number, not "${value}".`);
  return Number(value);
}

async function tail(positionals: string[], values: Values, env: Env, io: Output): Promise<number> {
  const topic = positionals[0];
  if (!topic || !topicNamed(topic)) throw new Error(`Name a declared topic.\n${USAGE}`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  let invalid = 0;
  const read = await tailTopic(
    await brokers(env),
    `${env.KAFKA_TOPIC_PREFIX ?? ''}${topic}`,
    (record) => {
      const check = checkRecord(record.value);
      if (!check.valid) invalid += 1;
      const value = record.value === null ? null : parsedOrRaw(record.value);
      io.out(JSON.stringify({ partition: record.partition, offset: record.offset, key: record.key, ...check, value }));
    },
    {
      fromBeginning: values['from-beginning'] === true,
      max: positiveInt(values.max as string | undefined, 'max'),
      idleMs: positiveInt(values['idle-ms'] as string | undefined, 'idle-ms'),
      signal: controller.signal,
    },
  );
  io.err(`${read} record(s) read, ${invalid} not matching their contract`);
  return invalid > 0 ? 1 : 0;
}

function parsedOrRaw(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

async function lag(values: Values, env: Env, io: Output): Promise<number> {
  const group = values.group as string | undefined;
  const models = group ? READ_MODELS.filter((model) => model.group === group) : READ_MODELS;
  if (group && models.length === 0) throw new Error(`Unknown consumer group "${group}"; known: ${Object.values(CONSUMER_GROUPS).join(', ')}.`);
  const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
  for (const model of models) {
    const groupId = (values['group-id'] as string | undefined) ?? model.group;
    const report = await consumerGroupLag(await brokers(env), groupId, model.topics.map((topic) => `${prefix}${topic}`));
    io.out(`${groupId}: ${report.state}, ${report.members} member(s), lag ${report.totalLag}`);
    for (const partition of report.partitions) {
      io.out(`  ${partition.topic}[${partition.partition}] committed ${partition.committed ?? '-'} end ${partition.end} lag ${partition.lag}`);
    }
  }
  return 0;
}

async function replay(positionals: string[], values: Values, env: Env, io: Output): Promise<number> {
  const model = readModelOf(positionals[0] ?? '');
  if (!model) throw new Error(`Name the read model's consumer group.\n${USAGE}`);
  const databaseUrl = (values['database-url'] as string | undefined) ?? (await readInfraState())?.postgres.databases?.[model.service];
  if (!databaseUrl) throw new Error(`Give --database-url for ${model.service}, or run \`npm run infra:up\` first.`);
  const groupId = (values['group-id'] as string | undefined) ?? model.group;
  if (values.yes !== true) {
    io.out(`Would empty ${model.tables.join(', ')} and the inbox of ${groupId} in ${model.service}'s database and move the group to the start of ${model.topics.join(', ')}. Stop ${model.service} first, then run again with --yes.`);
    return 2;
  }
  const kafka = await brokers(env);
  const topics = model.topics.map((topic) => `${env.KAFKA_TOPIC_PREFIX ?? ''}${topic}`);
  // Offsets first: refused while the service still consumes, before anything is emptied.
  await resetGroupToEarliest(kafka, groupId, topics);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const table of model.tables) await client.query(`DELETE FROM ${table}`);
    const inbox = await client.query('DELETE FROM inbox_entry WHERE consumer = $1', [groupId]);
    await client.query('COMMIT');
    io.out(`${groupId}: emptied ${model.tables.join(', ')} and ${inbox.rowCount ?? 0} inbox entries; offsets at the start of ${topics.join(', ')}. Start ${model.service}: it rebuilds the read model from the stream.`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return 0;
}

/** Runs one command; resolves with the process exit code. */
export async function main(argv: readonly string[], env: Env, io: Output = STDIO): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'from-beginning': { type: 'boolean' },
      max: { type: 'string' },
      'idle-ms': { type: 'string' },
      group: { type: 'string' },
      'group-id': { type: 'string' },
      'database-url': { type: 'string' },
      yes: { type: 'boolean' },
    },
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (command === 'tail') return tail(rest, values, env, io);
  if (command === 'lag') return lag(values, env, io);
  if (command === 'replay') return replay(rest, values, env, io);
  throw new Error(USAGE);
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
