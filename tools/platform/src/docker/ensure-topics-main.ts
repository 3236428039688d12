import { TOPICS } from '@antt/contracts';
import { ensureTopics, waitForBroker } from '@antt/events';

/**
 * Creates (or grows, or reconfigures) the platform's topics, as `npm run infra:up` does, for a container: the subgraph
 * images carry this file bundled as `dist/topics.js`, run once before the services start (docker-compose.yml's
 * `kafka-topics`). Brokers: KAFKA_BROKERS. Replication factor 1, as on the single-node brokers; production declares its
 * topics as Strimzi KafkaTopic resources instead (infra/k8s/overlays/production).
 */
async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set');
  await waitForBroker(brokers, 120_000);
  const result = await ensureTopics(brokers, TOPICS, { info: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(
    `topics: ${result.created.length} created, ${result.grown.length} grown, ${result.reconfigured.length} reconfigured, ${result.unchanged.length} unchanged\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`topics: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
