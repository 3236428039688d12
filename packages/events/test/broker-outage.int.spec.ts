import { type PrivateBroker, recordSharedBroker, type SharedBrokerRecord, startPrivateBroker } from '@antt/testing';
import { createScratch, eventually, type Scratch } from './support/scratch';

// The outage is played on a broker of this file's own: the shared one may be serving a developer's running platform.
describe('broker outage', () => {
  let shared: SharedBrokerRecord;
  let broker: PrivateBroker;
  let scratch: Scratch;

  beforeAll(async () => {
    shared = await recordSharedBroker();
    broker = await startPrivateBroker();
    scratch = await createScratch('outage', { brokers: broker.brokers });
  });

  afterAll(async () => {
    await scratch?.drop();
    await broker?.destroy();
    await shared.expectUntouched();
  });

  it('2,000 writes while the broker is stopped then restarted: every event arrives, none applied twice', async () => {
    const items = scratch.newItems(25);
    const write = async (from: number, to: number) => {
      for (let i = from; i < to; i += 1) await scratch.write(items[i % items.length] as string);
    };
    const relay = scratch.relay({ pollIntervalMs: 1000, backoff: { initialBackoffMs: 200, maxBackoffMs: 2000 } });
    const consumer = scratch.consumer({ maxRestarts: 50 });
    try {
      await relay.start();
      await consumer.ready;
      await write(0, 300);
      await broker.stop();
      const stoppedAt = Date.now();
      // Writes go on while the broker is down: the outbox keeps them until it is back.
      await write(300, 1700);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3000 - (Date.now() - stoppedAt))));
      const unpublishedDuringOutage = await scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL');
      await broker.start();
      await write(1700, 2000);

      const applied = await eventually(() => scratch.count('SELECT count(*) AS n FROM projection'), (n) => n >= 2000, 120_000);
      expect(applied).toBe(2000);
      expect(unpublishedDuringOutage).toBeGreaterThanOrEqual(1400);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
    expect(await scratch.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(2000);
    expect(await scratch.count('SELECT count(*) AS n FROM inbox_entry')).toBe(2000);
    expect(await scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')).toBe(0);
    expect(await scratch.appliedInOrder()).toBe(true);
    expect(consumer.metrics().applied).toBe(2000);
    expect(consumer.metrics().deadLettered).toBe(0);
  });
});
