import { randomUUID } from 'node:crypto';
import { CampaignLaunchedV1, type EventContract, RegistrationSubmittedV1 } from '@antt/contracts';
import { buildEnvelope, createKafkaClient, type RecordProducer, recordHeaders } from '@antt/events';
import { createIsolatedTopics, getTestInfra, type IsolatedTopics, uniqueName } from '@antt/testing';
import { type AwardsPrisma } from '../../src/infrastructure/prisma-client';
import { type AwardsHarness, startHarness } from './awards-harness';

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

/** An awards harness whose fact store is fed through its real consumer, on isolated topics, by a stand-in producer. */
export interface FactFedHarness {
  readonly harness: AwardsHarness;
  /** Publishes a contract-valid event as the owning service would (see {@link factPublisher}). */
  publish(contract: EventContract, key: string, data: Record<string, unknown>): Promise<void>;
  /**
   * campaigns' launch of a top campaign owned by `ownerUnitId` with the same scope: by default the province's 2024 campaign
   * (Thông tư 124/2021, the calendar year, launched 05/01/2024, no deadlines or targets); `over` changes any field.
   */
  launchCampaign(campaignId: string, ownerUnitId: string, over?: Record<string, unknown>): Promise<void>;
  /** campaigns' registration of a commune (safe standard and classification, on 10/01/2024, on time). */
  registerCommune(campaignId: string, unitId: string, submittedByUnitId: string, registrationId?: string): Promise<void>;
  /** {@link waitForCount} on the harness's database. */
  until(sql: string, expected: number): Promise<void>;
  /** Stops the producer and the harness and drops the topics. */
  close(): Promise<void>;
}

/** Starts the harness on `today` with its facts consumer on isolated topics, and the producer that stands in for the others. */
export async function startFactFedHarness(today: string): Promise<FactFedHarness> {
  const infra = await getTestInfra();
  const topics = await createIsolatedTopics();
  let harness: AwardsHarness | undefined;
  let producer: RecordProducer | undefined;
  try {
    harness = await startHarness(today, { FACTS_CONSUMER_ENABLED: 'true', AWARDS_FACTS_GROUP_ID: uniqueName('awards-facts-'), KAFKA_TOPIC_PREFIX: topics.prefix });
    producer = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'campaigns-assessments-models-stand-in' }).createProducer();
    await producer.connect();
  } catch (error) {
    await harness?.close();
    await topics.drop();
    throw error;
  }
  const started = { harness, producer };
  const publish = factPublisher(started.producer, topics);
  return {
    harness: started.harness,
    publish,
    launchCampaign: (campaignId, ownerUnitId, over = {}) =>
      publish(CampaignLaunchedV1, campaignId, {
        campaignId,
        parentCampaignId: null,
        title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
        legalBases: ['Thông tư 124/2021/TT-BCA'],
        ownerUnitId,
        scopeUnitId: ownerUnitId,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        launchedOn: '2024-01-05',
        deadlines: [],
        targets: [],
        ...over,
      }),
    registerCommune: (campaignId, unitId, submittedByUnitId, registrationId = randomUUID()) =>
      publish(RegistrationSubmittedV1, registrationId, {
        registrationId,
        campaignId,
        unitId,
        unitKind: 'COMMUNE',
        forSafeStandard: true,
        forClassification: true,
        registeredOn: '2024-01-10',
        late: false,
        submittedByUnitId,
      }),
    until: (sql, expected) => waitForCount(started.harness.prisma, sql, expected),
    async close() {
      await started.producer.disconnect();
      await started.harness.close();
      await topics.drop();
    },
  };
}
