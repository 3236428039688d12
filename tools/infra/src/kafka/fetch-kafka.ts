import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { InfraUnavailableError } from '../infra-error';
import { runCommand } from '../probes/run-command';
import { type Reporter } from '../reporter';

/**
 * True when a libs folder holds the broker jar of `version`, Kafka's command-line tools (`kafka-tools`: console consumer,
 * consumer groups) and the log4j2 binding of slf4j 1.x (else the broker logs nothing).
 */
export async function hasKafkaJars(libsDir: string, version: string): Promise<boolean> {
  if (!existsSync(libsDir)) return false;
  const files = await readdir(libsDir);
  return (
    files.includes(`kafka_2.13-${version}.jar`) &&
    files.includes(`kafka-tools-${version}.jar`) &&
    files.some((file) => file.startsWith('log4j-core-')) &&
    files.some((file) => file.startsWith('log4j-slf4j-impl-'))
  );
}

/**
 * Fetches the broker's runtime jars from Maven Central once, through `infra/kafka/pom.xml`, into `libsDir`. The copy goes to
 * a sibling folder first and is renamed into place, so an interrupted fetch is never mistaken for a complete one. A cache from
 * before the tools were part of it only gains the missing jars (a broker running from it keeps its files).
 */
export async function ensureKafkaJars(pom: string, libsDir: string, version: string, reporter: Reporter): Promise<void> {
  if (await hasKafkaJars(libsDir, version)) return;
  reporter.info(`Kafka: fetching kafka_2.13 ${version} from Maven Central into ${libsDir} (once)`);
  const staging = `${libsDir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(libsDir), { recursive: true });
  const result = await runCommand(
    'mvn',
    ['-B', '-q', '-f', pom, `-Dkafka.version=${version}`, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`],
    { timeoutMs: 600_000 },
  );
  if (result.code === null && /ENOENT/.test(result.stderr)) {
    throw new InfraUnavailableError(
      `Kafka: the broker jars are not in ${libsDir} and \`mvn\` was not found; install Apache Maven (with access to Maven Central) or set KAFKA_BROKERS=host:port.`,
    );
  }
  if (result.code !== 0 || !(await hasKafkaJars(staging, version))) {
    const detail = (result.stdout + result.stderr).trim().split('\n').slice(-5).join(' | ');
    throw new InfraUnavailableError(
      `Kafka: fetching kafka_2.13 ${version} from Maven Central failed (${detail || 'no output'}); check Maven's access to Maven Central or set KAFKA_BROKERS=host:port.`,
    );
  }
  if (existsSync(libsDir)) {
    const present = new Set(await readdir(libsDir));
    for (const file of await readdir(staging)) if (!present.has(file)) await copyFile(path.join(staging, file), path.join(libsDir, file));
    await rm(staging, { recursive: true, force: true });
    return;
  }
  await rename(staging, libsDir);
}
