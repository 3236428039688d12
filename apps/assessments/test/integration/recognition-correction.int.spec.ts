import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { DECIDE_SAFE_STANDARD, REVOKE_SAFE_STANDARD } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const CORRECT = `mutation($input: CorrectRecognitionInput!) { correctSafeStandard(input: $input) {
  status decidedOn recognisedOn reason decisionNumber revision decidingUnit { id } certificate { number date signer }
  revisions { revision status decidedOn reason action actionLabel actor actorUnit { id } } } }`;
const RULES = `query($on: Date!) { recognisingBodyRules(on: $on) { unitKind validFrom validTo bodyKinds verified source } }`;
const BODY = `query($representations: [_Any!]!, $on: Date!) { _entities(representations: $representations) { ... on Unit { id recognisingBody(on: $on) { unit { id } rule { unitKind bodyKinds verified } } } } }`;

/**
 * R2 as dated configuration (the 2024 tree with districts against the tree from 01/07/2025) and R30's changed outcome: a
 * refusal corrected to ACHIEVED and back, through the gateway, one decision per year kept (R3), every revision visible.
 */
describe('assessments: recognising bodies as dated configuration and corrected outcomes', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'STEERING_OFFICER', id.tb);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);

  beforeAll(async () => {
    h = await startHarness('2026-01-15');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('serves the seeded configuration per date: verified 2024 rows with districts, unverified rows from 01/07/2025', async () => {
    const before = await h.request<Data>(RULES, { on: '2024-12-01' }, commune);
    expect(before.errors).toBeUndefined();
    const rule2024 = (kind: string) => before.data!.recognisingBodyRules.find((rule: Data) => rule.unitKind === kind);
    expect(rule2024('COMMUNE')).toMatchObject({ bodyKinds: ['DISTRICT', 'PROVINCE'], verified: true, validTo: '2025-07-01' });
    expect(rule2024('RESIDENTIAL_AREA')).toMatchObject({ bodyKinds: ['COMMUNE'], verified: true });
    const after = await h.request<Data>(RULES, { on: '2025-07-01' }, commune);
    const rule2025 = (kind: string) => after.data!.recognisingBodyRules.find((rule: Data) => rule.unitKind === kind);
    expect(rule2025('COMMUNE')).toMatchObject({ bodyKinds: ['PROVINCE'], verified: false, validFrom: '2025-07-01', validTo: null });
    expect(after.data!.recognisingBodyRules.every((rule: Data) => rule.verified === false)).toBe(true);
    expect(after.data!.recognisingBodyRules).toHaveLength(6);
  });

  it("resolves a commune's body from the tree of the date: its district in 2024, the province from 01/07/2025; a village's is its commune", async () => {
    const body = async (unitId: string, on: string, caller = province) =>
      (await h.requestSubgraph<Data>(BODY, { representations: [{ __typename: 'Unit', id: unitId }], on }, caller)).data!._entities[0].recognisingBody;
    expect(await body(id.vh, '2024-12-10')).toEqual({ unit: { id: id.vt }, rule: { unitKind: 'COMMUNE', bodyKinds: ['DISTRICT', 'PROVINCE'], verified: true } });
    expect(await body(id.vh, '2025-08-01')).toEqual({ unit: { id: id.tb }, rule: { unitKind: 'COMMUNE', bodyKinds: ['PROVINCE'], verified: false } });
    expect((await body(id.vh1, '2025-08-01')).unit).toEqual({ id: id.vh });
    expect(await body(id.vh, '2024-12-10', outsider)).toBeNull();

    // The configuration decides who may decide: the district in 2024, not after the reform (it no longer exists).
    const decided = await h.request<Data>(DECIDE_SAFE_STANDARD, { input: { unitId: id.vh, year: 2024, outcome: 'NOT_ACHIEVED', decidedOn: '2024-12-10', reason: 'Chưa đạt tiêu chí R7' } }, district);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideSafeStandard.decidingUnit.id).toBe(id.vt);
    const counts = await tableCounts(h.prisma);
    const late = await h.request<Data>(DECIDE_SAFE_STANDARD, { input: { unitId: id.vh, year: 2025, outcome: 'ACHIEVED', decidedOn: '2025-12-10' } }, commune);
    expect(late.errors?.[0]?.extensions).toMatchObject({ reason: 'RECOGNISING_BODY_REQUIRED', decidingUnitId: id.tb });
    expect(await tableCounts(h.prisma)).toEqual(counts);
  });

  it('corrects a refusal to ACHIEVED (audited, R3 kept, event with the higher revision), and the reverse', async () => {
    const corrected = await h.request<Data>(
      CORRECT,
      { input: { unitId: id.vh, year: 2024, outcome: 'ACHIEVED', correctedOn: '2025-01-15', reason: 'Phúc tra: đủ điều kiện R7', decisionNumber: '12/QĐ-UBND', certificateSigner: 'Chủ tịch UBND huyện Vũ Thư' } },
      district,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctSafeStandard).toMatchObject({
      status: 'RECOGNISED',
      decidedOn: '2025-01-15',
      recognisedOn: '2025-01-15',
      reason: null,
      decisionNumber: '12/QĐ-UBND',
      revision: 2,
      decidingUnit: { id: id.vt },
      certificate: { number: '12/QĐ-UBND', date: '2025-01-15', signer: 'Chủ tịch UBND huyện Vũ Thư' },
    });
    expect(corrected.data!.correctSafeStandard.revisions.map((r: Data) => [r.revision, r.status, r.action, r.reason])).toEqual([
      [1, 'NOT_RECOGNISED', 'DECIDED', 'Chưa đạt tiêu chí R7'],
      [2, 'RECOGNISED', 'CORRECTED', 'Phúc tra: đủ điều kiện R7'],
    ]);
    expect(corrected.data!.correctSafeStandard.revisions[1].actionLabel).toBe('Đính chính kết quả');
    expect(await h.prisma.safeStandardRecognition.count({ where: { unitId: id.vh } })).toBe(1);
    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => [(event.envelope as Data).data.status, (event.envelope as Data).data.revision])).toEqual([
      ['NOT_RECOGNISED', 1],
      ['RECOGNISED', 2],
    ]);

    const back = await h.request<Data>(CORRECT, { input: { unitId: id.vh, year: 2024, outcome: 'NOT_ACHIEVED', correctedOn: '2025-02-01', reason: 'Phát hiện cán bộ Công an xã bị kỷ luật' } }, province);
    expect(back.errors).toBeUndefined();
    expect(back.data!.correctSafeStandard).toMatchObject({ status: 'NOT_RECOGNISED', recognisedOn: null, certificate: null, reason: 'Phát hiện cán bộ Công an xã bị kỷ luật', revision: 3 });
  });

  it('refuses bad corrections with stable reasons and writes nothing', async () => {
    await h.request<Data>(DECIDE_SAFE_STANDARD, { input: { unitId: id.vh1, year: 2024, outcome: 'ACHIEVED', decidedOn: '2024-11-25', decisionNumber: '5/QĐ-UBND' } }, commune);
    await h.request<Data>(DECIDE_SAFE_STANDARD, { input: { unitId: id.vh2, year: 2024, outcome: 'ACHIEVED', decidedOn: '2024-11-25' } }, commune);
    const revoked = await h.request<Data>(REVOKE_SAFE_STANDARD, { input: { unitId: id.vh2, year: 2024, revokedOn: '2024-12-20', reason: 'Vụ việc phức tạp' } }, commune);
    expect(revoked.errors).toBeUndefined();
    const counts = await tableCounts(h.prisma);
    const attempt = async (input: Record<string, unknown>, caller = commune) =>
      (await h.request<Data>(CORRECT, { input: { unitId: id.vh1, year: 2024, outcome: 'NOT_ACHIEVED', correctedOn: '2025-01-10', reason: 'Đính chính', ...input } }, caller)).errors?.[0]?.extensions;
    expect(await attempt({ outcome: 'ACHIEVED' })).toMatchObject({ reason: 'RECOGNITION_CORRECTION_UNCHANGED', field: 'outcome' });
    expect(await attempt({ unitId: id.vh2, outcome: 'NOT_ACHIEVED' })).toMatchObject({ reason: 'RECOGNITION_NOT_CORRECTABLE' });
    expect(await attempt({ correctedOn: '2024-11-01' })).toMatchObject({ reason: 'RECOGNITION_CORRECTED_BEFORE_DECISION', field: 'correctedOn' });
    expect(await attempt({ reason: '  ' })).toMatchObject({ field: 'reason' });
    expect(await attempt({ certificateSigner: 'X' })).toMatchObject({ reason: 'RECOGNITION_CERTIFICATE_NOT_ALLOWED' });
    expect(await attempt({ correctedOn: '2026-06-01' })).toMatchObject({ reason: 'ASSESSMENT_DATE_IN_FUTURE' });
    expect(await attempt({ year: 2023 })).toMatchObject({ reason: 'RECOGNITION_NOT_FOUND' });
    expect(await attempt({}, outsider)).toMatchObject({ reason: 'RECOGNITION_NOT_FOUND' });
    expect(await attempt({}, as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await tableCounts(h.prisma)).toEqual(counts);
  });
});
