import { InfraUnavailableError } from './infra-error';
import { type JavaRuntime } from './probes/java';

/** How Kafka will be provided. */
export type KafkaPlan =
  | { source: 'env'; brokers: string[] }
  | { source: 'docker'; brokers: string[] }
  | { source: 'local'; brokers: string[]; java: JavaRuntime };

/** What the resolution may look at; injected so the order can be tested without a broker. */
export interface KafkaProbes {
  dockerEngineAnswers(): Promise<boolean>;
  findJava(): Promise<JavaRuntime | undefined>;
}

/** The broker of docker-compose.yml and of the local KRaft broker. */
export const LOCAL_KAFKA_BROKERS = ['127.0.0.1:9092'];
/** Kafka 4 brokers need Java 17. */
export const MIN_JAVA_VERSION = 17;

/**
 * Decides where Kafka comes from, in this order: `KAFKA_BROKERS`; Docker Compose when a Docker engine answers; the local
 * single-node KRaft broker run with the machine's Java. Throws one sentence naming what is missing when none is possible.
 */
export async function resolveKafka(brokersFromEnv: string[] | undefined, probes: KafkaProbes): Promise<KafkaPlan> {
  if (brokersFromEnv && brokersFromEnv.length > 0) return { source: 'env', brokers: brokersFromEnv };
  if (await probes.dockerEngineAnswers()) return { source: 'docker', brokers: LOCAL_KAFKA_BROKERS };
  const java = await probes.findJava();
  if (!java) {
    throw new KafkaUnavailable(
      'Kafka: no KAFKA_BROKERS, no Docker engine, and `java` was not found; install a JDK 17+ (or set JAVA_HOME) or set KAFKA_BROKERS=host:port.',
    );
  }
  if (java.majorVersion < MIN_JAVA_VERSION) {
    throw new KafkaUnavailable(
      `Kafka: no KAFKA_BROKERS, no Docker engine, and \`${java.command}\` is Java ${java.majorVersion} while Kafka 4 needs ${MIN_JAVA_VERSION}+; install a JDK 17+ (or point JAVA_HOME at one) or set KAFKA_BROKERS=host:port.`,
    );
  }
  return { source: 'local', brokers: LOCAL_KAFKA_BROKERS, java };
}

/** Kafka cannot be had on this machine. */
export class KafkaUnavailable extends InfraUnavailableError {}
