import { consumerGroupLag } from './admin/consumer-groups';
import { type ConsumerHandle } from './consumer/runner';
import { type EventsHousekeeper } from './housekeeping/housekeeper';
import { type OutboxRelay } from './outbox/relay';

/** What a service runs of the events kit, for its metrics. */
export interface EventsMetricsParts {
  relay?: OutboxRelay | null;
  consumers?: ReadonlyArray<{ group: string; topics: readonly string[]; handle: ConsumerHandle | null }>;
  housekeeper?: EventsHousekeeper | null;
  /** For consumer lag (asked of the broker at most every `lagCacheMs`, default 10 s). */
  brokers?: readonly string[];
  topicPrefix?: string;
  lagCacheMs?: number;
}

/**
 * Readings of a service's relay, consumers and housekeeping in the shape the service kit's `ServiceMetrics.observeEvents`
 * takes. Consumer lag is read from the broker (committed offsets against the log end) and cached between scrapes.
 */
export function eventsMetricsSource(parts: EventsMetricsParts) {
  const { relay, housekeeper } = parts;
  const consumers = (parts.consumers ?? []).filter((consumer) => consumer.handle !== null);
  let lagCache: { at: number; value: Promise<Array<{ group: string; topic: string; partition: number; lag: number }>> } | undefined;
  const readLag = async () => {
    const result: Array<{ group: string; topic: string; partition: number; lag: number }> = [];
    for (const consumer of consumers) {
      const report = await consumerGroupLag([...(parts.brokers ?? [])], consumer.group, consumer.topics.map((topic) => `${parts.topicPrefix ?? ''}${topic}`));
      for (const partition of report.partitions) result.push({ group: consumer.group, topic: partition.topic, partition: partition.partition, lag: partition.lag });
    }
    return result;
  };
  return {
    relay: relay ? () => relay.metrics() : undefined,
    consumers:
      consumers.length > 0
        ? () => consumers.map((consumer) => ({ group: consumer.group, ...(consumer.handle as ConsumerHandle).metrics() }))
        : undefined,
    consumerLag:
      consumers.length > 0 && parts.brokers && parts.brokers.length > 0
        ? () => {
            const now = Date.now();
            if (!lagCache || now - lagCache.at > (parts.lagCacheMs ?? 10_000)) {
              const value = readLag();
              lagCache = { at: now, value };
              value.catch(() => {
                lagCache = undefined;
              });
            }
            return lagCache.value.catch(() => []);
          }
        : undefined,
    housekeeping: housekeeper ? () => housekeeper.metrics() : undefined,
    tableSizes: housekeeper ? () => housekeeper.tableSizes().catch(() => []) : undefined,
  };
}
