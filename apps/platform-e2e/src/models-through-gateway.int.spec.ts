import { CONSUMER_GROUPS, deadLetterTopicFor, EffectiveModelChangedV1 } from '@antt/contracts';
import { type ConsumerHandle, createKafkaClient, EVENTS_TABLES_DDL, startConsumer } from '@antt/events';
import { createTestDatabase, type TestDatabase, uniqueName } from '@antt/testing';
import pg from 'pg';
import { untilInDirectory } from './support/directory-reader';
import { pgTransaction } from './support/pg-transaction';
import { eventually, sharedStack, type Stack } from './support/stack';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Models as a client sees them through the gateway, on the models unit directory fed through Kafka: a commune's models joined to
 * org-units' Unit, a review by the district, and the effective-model fact flipping for the window and reaching a consumer
 * (a real consumer group with its inbox, as assessments will run it).
 */
const CREATE_MODEL = `mutation($input: CreateModelInput!) { createModel(input: $input) { id status } }`;
const REPLICATE_MODEL = `mutation($input: ReplicateModelInput!) { replicateModel(input: $input) { hostUnitId replicatedFrom { id } } }`;
const REVIEW_MODEL = `mutation($input: ReviewModelInput!) { reviewModel(input: $input) { windowStart windowEnd } }`;

type Fact = { unit_id: string; year: number; has_effective_model: boolean; revision: number };

describe('models through the gateway, and the effective-model fact reaching a consumer', () => {
  let stack: Stack;
  let create: CreateUnit;
  let consumerDatabase: TestDatabase;
  let pool: pg.Pool;
  let consumer: ConsumerHandle | null = null;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = sharedStack();
    ({ create } = await testUnits(stack, ids, '2020-01-01'));
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    await create('D', { kind: 'DISTRICT', name: 'Huyện Thử Nghiệm', parentId: ids.P });
    await create('C', { kind: 'COMMUNE', name: 'Xã Bình Thanh', parentId: ids.D });
    await create('R1', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Nam', parentId: ids.C });
    await create('R2', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Bắc', parentId: ids.C });
    await untilInDirectory(stack.modelsDatabase.url, ids.R2!, 'the last village in the models directory');
    consumerDatabase = await createTestDatabase('e2e_fact_');
    pool = new pg.Pool({ connectionString: consumerDatabase.url, max: 3 });
    // Dropping the database at the end terminates idle connections; that is expected, not a failure.
    pool.on('error', () => undefined);
    await pool.query(EVENTS_TABLES_DDL);
    await pool.query('CREATE TABLE fact (seq BIGSERIAL PRIMARY KEY, unit_id UUID NOT NULL, year INT NOT NULL, has_effective_model BOOLEAN NOT NULL, revision INT NOT NULL)');
  }, 180_000);

  afterAll(async () => {
    await consumer?.stop();
    await pool?.end();
    await consumerDatabase?.drop();
  });

  it('registers, replicates and reviews a commune’s models; the fact flips for the 2025 window and a consumer receives both states', async () => {
    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const district = await stack.token(['LEVEL_OFFICER'], ids.D!);
    const createModel = async (name: string, typeCode: string) => {
      const result = await stack.query<{ createModel: { id: string } }>(CREATE_MODEL, { input: { name, typeCode, hostUnitId: ids.C, foundedOn: '2022-05-01' } }, commune);
      expect(result.errors).toBeUndefined();
      return result.data!.createModel.id;
    };
    const camera = await createModel('Camera an ninh xã Bình Thanh', 'SECURITY_CAMERA');
    const team = await createModel('Tổ tự quản thôn xóm', 'RESIDENTIAL_SELF_MANAGEMENT');
    for (const village of [ids.R1, ids.R2]) {
      const replica = await stack.query<{ replicateModel: { hostUnitId: string; replicatedFrom: { id: string } } }>(
        REPLICATE_MODEL,
        { input: { sourceModelId: camera, hostUnitId: village, foundedOn: '2023-03-01' } },
        commune,
      );
      expect(replica.errors).toBeUndefined();
      expect(replica.data!.replicateModel).toEqual({ hostUnitId: village, replicatedFrom: { id: camera } });
    }

    const review = (modelId: string, rating: string) =>
      stack.query<{ reviewModel: { windowStart: string; windowEnd: string } }>(
        REVIEW_MODEL,
        { input: { modelId, year: 2025, rating, reviewedOn: '2025-11-20', criteriaMet: [], evidence: ['Biên bản kiểm tra'], reason: 'Đánh giá năm 2025' } },
        district,
      );
    const ineffective = await review(team, 'INEFFECTIVE');
    expect(ineffective.errors).toBeUndefined();
    expect(ineffective.data!.reviewModel).toEqual({ windowStart: '2024-11-16', windowEnd: '2025-11-15' });
    const byHost = await review(camera, 'EFFECTIVE');
    expect(byHost.errors).toBeUndefined();
    expect((await stack.query(REVIEW_MODEL, { input: { modelId: camera, year: 2025, rating: 'EFFECTIVE', reviewedOn: '2025-11-20', criteriaMet: [], evidence: [], reason: 'Tự đánh giá' } }, commune)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MODEL_REVIEWER_IS_HOST',
    });

    const joined = await stack.query<{ unit: { name: string; models: Array<{ name: string }>; hasEffectiveModel: boolean } }>(
      `query($id: ID!) { unit(id: $id) { name models { name } hasEffectiveModel(year: 2025) } }`,
      { id: ids.C },
      district,
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.unit).toEqual({ name: 'Xã Bình Thanh', models: [{ name: 'Camera an ninh xã Bình Thanh' }, { name: 'Tổ tự quản thôn xóm' }], hasEffectiveModel: true });

    consumer = startConsumer({
      kafka: createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'e2e-fact-consumer', logLevel: 'nothing' }),
      groupId: uniqueName('e2e-effective-model-'),
      // A declared dead-letter topic of this stack (nothing is expected to land there).
      deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.modelsUnitDirectory),
      topics: [EffectiveModelChangedV1.topic],
      topicPrefix: stack.topicPrefix,
      transaction: pgTransaction(pool),
      handlers: {
        [EffectiveModelChangedV1.fullType]: async (event, tx) => {
          const data = event.data as { unitId: string; year: number; hasEffectiveModel: boolean; revision: number };
          await tx.$executeRawUnsafe('INSERT INTO fact (unit_id, year, has_effective_model, revision) VALUES ($1, $2, $3, $4)', data.unitId, data.year, data.hasEffectiveModel, data.revision);
        },
      },
    });
    await consumer.ready;
    const received = await eventually(
      async () => {
        // The commune's facts: the consumer reads the shared stack's topic, where other files' units may have facts too.
        const rows = (await pool.query<Fact>('SELECT unit_id, year, has_effective_model, revision FROM fact WHERE unit_id = $1 ORDER BY seq', [ids.C])).rows;
        return rows.length >= 2 ? rows : undefined;
      },
      60_000,
      'both effective-model facts at the consumer',
    );
    expect(received).toEqual([
      { unit_id: ids.C, year: 2025, has_effective_model: false, revision: 1 },
      { unit_id: ids.C, year: 2025, has_effective_model: true, revision: 2 },
    ]);
  });
});
