import path from 'node:path';

/** Repository root (this file lives in tools/infra/src). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every git-ignored runtime file of the local infrastructure lives under one folder. */
export interface InfraPaths {
  root: string;
  localDir: string;
  stateFile: string;
  composeFile: string;
  kafkaPom: string;
  kafkaLog4j: string;
  kafkaDir: string;
  kafkaDataDir: string;
  kafkaLogFile: string;
  kafkaPidFile: string;
  kafkaServerProperties: string;
  postgresDir: string;
  postgresDataDir: string;
  postgresLogFile: string;
  kafkaLibsDir(version: string): string;
}

/** Paths for a repository root (tests pass a scratch root so they never touch the real `.local/`). */
export function infraPaths(root: string = REPO_ROOT, localDir: string = path.join(root, '.local')): InfraPaths {
  const kafkaDir = path.join(localDir, 'kafka');
  const postgresDir = path.join(localDir, 'postgres');
  return {
    root,
    localDir,
    stateFile: path.join(localDir, 'infra.json'),
    composeFile: path.join(root, 'docker-compose.yml'),
    kafkaPom: path.join(root, 'infra', 'kafka', 'pom.xml'),
    kafkaLog4j: path.join(root, 'infra', 'kafka', 'log4j2.properties'),
    kafkaDir,
    kafkaDataDir: path.join(kafkaDir, 'data'),
    kafkaLogFile: path.join(kafkaDir, 'server.log'),
    kafkaPidFile: path.join(kafkaDir, 'kafka.pid'),
    kafkaServerProperties: path.join(kafkaDir, 'server.properties'),
    postgresDir,
    postgresDataDir: path.join(postgresDir, 'data'),
    postgresLogFile: path.join(postgresDir, 'server.log'),
    kafkaLibsDir: (version: string) => path.join(localDir, 'cache', `kafka-${version}`, 'libs'),
  };
}
