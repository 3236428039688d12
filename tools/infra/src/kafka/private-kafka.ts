import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readInfraEnv } from '../config';
import { infraPaths, type InfraPaths } from '../paths';
import { findJava } from '../probes/java';
import { type Reporter, silentReporter } from '../reporter';
import { freePort } from '../services/free-port';
import { localKafkaBrokers, runningLocalKafkaPid, startLocalKafka, stopLocalKafka } from './local-kafka';
import { isAlive } from './process-control';

const DIR_PREFIX = 'antt-kafka-';
const OWNER_FILE = 'owner.pid';

/** A single-node KRaft broker of its own, for a test that stops or kills a broker; never the one `up` manages. */
export interface PrivateKafka {
  brokers: string[];
  /** Folder of its data, `server.properties`, log and pid file (under the OS temp folder; `destroy` removes it). */
  dir: string;
  /** Pid of the broker process while it runs. */
  pid(): Promise<number | undefined>;
  /** Stops it with SIGTERM (controlled shutdown), keeping its data; SIGKILL after the grace period. */
  stop(): Promise<void>;
  /** Starts it again on the same data and ports, and waits until it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

/** How a private broker is started; every field has a default. */
export interface PrivateKafkaOptions {
  /** Where the jars are cached and the log4j config lives (default: this repository's `.local/cache` and `infra/kafka`). */
  paths?: InfraPaths;
  reporter?: Reporter;
  readyTimeoutMs?: number;
  stopGraceMs?: number;
}

/**
 * Starts a second local broker: the same jars (`.local/cache`, fetched once), settings and start-up code as the broker
 * `up` runs, but its own folder under the OS temp folder and free ports for its broker and controller listeners.
 * Private brokers whose owning process is gone (a test run killed before its `destroy`) are stopped and removed first.
 */
export async function startPrivateKafka(options: PrivateKafkaOptions = {}): Promise<PrivateKafka> {
  const env = readInfraEnv();
  const java = await findJava(env.javaHome);
  if (!java) throw new Error('Kafka: `java` was not found to start a private broker; install a JDK 17+ or set JAVA_HOME.');
  const base = options.paths ?? infraPaths();
  await reapOrphans(base);
  const dir = await mkdtemp(path.join(os.tmpdir(), DIR_PREFIX));
  await writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  const paths = privatePaths(base, dir);
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const reporter = options.reporter ?? silentReporter;
  const settings = { paths, java: java.command, version: env.kafkaVersion, port, controllerPort, readyTimeoutMs: options.readyTimeoutMs };
  const start = async () => {
    await startLocalKafka(settings, reporter);
  };
  const stop = async () => {
    await stopLocalKafka({ paths, stopGraceMs: options.stopGraceMs }, reporter);
  };
  try {
    await start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    brokers: localKafkaBrokers({ port }),
    dir,
    pid: () => runningLocalKafkaPid(paths),
    stop,
    start,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function reapOrphans(base: InfraPaths): Promise<void> {
  const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.startsWith(DIR_PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    const owner = Number((await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    await stopLocalKafka({ paths: privatePaths(base, dir), stopGraceMs: 5_000 }, silentReporter);
    await rm(dir, { recursive: true, force: true });
  }
}

function privatePaths(base: InfraPaths, dir: string): InfraPaths {
  return {
    ...base,
    kafkaDir: dir,
    kafkaDataDir: path.join(dir, 'data'),
    kafkaLogFile: path.join(dir, 'server.log'),
    kafkaPidFile: path.join(dir, 'kafka.pid'),
    kafkaServerProperties: path.join(dir, 'server.properties'),
  };
}
