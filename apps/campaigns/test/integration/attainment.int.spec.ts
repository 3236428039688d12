import { randomUUID } from 'node:crypto';
import { CONSUMER_GROUPS, ClassificationDecidedV1, type EventContract, RecognitionDecidedV1, deadLetterTopicFor } from '@antt/contracts';
import { buildEnvelope, createKafkaClient, type RecordProducer, recordHeaders, topicRecordCount } from '@antt/events';
import { createIsolatedTopics, fixtureUnit, getTestInfra, type IsolatedTopics, uniqueName } from '@antt/testing';
import { type EventEnvelope } from '@antt/contracts';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNITS } from '../support/operations';
import { seedTree } from '../support/seed-tree';
import { type UnitState } from '@antt/unit-directory';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const ATTAINMENT = `query($id: ID!, $asOf: Date, $level: UnitKind, $kind: UnitKind, $after: String) { campaign(id: $id) { attainment(asOf: $asOf, level: $level, kind: $kind) {
  campaignId unitId asOf year kind level
  targets {
    code label indicator indicatorLabel basisLabel comparator threshold numerator denominator percent met metLabel
    byKind { kind kindLabel numerator denominator percent met }
    byLevel { level levelLabel units unitsMet unitsNotMet }
    levelUnits(first: 10) { unitId code name kind numerator denominator percent met metLabel }
    shortfall(first: 3, after: $after) { totalCount endCursor hasNextPage units { unitId code name kind reason reasonLabel classification } }
  }
} } }`;

const UNIT_ATTAINMENT = `query($r: [_Any!]!, $campaignId: ID!, $asOf: Date) { _entities(representations: $r) { ... on Unit { id attainment(campaignId: $campaignId, asOf: $asOf) {
  unitId asOf targets { code numerator denominator met }
} } } }`;

/**
 * Target attainment as an event-fed read model: the seeded 2024 tree, registrations through the gateway, and the assessments
 * service's recognitions and classifications published as contract-valid events on the (isolated) assessments topic of the
 * real broker, consumed by the campaigns service's attainment consumer. The assessments service does not exist yet: the test
 * is its producer.
 */
describe('target attainment', () => {
  let h: CampaignsHarness;
  let topics: IsolatedTopics;
  let producer: RecordProducer;
  const { id, states } = seedTree();
  const police = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuThu = as('bcd138@vt', 'LEVEL_OFFICER', id.vt);
  const kienXuong = as('bcd138@kx', 'LEVEL_OFFICER', id.kx);
  let campaign = '';
  let infraBrokers: string[] = [];

  const ok = async (query: string, variables: Record<string, unknown>, caller = police) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const attainment = async (variables: Record<string, unknown> = {}, caller = police) =>
    (await ok(ATTAINMENT, { id: campaign, ...variables }, caller)).campaign.attainment as Data;
  const target = (read: Data, code: string) => read.targets.find((t: Data) => t.code === code) as Data;

  async function publish<C extends EventContract>(contract: C, unitId: string, data: Record<string, unknown>): Promise<EventEnvelope> {
    const envelope = buildEnvelope({ contract, aggregateId: unitId, data: data as never }, 'assessments');
    await send(envelope);
    return envelope;
  }
  async function send(envelope: EventEnvelope): Promise<void> {
    await producer.send([{ topic: `${topics.prefix}${RecognitionDecidedV1.topic}`, key: envelope.subject, value: JSON.stringify(envelope), headers: recordHeaders(envelope) }]);
  }
  const recognition = (unitId: string, unitKind: string, revision: number, fields: Record<string, unknown> = {}) => ({
    unitId,
    unitKind,
    year: 2024,
    campaignId: campaign,
    decidingUnitId: id.vt,
    decisionNumber: `${revision}/QĐ-UBND`,
    revision,
    status: 'RECOGNISED',
    decidedOn: '2024-12-05',
    recognisedOn: '2024-12-05',
    revokedOn: null,
    reason: null,
    ...fields,
  });
  /** Waits until the consumer holds `revision` for the unit's 2024 recognition (or classification). */
  async function applied(table: 'unit_recognition' | 'unit_classification', unitId: string, revision: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await h.prisma.$queryRawUnsafe<Array<{ revision: number }>>(`SELECT revision FROM ${table} WHERE year = 2024 AND unit_id = $1::uuid`, unitId);
      if (rows[0] && Number(rows[0].revision) >= revision) return;
      if (Date.now() > deadline) throw new Error(`${table} of ${unitId} never reached revision ${revision}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    const infra = await getTestInfra();
    infraBrokers = infra.kafkaBrokers;
    topics = await createIsolatedTopics();
    h = await startHarness('2024-01-03', {
      ATTAINMENT_CONSUMER_ENABLED: 'true',
      ATTAINMENT_GROUP_ID: uniqueName('attainment-'),
      KAFKA_TOPIC_PREFIX: topics.prefix,
    });
    await h.project(states);
    producer = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'assessments-stand-in' }).createProducer();
    await producer.connect();

    const created = await ok(CREATE_CAMPAIGN, {
      input: { title: 'Kế hoạch phát động phong trào tỉnh Thái Bình năm 2024', legalBases: ['Thông tư 124/2021/TT-BCA'], ownerUnitId: id.tb, periodStart: '2024-01-01', periodEnd: '2024-12-31' },
    });
    campaign = created.createCampaign.id;
    h.setToday('2024-01-05');
    await ok(LAUNCH_CAMPAIGN, { id: campaign });
    h.setToday('2024-01-10');
    const units = [id.vh, id.vh1, id.vh2, id.vh3, id.school].map((unitId) => ({ unitId, forSafeStandard: true, forClassification: true }));
    await ok(REGISTER_UNITS, { input: { campaignId: campaign, units: [...units, { unitId: id.smallEnterprise, forSafeStandard: false, forClassification: true }] } });
    h.setToday('2024-06-01');
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await h?.close();
    await topics?.drop();
  });

  it('answers every target on the seeded tree: registration from registrations, nothing recognised or classified yet', async () => {
    const read = await attainment();
    expect(read).toMatchObject({ campaignId: campaign, unitId: id.tb, asOf: '2024-06-01', year: 2024, kind: null, level: null });
    expect(read.targets.map((t: Data) => t.code)).toEqual(['EXCELLENT', 'GOOD', 'NEW_RURAL_SECURITY', 'REGISTRATION', 'SAFE_STANDARD_INSTITUTIONS', 'SAFE_STANDARD_RESIDENTIAL']);

    const registration = target(read, 'REGISTRATION');
    expect(registration).toMatchObject({ numerator: 6, denominator: 10, percent: 60, met: false, metLabel: 'Chưa đạt', comparator: 'GTE', threshold: 100 });
    expect(registration.indicatorLabel).toBe('Tỷ lệ đơn vị đăng ký phấn đấu');
    expect(registration.byKind).toEqual([
      { kind: 'RESIDENTIAL_AREA', kindLabel: 'Khu dân cư', numerator: 3, denominator: 5, percent: 60, met: false },
      { kind: 'COMMUNE', kindLabel: 'Xã, phường, thị trấn', numerator: 1, denominator: 3, percent: 33.33, met: false },
      { kind: 'ENTERPRISE', kindLabel: 'Doanh nghiệp', numerator: 1, denominator: 1, percent: 100, met: true },
      { kind: 'SCHOOL', kindLabel: 'Cơ sở giáo dục', numerator: 1, denominator: 1, percent: 100, met: true },
    ]);
    expect(registration.byLevel).toEqual([
      { level: 'PROVINCE', levelLabel: 'Tỉnh', units: 1, unitsMet: 0, unitsNotMet: 1 },
      { level: 'DISTRICT', levelLabel: 'Huyện, thị xã, thành phố', units: 2, unitsMet: 0, unitsNotMet: 2 },
      { level: 'COMMUNE', levelLabel: 'Xã, phường, thị trấn', units: 3, unitsMet: 1, unitsNotMet: 2 },
    ]);
    // The districts by default, the one pulling it down first.
    expect(registration.levelUnits.map((u: Data) => [u.code, u.numerator, u.denominator, u.met])).toEqual([
      ['TB-KX', 0, 2, false],
      ['TB-VT', 6, 8, false],
    ]);
    expect(registration.shortfall).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(registration.shortfall.units.map((u: Data) => [u.code, u.reason, u.reasonLabel])).toEqual([
      ['TB-KX-QB', 'NOT_REGISTERED', 'Chưa đăng ký phấn đấu'],
      ['TB-KX-QB-01', 'NOT_REGISTERED', 'Chưa đăng ký phấn đấu'],
      ['TB-VT-VV', 'NOT_REGISTERED', 'Chưa đăng ký phấn đấu'],
    ]);
    const next = target(await attainment({ after: registration.shortfall.endCursor }), 'REGISTRATION').shortfall;
    expect(next).toMatchObject({ totalCount: 4, hasNextPage: false });
    expect(next.units.map((u: Data) => u.code)).toEqual(['TB-VT-VV-01']);

    // R1: the small enterprise is outside Circular 124, so it is not counted for the safe standard.
    expect(target(read, 'SAFE_STANDARD_INSTITUTIONS')).toMatchObject({ numerator: 0, denominator: 1, percent: 0, met: false });
    expect(target(read, 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 0, denominator: 8, met: false });
    expect(target(read, 'SAFE_STANDARD_RESIDENTIAL').shortfall.units[0]).toMatchObject({ code: 'TB-KX-QB', reason: 'NO_RECOGNITION_YET' });
    expect(target(read, 'NEW_RURAL_SECURITY')).toMatchObject({ numerator: 0, denominator: 3, met: false });
    expect(target(read, 'EXCELLENT')).toMatchObject({ numerator: 0, denominator: 10, met: false });
  });

  it('moves when recognition events arrive, as of their decision dates; a replayed or older event changes nothing', async () => {
    for (const [unitId, kind] of [[id.vh1, 'RESIDENTIAL_AREA'], [id.vh2, 'RESIDENTIAL_AREA'], [id.vh3, 'RESIDENTIAL_AREA'], [id.vv1, 'RESIDENTIAL_AREA'], [id.vh, 'COMMUNE'], [id.vv, 'COMMUNE']] as const) {
      await publish(RecognitionDecidedV1, unitId, recognition(unitId, kind, 1));
    }
    const refused = await publish(RecognitionDecidedV1, id.kxA1, recognition(id.kxA1, 'RESIDENTIAL_AREA', 1, { status: 'NOT_RECOGNISED', recognisedOn: null, reason: 'Chưa đạt tiêu chí 1' }));
    for (const unitId of [id.vh1, id.vh2, id.vh3, id.vv1, id.vh, id.vv, id.kxA1]) await applied('unit_recognition', unitId, 1);

    const before = target(await attainment({ asOf: '2024-12-01' }), 'SAFE_STANDARD_RESIDENTIAL');
    expect(before).toMatchObject({ numerator: 0, denominator: 8 });
    const after = await attainment({ asOf: '2024-12-31' });
    expect(target(after, 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 6, denominator: 8, percent: 75, met: false });
    expect(target(after, 'SAFE_STANDARD_RESIDENTIAL').shortfall.units.map((u: Data) => [u.code, u.reason])).toEqual([
      ['TB-KX-QB', 'NO_RECOGNITION_YET'],
      ['TB-KX-QB-01', 'NOT_RECOGNISED'],
    ]);
    expect(target(after, 'NEW_RURAL_SECURITY')).toMatchObject({ numerator: 2, denominator: 3, percent: 66.67, met: false });

    const quangBinh = await publish(RecognitionDecidedV1, id.kxA, recognition(id.kxA, 'COMMUNE', 1, { decidingUnitId: id.kx }));
    await applied('unit_recognition', id.kxA, 1);
    const met = await attainment({ asOf: '2024-12-31' });
    expect(target(met, 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 7, denominator: 8, percent: 87.5, met: true, metLabel: 'Đạt' });
    expect(target(met, 'NEW_RURAL_SECURITY')).toMatchObject({ numerator: 3, denominator: 3, percent: 100, met: true });
    expect(target(met, 'NEW_RURAL_SECURITY').byLevel).toEqual([
      { level: 'PROVINCE', levelLabel: 'Tỉnh', units: 1, unitsMet: 1, unitsNotMet: 0 },
      { level: 'DISTRICT', levelLabel: 'Huyện, thị xã, thành phố', units: 2, unitsMet: 2, unitsNotMet: 0 },
    ]);

    // The same events again (a relay publishing twice), and an older revision arriving late: nothing moves.
    await send(quangBinh);
    await send(refused);
    const stale = await publish(RecognitionDecidedV1, id.kxA1, recognition(id.kxA1, 'RESIDENTIAL_AREA', 1));
    const marker = await publish(RecognitionDecidedV1, id.vv1, recognition(id.vv1, 'RESIDENTIAL_AREA', 2, { decisionNumber: '200/QĐ-UBND' }));
    await applied('unit_recognition', id.vv1, 2);
    const inbox = await h.prisma.inboxEntry.count({ where: { eventId: { in: [quangBinh.id, refused.id, stale.id, marker.id] } } });
    expect(inbox).toBe(4);
    const held = await h.prisma.unitRecognition.findMany({ where: { unitId: { in: [id.kxA1, id.kxA] } }, orderBy: { unitId: 'asc' } });
    expect(held.map((row) => [row.unitId, row.status, row.revision]).sort()).toEqual([[id.kxA, 'RECOGNISED', 1], [id.kxA1, 'NOT_RECOGNISED', 1]].sort());
    expect(await attainment({ asOf: '2024-12-31' })).toEqual(met);
  });

  it('a revocation counts until the date it takes effect, and classifications feed the Excellent and Good targets', async () => {
    await publish(RecognitionDecidedV1, id.vh1, recognition(id.vh1, 'RESIDENTIAL_AREA', 2, { status: 'REVOKED', decidedOn: '2024-12-20', revokedOn: '2024-12-20', reason: 'Để xảy ra vụ việc phức tạp' }));
    const classify = (unitId: string, unitKind: string, classification: string) =>
      publish(ClassificationDecidedV1, unitId, {
        unitId, unitKind, year: 2024, campaignId: campaign, decidingUnitId: id.vt, decisionNumber: null, revision: 1,
        classification, score: classification === 'EXCELLENT' ? 95 : 80, ruleSetVersion: 'QD510-2022', decidedOn: '2024-11-20',
      });
    await classify(id.vh, 'COMMUNE', 'EXCELLENT');
    await classify(id.vh2, 'RESIDENTIAL_AREA', 'GOOD');
    await classify(id.vh3, 'RESIDENTIAL_AREA', 'GOOD');
    await classify(id.vv1, 'RESIDENTIAL_AREA', 'GOOD');
    await classify(id.school, 'SCHOOL', 'GOOD');
    await classify(id.vv, 'COMMUNE', 'AVERAGE');
    await applied('unit_recognition', id.vh1, 2);
    for (const unitId of [id.vh, id.vh2, id.vh3, id.vv1, id.school, id.vv]) await applied('unit_classification', unitId, 1);

    expect(target(await attainment({ asOf: '2024-12-15' }), 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 7, met: true });
    const end = await attainment({ asOf: '2024-12-31' });
    expect(target(end, 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 6, denominator: 8, met: false });
    expect(target(end, 'SAFE_STANDARD_RESIDENTIAL').shortfall.units.map((u: Data) => [u.code, u.reason])).toEqual([
      ['TB-KX-QB-01', 'NOT_RECOGNISED'],
      ['TB-VT-VH-01', 'REVOKED'],
    ]);
    expect(target(end, 'EXCELLENT')).toMatchObject({ numerator: 1, denominator: 10, percent: 10, met: true });
    expect(target(end, 'GOOD')).toMatchObject({ numerator: 5, denominator: 10, percent: 50, met: true });
    expect(target(end, 'GOOD').shortfall.units.map((u: Data) => [u.code, u.reason, u.classification])).toEqual([
      ['1000214587', 'NOT_CLASSIFIED_YET', null],
      ['TB-KX-QB', 'NOT_CLASSIFIED_YET', null],
      ['TB-KX-QB-01', 'NOT_CLASSIFIED_YET', null],
    ]);
    // Before the classifications were decided.
    expect(target(await attainment({ asOf: '2024-11-19' }), 'GOOD')).toMatchObject({ numerator: 0 });

    const communes = await attainment({ asOf: '2024-12-31', level: 'COMMUNE', kind: 'RESIDENTIAL_AREA' });
    expect(communes).toMatchObject({ kind: 'RESIDENTIAL_AREA', level: 'COMMUNE' });
    const safe = target(communes, 'SAFE_STANDARD_RESIDENTIAL');
    expect(safe).toMatchObject({ numerator: 3, denominator: 5, byLevel: [{ level: 'COMMUNE', units: 3, unitsMet: 1, unitsNotMet: 2 }] });
    expect(safe.levelUnits.map((u: Data) => [u.code, u.numerator, u.denominator, u.met])).toEqual([
      ['TB-KX-QB', 0, 1, false],
      ['TB-VT-VH', 2, 3, false],
      ['TB-VT-VV', 1, 1, true],
    ]);
    expect(communes.targets.map((t: Data) => t.code)).not.toContain('SAFE_STANDARD_INSTITUTIONS');
  });

  it('dead-letters an event that breaks its contract and goes on with the next one of the partition', async () => {
    const broken = buildEnvelope({ contract: RecognitionDecidedV1, aggregateId: id.vv, data: recognition(id.vv, 'COMMUNE', 5) as never }, 'assessments');
    await send({ ...broken, data: { ...(broken.data as Record<string, unknown>), status: 'REVOKED' } });
    await publish(RecognitionDecidedV1, id.vv, recognition(id.vv, 'COMMUNE', 3, { decisionNumber: '300/QĐ-UBND' }));
    await applied('unit_recognition', id.vv, 3);
    const deadLetters = `${topics.prefix}${deadLetterTopicFor(CONSUMER_GROUPS.campaignsAttainment)}`;
    expect(await topicRecordCount(infraBrokers, deadLetters)).toBe(1);
    expect(await h.prisma.unitRecognition.findFirstOrThrow({ where: { unitId: id.vv, year: 2024 } })).toMatchObject({ status: 'RECOGNISED', revision: 3, decisionNumber: '300/QĐ-UBND' });
  });

  it('a caller sees its own subtree only; a unit outside is answered as absent', async () => {
    const district = await attainment({ asOf: '2024-12-31' }, vuThu);
    expect(district.unitId).toBe(id.vt);
    expect(target(district, 'REGISTRATION')).toMatchObject({ numerator: 6, denominator: 8 });
    expect(target(district, 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ numerator: 5, denominator: 6 });

    const representations = [{ __typename: 'Unit', id: id.vh }];
    const inside = await h.requestSubgraph<Data>(UNIT_ATTAINMENT, { r: representations, campaignId: campaign, asOf: '2024-12-31' }, vuThu);
    expect(inside.errors).toBeUndefined();
    expect(inside.data?._entities[0].attainment).toMatchObject({ unitId: id.vh, asOf: '2024-12-31' });
    expect(inside.data?._entities[0].attainment.targets.find((t: Data) => t.code === 'REGISTRATION')).toEqual({ code: 'REGISTRATION', numerator: 5, denominator: 5, met: true });
    const outside = await h.requestSubgraph<Data>(UNIT_ATTAINMENT, { r: representations, campaignId: campaign }, kienXuong);
    expect(outside.errors).toBeUndefined();
    expect(outside.data?._entities).toEqual([{ id: id.vh, attainment: null }]);
  });

  it('refuses bad input with stable codes naming the field', async () => {
    const refused = async (query: string, variables: Record<string, unknown>, expected: Record<string, unknown>, subgraph = false) => {
      const response = subgraph ? await h.requestSubgraph(query, variables, police) : await h.request(query, variables, police);
      expect(response.errors?.[0]?.extensions).toMatchObject(expected);
    };
    await refused(ATTAINMENT, { id: campaign, asOf: '2025-02-01' }, { code: 'BAD_USER_INPUT', reason: 'ATTAINMENT_DATE_OUTSIDE_PERIOD', field: 'asOf' });
    await refused(ATTAINMENT, { id: campaign, asOf: '2024-02-30' }, { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE', field: 'asOf' });
    await refused(ATTAINMENT, { id: campaign, level: 'RESIDENTIAL_AREA' }, { code: 'BAD_USER_INPUT', reason: 'ATTAINMENT_NOT_A_LEVEL', field: 'level' });
    await refused(ATTAINMENT, { id: campaign, after: 'not-a-cursor' }, { code: 'BAD_USER_INPUT', reason: 'ATTAINMENT_INVALID_CURSOR', field: 'after' });
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    expect((await ok(ATTAINMENT, { id: unknown })).campaign).toBeNull();
    const r = [{ __typename: 'Unit', id: id.vh }];
    await refused(UNIT_ATTAINMENT, { r, campaignId: unknown }, { code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', field: 'campaignId' }, true);
    await refused(UNIT_ATTAINMENT, { r, campaignId: 'campaign-1' }, { code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: 'campaignId' }, true);
  });

  it('follows the unit directory when it changes after a read: the kept subtree shape is dropped on the next read', async () => {
    const before = await attainment({ asOf: '2024-12-31' }, vuThu);
    expect(target(before, 'REGISTRATION')).toMatchObject({ numerator: 6, denominator: 8 });
    expect(target(before, 'SAFE_STANDARD_INSTITUTIONS')).toMatchObject({ numerator: 0, denominator: 1 });
    const generation = async () => (await h.prisma.$queryRawUnsafe<Array<{ g: string }>>('SELECT generation::text AS g FROM directory_generation WHERE id = 1'))[0]?.g;
    const generationBefore = await generation();

    // A new village in Xã Vũ Vinh, and the school re-described as a primary school (outside Circular 124, R1), both as
    // org-units would publish them: the directory's projection writes them, the next read must count them.
    const newVillage = randomUUID();
    const school = states.find((state) => state.unitId === id.school) as UnitState;
    await h.project([
      fixtureUnit(newVillage, 'TB-VT-VV-02', 'RESIDENTIAL_AREA', 'Thôn Vinh Tiến', id.vv),
      { ...school, revision: school.revision + 1, timeline: school.timeline.map((period) => ({ ...period, attributes: { ...period.attributes, schoolLevel: 'PRIMARY' } })) } as UnitState,
    ]);
    expect(await generation()).not.toBe(generationBefore);

    const after = await attainment({ asOf: '2024-12-31' }, vuThu);
    expect(target(after, 'REGISTRATION')).toMatchObject({ numerator: 6, denominator: 9 });
    expect(target(after, 'SAFE_STANDARD_RESIDENTIAL').denominator).toBe(target(before, 'SAFE_STANDARD_RESIDENTIAL').denominator + 1);
    expect(target(after, 'SAFE_STANDARD_INSTITUTIONS')).toMatchObject({ numerator: 0, denominator: 0, percent: null, met: null });
    expect(target(after, 'REGISTRATION').shortfall.units.map((u: Data) => [u.code, u.name])).toEqual([
      ['TB-VT-VV', 'Xã Vũ Vinh'],
      ['TB-VT-VV-01', 'Thôn Vinh Quang'],
      ['TB-VT-VV-02', 'Thôn Vinh Tiến'],
    ]);
  });
});
