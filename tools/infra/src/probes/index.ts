import { type InfraEnv } from '../config';
import { type KafkaProbes } from '../resolve-kafka';
import { type PostgresProbes } from '../resolve-postgres';
import { type RedisProbes } from '../resolve-redis';
import { dockerEngineAnswers } from './docker';
import { findJava } from './java';
import { probePostgres } from './postgres';
import { tcpAnswers } from './tcp';

/** The real probes; `docker info` runs at most once per call of this function. */
export function machineProbes(env: InfraEnv): PostgresProbes & KafkaProbes & RedisProbes {
  let docker: Promise<boolean> | undefined;
  return {
    probePostgres: (url) => probePostgres(url),
    dockerEngineAnswers: () => (docker ??= dockerEngineAnswers()),
    findJava: () => findJava(env.javaHome),
    tcpAnswers: (host, port) => tcpAnswers(host, port),
  };
}
