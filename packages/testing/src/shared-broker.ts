import { waitForBroker } from '@antt/events';
import { infraPaths, listeningPid, readInfraState, runningLocalKafkaPid } from '@antt/infra';
import { getTestInfra } from './get-test-infra';

/** The shared broker as a test found it, to check at the end that the test left it alone. */
export interface SharedBrokerRecord {
  brokers: string[];
  /** Pid of the broker process, when it runs on this machine. */
  pid: number | undefined;
  /** Rejects unless the same process still serves the shared broker and it answers metadata requests. */
  expectUntouched(): Promise<void>;
}

/**
 * Records the shared test broker (the one {@link getTestInfra} hands out, or `brokers`) and its process: the pid file of
 * the broker `infra up` started when `.local/infra.json` says it manages it, else the process listening on the broker's
 * port on this machine (Linux `/proc`). A test that stops or kills brokers records it in `beforeAll` and calls
 * `expectUntouched()` in `afterAll`.
 */
export async function recordSharedBroker(brokers?: string[]): Promise<SharedBrokerRecord> {
  const kafkaBrokers = brokers ?? (await getTestInfra()).kafkaBrokers;
  const pid = await sharedBrokerPid(kafkaBrokers);
  return {
    brokers: kafkaBrokers,
    pid,
    async expectUntouched() {
      await waitForBroker(kafkaBrokers, 10_000);
      const now = await sharedBrokerPid(kafkaBrokers);
      if (now !== pid) {
        throw new Error(`The shared broker ${kafkaBrokers.join(',')} changed process (pid ${pid} before, ${now} after): a test stopped or restarted it.`);
      }
    },
  };
}

async function sharedBrokerPid(brokers: string[]): Promise<number | undefined> {
  const state = await readInfraState().catch(() => undefined);
  const managedHere = state?.kafka.managed && state.kafka.source === 'local' && state.kafka.brokers.join(',') === brokers.join(',');
  if (managedHere) return runningLocalKafkaPid(infraPaths());
  const [host, port] = (brokers[0] ?? '').split(':');
  const local = host === '127.0.0.1' || host === 'localhost';
  return local && port ? listeningPid(Number(port)) : undefined;
}
