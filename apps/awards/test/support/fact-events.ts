import { type EventContract } from '@antt/contracts';
import { buildEnvelope, type RecordProducer, recordHeaders } from '@antt/events';
import { type IsolatedTopics } from '@antt/testing';
import { type AwardsPrisma } from '../../src/infrastructure/prisma-client';

/**
 * The stand-in of the services awards learns facts from (campaigns, assessments, models): publishes a contract-valid event on
 * the test's isolated topics with a real producer, as the owning service's relay would.
 */
export function factPublisher(producer: RecordProducer, topics: IsolatedTopics) {
  return async function publish(contract: EventContract, key: string, data: Record<string, unknown>): Promise<void> {
    const envelope = buildEnvelope({ contract, aggregateId: key, data: data as never }, contract.type.split('.')[0]!);
    await producer.send([{ topic: `${topics.prefix}${contract.topic}`, key: envelope.subject, value: JSON.stringify(envelope), headers: recordHeaders(envelope) }]);
  };
}

/** Waits (at most a minute) until `sql`, a `SELECT count(*) AS n …`, reaches `expected`: the consumer has applied the events. */
export async function waitForCount(prisma: AwardsPrisma, sql: string, expected: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(sql);
    if (Number(rows[0]!.n) >= expected) return;
    if (Date.now() > deadline) throw new Error(`${sql} never reached ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
