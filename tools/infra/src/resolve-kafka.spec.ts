import { InfraUnavailableError } from './infra-error';
import { type JavaRuntime } from './probes/java';
import { type KafkaProbes, LOCAL_KAFKA_BROKERS, resolveKafka } from './resolve-kafka';

function probes(docker: boolean, java: JavaRuntime | undefined): KafkaProbes & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    dockerEngineAnswers: async () => {
      calls.push('docker');
      return docker;
    },
    findJava: async () => {
      calls.push('java');
      return java;
    },
  };
}

const java17: JavaRuntime = { command: 'java', majorVersion: 17 };

describe('resolveKafka', () => {
  it('uses KAFKA_BROKERS without probing anything', async () => {
    const p = probes(true, java17);
    await expect(resolveKafka(['k1:9092', 'k2:9092'], p)).resolves.toEqual({ source: 'env', brokers: ['k1:9092', 'k2:9092'] });
    expect(p.calls).toEqual([]);
  });

  it('prefers Docker Compose over the local broker', async () => {
    const p = probes(true, java17);
    await expect(resolveKafka(undefined, p)).resolves.toEqual({ source: 'docker', brokers: LOCAL_KAFKA_BROKERS });
    expect(p.calls).toEqual(['docker']);
  });

  it('runs the local KRaft broker with the machine Java when there is no Docker engine', async () => {
    await expect(resolveKafka(undefined, probes(false, java17))).resolves.toEqual({
      source: 'local',
      brokers: ['127.0.0.1:9092'],
      java: java17,
    });
  });

  it('names what is missing in one sentence when there is no Java', async () => {
    const attempt = resolveKafka(undefined, probes(false, undefined));
    await expect(attempt).rejects.toBeInstanceOf(InfraUnavailableError);
    await expect(attempt).rejects.toThrow(
      'Kafka: no KAFKA_BROKERS, no Docker engine, and `java` was not found; install a JDK 17+ (or set JAVA_HOME) or set KAFKA_BROKERS=host:port.',
    );
  });

  it('refuses a Java older than 17', async () => {
    await expect(resolveKafka(undefined, probes(false, { command: '/opt/jdk8/bin/java', majorVersion: 8 }))).rejects.toThrow(
      /is Java 8 while Kafka 4 needs 17\+/,
    );
  });
});
