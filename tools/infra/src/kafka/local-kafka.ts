import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { waitForBroker } from '@antt/events';
import { InfraUnavailableError } from '../infra-error';
import { type InfraPaths } from '../paths';
import { runCommand } from '../probes/run-command';
import { tcpAnswers } from '../probes/tcp';
import { type Reporter } from '../reporter';
import { newClusterId } from './cluster-id';
import { ensureKafkaJars } from './fetch-kafka';
import { isProcessRunning, terminate } from './process-control';
import { renderServerProperties } from './server-properties';

/** How the local broker is run. */
export interface LocalKafkaOptions {
  paths: InfraPaths;
  java: string;
  version: string;
  host?: string;
  port?: number;
  controllerPort?: number;
  readyTimeoutMs?: number;
  stopGraceMs?: number;
}

const MAIN_CLASS = 'kafka.Kafka';
const HEAP = ['-Xms512m', '-Xmx1g'];
const JVM_FLAGS = ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35', '-Djava.awt.headless=true'];

/** Brokers of the local broker. */
export function localKafkaBrokers(options: Pick<LocalKafkaOptions, 'host' | 'port'>): string[] {
  return [`${options.host ?? '127.0.0.1'}:${options.port ?? 9092}`];
}

/** Pid of the local broker when it is running. */
export async function runningLocalKafkaPid(paths: InfraPaths): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(paths.kafkaPidFile, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && isProcessRunning(pid, MAIN_CLASS) ? pid : undefined;
}

/**
 * Starts the single-node KRaft broker from the Maven Central jars (fetched once), formatting its storage on first use, and
 * waits until it answers metadata requests. Reuses a broker this tool already started. Resolves with its pid.
 */
export async function startLocalKafka(options: LocalKafkaOptions, reporter: Reporter): Promise<{ pid: number; reused: boolean }> {
  const { paths, java, version } = options;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 9092;
  const controllerPort = options.controllerPort ?? 9093;
  const brokers = localKafkaBrokers({ host, port });

  const running = await runningLocalKafkaPid(paths);
  if (running !== undefined) {
    await waitForBroker(brokers, options.readyTimeoutMs ?? 90_000);
    return { pid: running, reused: true };
  }
  for (const busy of [port, controllerPort]) {
    if (await tcpAnswers(host, busy)) {
      throw new InfraUnavailableError(
        `Kafka: port ${host}:${busy} is taken by a process this tool did not start; stop it, or set KAFKA_BROKERS=${host}:${port} if it is a Kafka broker you want to use.`,
      );
    }
  }

  const libsDir = paths.kafkaLibsDir(version);
  await ensureKafkaJars(paths.kafkaPom, libsDir, version, reporter);
  await mkdir(paths.kafkaDataDir, { recursive: true });
  await writeFile(paths.kafkaServerProperties, renderServerProperties({ host, port, controllerPort, dataDir: paths.kafkaDataDir }));
  const classpath = `${libsDir}${path.sep}*`;

  if (!existsSync(path.join(paths.kafkaDataDir, 'meta.properties'))) {
    reporter.info(`Kafka: formatting KRaft storage in ${paths.kafkaDataDir}`);
    const format = await runCommand(
      java,
      [...HEAP, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '--standalone', '--ignore-formatted', '-t', newClusterId(), '-c', paths.kafkaServerProperties],
      { timeoutMs: 120_000 },
    );
    if (format.code !== 0) {
      throw new Error(`Kafka storage format failed: ${(format.stdout + format.stderr).trim().split('\n').slice(-5).join(' | ')}`);
    }
  }

  reporter.info(`Kafka: starting local KRaft broker ${version} on ${brokers.join(',')} (log: ${paths.kafkaLogFile})`);
  const log = openSync(paths.kafkaLogFile, 'a');
  let pid: number;
  try {
    const child = spawn(
      java,
      [
        ...HEAP,
        ...JVM_FLAGS,
        `-Dlog4j2.configurationFile=${paths.kafkaLog4j}`,
        `-Dkafka.logs.dir=${paths.kafkaDir}`,
        '-cp',
        classpath,
        MAIN_CLASS,
        paths.kafkaServerProperties,
      ],
      { detached: true, stdio: ['ignore', log, log], cwd: paths.kafkaDir },
    );
    if (child.pid === undefined) throw new Error(`could not start ${java}`);
    pid = child.pid;
    child.unref();
  } finally {
    closeSync(log);
  }
  await writeFile(paths.kafkaPidFile, `${pid}\n`);

  try {
    await waitUntilReady(pid, brokers, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await terminate(pid, 5_000);
    await rm(paths.kafkaPidFile, { force: true });
    const tail = await logTail(paths.kafkaLogFile, 10);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${paths.kafkaLogFile} (last lines) ---\n${tail}`);
  }
  return { pid, reused: false };
}

/** Stops the local broker with SIGTERM (controlled shutdown), SIGKILL after the grace period. False when none was running. */
export async function stopLocalKafka(options: Pick<LocalKafkaOptions, 'paths' | 'stopGraceMs'>, reporter: Reporter): Promise<boolean> {
  const pid = await runningLocalKafkaPid(options.paths);
  if (pid === undefined) {
    await rm(options.paths.kafkaPidFile, { force: true });
    return false;
  }
  const outcome = await terminate(pid, options.stopGraceMs ?? 30_000);
  await rm(options.paths.kafkaPidFile, { force: true });
  reporter.info(`Kafka: local broker (pid ${pid}) ${outcome === 'killed' ? 'killed after the grace period' : 'stopped'}`);
  return true;
}

async function waitUntilReady(pid: number, brokers: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const [address] = brokers;
  const [host, port] = (address ?? '').split(':');
  while (Date.now() < deadline) {
    if (!isProcessRunning(pid, MAIN_CLASS)) throw new Error(`Kafka exited during start-up (pid ${pid})`);
    if (await tcpAnswers(host ?? '127.0.0.1', Number(port))) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await waitForBroker(brokers, Math.max(deadline - Date.now(), 1_000));
}

async function logTail(file: string, lines: number): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
