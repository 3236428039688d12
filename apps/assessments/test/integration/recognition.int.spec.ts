import { expectRefusedWithoutWrites } from '@antt/testing';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { DECIDE_SAFE_STANDARD, REVOKE_SAFE_STANDARD, SAFE_STANDARD_DECISIONS, UNIT_SAFE_STANDARD } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/**
 * Safe-standard recognition through the gateway: the deciding level comes from the dated tree (R2: the commune for its
 * villages, the district for its communes in 2024, the province after 01/07/2025), once per unit and year (R3), units in scope
 * only (R1); each decision writes its row and `assessments.recognition.decided.v1` in one transaction.
 */
describe('assessments: safe-standard recognition', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'STEERING_OFFICER', id.tb);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);

  const decide = (overrides: Record<string, unknown> = {}) => ({
    input: {
      unitId: id.vh1,
      year: 2024,
      outcome: 'ACHIEVED',
      decidedOn: '2024-12-05',
      decisionNumber: '125/QĐ-UBND',
      certificateSigner: 'Chủ tịch UBND xã Vũ Hội Nguyễn Văn Hùng',
      ...overrides,
    },
  });

  beforeAll(async () => {
    h = await startHarness('2026-01-15');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it("the commune's People's Committee recognises its village; the certificate, the query, Unit.safeStandard and the event agree", async () => {
    const decided = await h.request<Data>(DECIDE_SAFE_STANDARD, decide(), commune);
    expect(decided.errors).toBeUndefined();
    const recognition = decided.data!.decideSafeStandard;
    expect(recognition).toMatchObject({
      year: 2024,
      status: 'RECOGNISED',
      statusLabel: 'Đạt chuẩn an toàn về an ninh, trật tự',
      unit: { id: id.vh1 },
      decidingUnit: { id: id.vh },
      decidedOn: '2024-12-05',
      recognisedOn: '2024-12-05',
      reason: null,
      certificate: { number: '125/QĐ-UBND', date: '2024-12-05', signer: 'Chủ tịch UBND xã Vũ Hội Nguyễn Văn Hùng' },
      revision: 1,
    });

    const listed = await h.request<Data>(SAFE_STANDARD_DECISIONS, { year: 2024 }, commune);
    expect(listed.data!.safeStandardDecisions.map((entry: Data) => entry.unit.id)).toEqual([id.vh1]);

    const entity = await h.requestSubgraph<Data>(UNIT_SAFE_STANDARD, { representations: [{ __typename: 'Unit', id: id.vh1 }], year: 2024 }, district);
    expect(entity.data!._entities[0].safeStandard.id).toBe(recognition.id);
    const hidden = await h.requestSubgraph<Data>(UNIT_SAFE_STANDARD, { representations: [{ __typename: 'Unit', id: id.vh1 }], year: 2024 }, outsider);
    expect(hidden.data!._entities[0].safeStandard).toBeNull();

    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh1 } });
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('assessments.recognition.decided.v1');
    expect(events[0]!.topic).toBe('assessments.assessment');
    expect((events[0]!.envelope as Data).data).toEqual({
      unitId: id.vh1,
      unitKind: 'RESIDENTIAL_AREA',
      year: 2024,
      campaignId: null,
      decidingUnitId: id.vh,
      decisionNumber: '125/QĐ-UBND',
      revision: 1,
      status: 'RECOGNISED',
      decidedOn: '2024-12-05',
      recognisedOn: '2024-12-05',
      revokedOn: null,
      reason: null,
    });
  });

  it('a village that did not achieve the standard is refused with its reason and no certificate', async () => {
    const decided = await h.request<Data>(DECIDE_SAFE_STANDARD, decide({ unitId: id.vh2, outcome: 'NOT_ACHIEVED', certificateSigner: null, reason: 'Xảy ra vụ trộm cắp tài sản nghiêm trọng trong kỳ' }), commune);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideSafeStandard).toMatchObject({ status: 'NOT_RECOGNISED', recognisedOn: null, certificate: null, reason: 'Xảy ra vụ trộm cắp tài sản nghiêm trọng trong kỳ' });
  });

  it('in 2024 the district decides about its commune; from 01/07/2025 the province does, and the dissolved district no longer sees it', async () => {
    const byCommuneItself = await h.request<Data>(DECIDE_SAFE_STANDARD, decide({ unitId: id.vh, decisionNumber: '88/QĐ-UBND' }), commune);
    expect(byCommuneItself.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECOGNISING_BODY_REQUIRED' });

    const in2024 = await h.request<Data>(DECIDE_SAFE_STANDARD, decide({ unitId: id.vh, decidedOn: '2024-12-10', decisionNumber: '88/QĐ-UBND', certificateSigner: 'Chủ tịch UBND huyện Vũ Thư' }), district);
    expect(in2024.errors).toBeUndefined();
    expect(in2024.data!.decideSafeStandard.decidingUnit).toEqual({ id: id.vt });

    const byDissolvedDistrict = await h.request<Data>(DECIDE_SAFE_STANDARD, decide({ unitId: id.vh, year: 2025, decidedOn: '2025-12-10', decisionNumber: '12/QĐ-UBND' }), district);
    expect(byDissolvedDistrict.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_UNIT_NOT_FOUND', field: 'unitId' });

    const in2025 = await h.request<Data>(DECIDE_SAFE_STANDARD, decide({ unitId: id.vh, year: 2025, decidedOn: '2025-12-10', decisionNumber: '12/QĐ-UBND', certificateSigner: 'Chủ tịch UBND tỉnh Thái Bình' }), province);
    expect(in2025.errors).toBeUndefined();
    expect(in2025.data!.decideSafeStandard.decidingUnit).toEqual({ id: id.tb });
  });

  it('a recognition revoked later with a reason keeps the original visible (R30) and is published again as REVOKED, revision 2', async () => {
    const revoked = await h.request<Data>(REVOKE_SAFE_STANDARD, { input: { unitId: id.vh1, year: 2024, revokedOn: '2025-03-01', reason: 'Phát hiện vụ việc bị che giấu trong kỳ đánh giá', decisionNumber: '15/QĐ-UBND' } }, commune);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeSafeStandard).toMatchObject({ status: 'REVOKED', revokedOn: '2025-03-01', recognisedOn: '2024-12-05', decidedOn: '2025-03-01', revision: 2 });
    expect(revoked.data!.revokeSafeStandard.revisions).toEqual([
      { revision: 1, status: 'RECOGNISED', decidedOn: '2024-12-05', revokedOn: null, reason: null, actor: 'ca@vuhoi', actorUnit: { id: id.vh } },
      { revision: 2, status: 'REVOKED', decidedOn: '2025-03-01', revokedOn: '2025-03-01', reason: 'Phát hiện vụ việc bị che giấu trong kỳ đánh giá', actor: 'ca@vuhoi', actorUnit: { id: id.vh } },
    ]);
    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh1 }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => [(event.envelope as Data).data.revision, (event.envelope as Data).data.status, (event.envelope as Data).data.revokedOn])).toEqual([
      [1, 'RECOGNISED', null],
      [2, 'REVOKED', '2025-03-01'],
    ]);
  });

  const cases: Array<[string, () => [Record<string, unknown>, Parameters<AssessmentsHarness['request']>[2], string?], { code: string; reason: string; field?: string }]> = [
    ['a second decision for the same unit and year (R3)', () => [decide({ outcome: 'NOT_ACHIEVED', certificateSigner: null, reason: 'Đánh giá lại' }), commune], { code: 'CONFLICT', reason: 'RECOGNITION_ALREADY_DECIDED', field: 'unitId' }],
    ['a primary school, out of the standard’s scope (R1)', () => [decide({ unitId: id.primary }), commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_UNIT_OUT_OF_SCOPE', field: 'unitId' }],
    ['a unit outside the jurisdiction (answered as absent)', () => [decide({ unitId: id.thcs }), outsider], { code: 'NOT_FOUND', reason: 'ASSESSMENT_UNIT_NOT_FOUND', field: 'unitId' }],
    ['a refusal without a reason', () => [decide({ unitId: id.thcs, outcome: 'NOT_ACHIEVED', certificateSigner: null }), commune], { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_REASON_REQUIRED', field: 'reason' }],
    ['a certificate for a refusal', () => [decide({ unitId: id.thcs, outcome: 'NOT_ACHIEVED', reason: 'Không đạt' }), commune], { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_CERTIFICATE_NOT_ALLOWED', field: 'certificateSigner' }],
    ['a decision dated in the future', () => [decide({ unitId: id.thcs, year: 2026, decidedOn: '2026-02-01' }), commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_DATE_IN_FUTURE', field: 'decidedOn' }],
    ['a decision dated two years after its year', () => [decide({ unitId: id.thcs, year: 2023, decidedOn: '2025-01-10' }), commune], { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_DATE_OUTSIDE_YEAR', field: 'decidedOn' }],
    ['an impossible year', () => [decide({ unitId: id.thcs, year: 1800 }), commune], { code: 'BAD_USER_INPUT', reason: 'INVALID_YEAR', field: 'year' }],
    ['a unit officer deciding', () => [decide({ unitId: id.thcs }), villageOfficer], { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
    ['an anonymous caller', () => [decide({ unitId: id.thcs }), null], { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' }],
    ['revoking a refusal', () => [{ input: { unitId: id.vh2, year: 2024, revokedOn: '2025-03-01', reason: 'Thu hồi' } }, commune, REVOKE_SAFE_STANDARD], { code: 'CONFLICT', reason: 'RECOGNITION_NOT_REVOCABLE', field: 'unitId' }],
    ['revoking from outside the jurisdiction (answered as absent)', () => [{ input: { unitId: id.vh, year: 2024, revokedOn: '2025-03-01', reason: 'Thu hồi' } }, outsider, REVOKE_SAFE_STANDARD], { code: 'NOT_FOUND', reason: 'RECOGNITION_NOT_FOUND', field: 'unitId' }],
    ['revoking a commune’s recognition by the commune itself', () => [{ input: { unitId: id.vh, year: 2024, revokedOn: '2025-03-01', reason: 'Thu hồi' } }, commune, REVOKE_SAFE_STANDARD], { code: 'FORBIDDEN', reason: 'RECOGNISING_BODY_REQUIRED' }],
    ['a revocation dated before the recognition', () => [{ input: { unitId: id.vh, year: 2024, revokedOn: '2024-12-01', reason: 'Thu hồi' } }, district, REVOKE_SAFE_STANDARD], { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_REVOKED_BEFORE_GRANT', field: 'revokedOn' }],
    ['a blank decision number', () => [decide({ unitId: id.thcs, decisionNumber: '  ' }), commune], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'decisionNumber' }],
  ];

  it.each(cases)('%s is refused with a stable code and nothing is written', async (_, operation, expected) => {
    const [variables, caller, query = DECIDE_SAFE_STANDARD] = operation();
    await expectRefusedWithoutWrites(() => h.request(query, variables, caller), expected, () => tableCounts(h.prisma));
  });
});
