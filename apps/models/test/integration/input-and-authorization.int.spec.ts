import { expectRefusedWithoutWrites } from '@antt/testing';
import { type ModelsHarness, as, startHarness, tableCounts } from '../support/models-harness';
import { CREATE_MODEL, DEFINE_TYPE, DISSOLVE_MODEL, REVIEW_MODEL, SUSPEND_MODEL } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** Every refusal has a stable code and reason, names the field where there is one, and writes nothing. */
describe('models: bad input and authorization', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  const communeUnitOfficer = as('vanphong@vuhoi', 'UNIT_OFFICER', id.vh);
  let modelId = '';

  const review = (overrides: Record<string, unknown> = {}) => ({
    input: { modelId, year: 2024, rating: 'EFFECTIVE', reviewedOn: '2024-11-20', criteriaMet: ['REGULAR_ACTIVITY'], evidence: [], reason: 'Đánh giá', ...overrides },
  });
  const dissolve = (overrides: Record<string, unknown> = {}) => ({
    input: { modelId, dissolvedOn: '2024-11-25', reason: 'Không hiệu quả', decisionNumber: '45/QĐ-UBND', decisionDate: '2024-11-22', ...overrides },
  });

  beforeAll(async () => {
    h = await startHarness('2024-12-01');
    await h.project(states);
    const created = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera an ninh xã Vũ Hội', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh, foundedOn: '2022-05-01' } }, commune);
    expect(created.errors).toBeUndefined();
    modelId = created.data?.createModel.id;
  });
  afterAll(async () => h?.close());

  const cases: Array<[string, () => [string, Record<string, unknown>, Parameters<ModelsHarness['request']>[2]], { code: string; reason: string; field?: string }]> = [
    ['a review by the host itself', () => [REVIEW_MODEL, review(), commune], { code: 'FORBIDDEN', reason: 'MODEL_REVIEWER_IS_HOST' }],
    ['a dissolution by the host itself', () => [DISSOLVE_MODEL, dissolve(), commune], { code: 'FORBIDDEN', reason: 'MODEL_REVIEWER_IS_HOST' }],
    ['a review from outside the jurisdiction (answered as absent)', () => [REVIEW_MODEL, review(), outsider], { code: 'NOT_FOUND', reason: 'MODEL_NOT_FOUND', field: 'modelId' }],
    ['a dissolution without a decision number', () => [DISSOLVE_MODEL, dissolve({ decisionNumber: null }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DISSOLUTION_DECISION_REQUIRED', field: 'decisionNumber' }],
    ['a dissolution with a blank decision number', () => [DISSOLVE_MODEL, dissolve({ decisionNumber: '  ' }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DISSOLUTION_DECISION_REQUIRED', field: 'decisionNumber' }],
    ['a dissolution without a decision date', () => [DISSOLVE_MODEL, dissolve({ decisionDate: undefined }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DISSOLUTION_DECISION_REQUIRED', field: 'decisionDate' }],
    ['a decision dated after the dissolution', () => [DISSOLVE_MODEL, dissolve({ decisionDate: '2024-11-26' }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DECISION_AFTER_DISSOLUTION', field: 'decisionDate' }],
    ['a dissolution dated in the future', () => [DISSOLVE_MODEL, dissolve({ dissolvedOn: '2024-12-05' }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE', field: 'dissolvedOn' }],
    ['a review dated in the future', () => [REVIEW_MODEL, review({ reviewedOn: '2024-12-02' }), district], { code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE', field: 'reviewedOn' }],
    ['a review before its window', () => [REVIEW_MODEL, review({ reviewedOn: '2023-11-10' }), district], { code: 'BAD_USER_INPUT', reason: 'REVIEW_BEFORE_WINDOW', field: 'reviewedOn' }],
    ['a review naming an unknown criterion', () => [REVIEW_MODEL, review({ criteriaMet: ['REGULAR_ACTIVITY', 'WEATHER'] }), district], { code: 'BAD_USER_INPUT', reason: 'REVIEW_CRITERION_UNKNOWN', field: 'criteriaMet[1]' }],
    ['a review of an impossible year', () => [REVIEW_MODEL, review({ year: 1800 }), district], { code: 'BAD_USER_INPUT', reason: 'INVALID_YEAR', field: 'year' }],
    ['an unknown model type', () => [CREATE_MODEL, { input: { name: 'Mô hình lạ', typeCode: 'FLYING_PATROL', hostUnitId: id.vh, foundedOn: '2023-01-01' } }, commune], { code: 'BAD_USER_INPUT', reason: 'MODEL_TYPE_UNKNOWN', field: 'typeCode' }],
    ['a founding date in the future', () => [CREATE_MODEL, { input: { name: 'Mô hình mới', typeCode: 'OTHER', hostUnitId: id.vh, foundedOn: '2025-01-01' } }, commune], { code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE', field: 'foundedOn' }],
    ['a model placed outside the jurisdiction (answered as an unknown unit)', () => [CREATE_MODEL, { input: { name: 'Camera', typeCode: 'OTHER', hostUnitId: id.qb, foundedOn: '2023-01-01' } }, commune], { code: 'NOT_FOUND', reason: 'MODEL_UNIT_NOT_FOUND', field: 'hostUnitId' }],
    ['a village officer placing a model on its sibling village (answered as an unknown unit)', () => [CREATE_MODEL, { input: { name: 'Camera', typeCode: 'OTHER', hostUnitId: id.vh2, foundedOn: '2023-01-01' } }, villageOfficer], { code: 'NOT_FOUND', reason: 'MODEL_UNIT_NOT_FOUND', field: 'hostUnitId' }],
    ["a unit officer placing a model below its own unit", () => [CREATE_MODEL, { input: { name: 'Camera', typeCode: 'OTHER', hostUnitId: id.vh2, foundedOn: '2023-01-01' } }, communeUnitOfficer], { code: 'FORBIDDEN', reason: 'OWN_UNIT_ONLY' }],
    ['a unit officer reviewing', () => [REVIEW_MODEL, review(), villageOfficer], { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
    ['an anonymous caller', () => [REVIEW_MODEL, review(), null], { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' }],
    ['a level officer changing the catalogue', () => [DEFINE_TYPE, { input: { code: 'FLYING_PATROL', name: 'Tuần tra' } }, district], { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
    ['a blank name', () => [CREATE_MODEL, { input: { name: '   ', typeCode: 'OTHER', hostUnitId: id.vh, foundedOn: '2023-01-01' } }, commune], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'name' }],
  ];

  it.each(cases)('%s is refused with a stable code and nothing is written', async (_, operation, expected) => {
    const [query, variables, caller] = operation();
    await expectRefusedWithoutWrites(() => h.request(query, variables, caller), expected, () => tableCounts(h.prisma));
  });

  it('the catalogue is data: a SYSTEM_ADMIN adds a type that then takes models, and deactivates it', async () => {
    const admin = as('admin', 'SYSTEM_ADMIN', id.vh);
    const defined = await h.request<Data>(DEFINE_TYPE, { input: { code: 'zalo_group', name: 'Nhóm Zalo an ninh, trật tự', description: 'Nhóm liên lạc trên mạng xã hội' } }, admin);
    expect(defined.data?.defineModelType).toEqual({ code: 'ZALO_GROUP', name: 'Nhóm Zalo an ninh, trật tự', description: 'Nhóm liên lạc trên mạng xã hội', active: true });
    const created = await h.request<Data>(CREATE_MODEL, { input: { name: 'Nhóm Zalo thôn Hội Thượng', typeCode: 'ZALO_GROUP', hostUnitId: id.vh, foundedOn: '2024-01-01' } }, commune);
    expect(created.data?.createModel.type).toEqual({ code: 'ZALO_GROUP', name: 'Nhóm Zalo an ninh, trật tự' });
    await h.request<Data>(DEFINE_TYPE, { input: { code: 'ZALO_GROUP', name: 'Nhóm Zalo an ninh, trật tự', active: false } }, admin);
    const refused = await h.request<Data>(CREATE_MODEL, { input: { name: 'Nhóm Zalo thôn Hội Hạ', typeCode: 'ZALO_GROUP', hostUnitId: id.vh, foundedOn: '2024-01-01' } }, commune);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MODEL_TYPE_UNKNOWN', field: 'typeCode' });
  });

  it('a suspended model cannot be suspended again (CONFLICT), and a dissolved one cannot be reviewed', async () => {
    const suspended = await h.request<Data>(SUSPEND_MODEL, { input: { modelId, suspendedOn: '2024-06-01', reason: 'Camera hỏng' } }, district);
    expect(suspended.data?.suspendModel).toMatchObject({ status: 'SUSPENDED', statusLabel: 'Tạm dừng hoạt động', statusReason: 'Camera hỏng' });
    const before = await tableCounts(h.prisma);
    const again = await h.request<Data>(SUSPEND_MODEL, { input: { modelId, suspendedOn: '2024-06-02', reason: 'Lần hai' } }, district);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MODEL_INVALID_TRANSITION' });
    expect(await tableCounts(h.prisma)).toEqual(before);

    const dissolved = await h.request<Data>(DISSOLVE_MODEL, dissolve(), district);
    expect(dissolved.data?.dissolveModel.status).toBe('DISSOLVED');
    const afterDissolution = await tableCounts(h.prisma);
    const reviewOfDissolved = await h.request<Data>(REVIEW_MODEL, review(), district);
    expect(reviewOfDissolved.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_MODEL_DISSOLVED' });
    expect(await tableCounts(h.prisma)).toEqual(afterDissolution);
  });
});
