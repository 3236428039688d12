import { connectAdmin } from './admin-client';

/**
 * Waits until the brokers accept connections and answer metadata requests (the controller is elected and the broker has
 * registered). Rejects with the last error once `timeoutMs` has passed.
 */
export async function waitForBroker(brokers: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const admin = await connectAdmin(brokers, 'antt-readiness');
      try {
        const cluster = await admin.describeCluster();
        if (cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller >= 0) {
          await admin.listTopics();
          return;
        }
        lastError = new Error('the cluster has no controller yet');
      } finally {
        await admin.disconnect();
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Kafka at ${brokers.join(',')} was not ready within ${timeoutMs} ms: ${reason}`);
}
