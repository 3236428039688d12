import { type ModelsHarness, as, startHarness, tableCounts } from '../support/models-harness';
import { ADD_WINDOW_RULE, CREATE_MODEL, EVALUATION_WINDOW, REVIEW_MODEL, WINDOW_RULES } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const RESIDENTIAL_RULE = '5e1d0a4c-7b2f-4c3e-9d10-000000000001';
const OTHER_KINDS_RULE = '5e1d0a4c-7b2f-4c3e-9d10-000000000002';

/**
 * Evaluation windows as data (R4): the seeded rules give the windows the code had; the provincial police add a version valid
 * from 2026 for residential areas, which a 2026 review then uses while 2024 and 2025 keep theirs; refusals write nothing.
 */
describe('models: evaluation windows as data', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  let modelId = '';

  /** Residential areas from 2026: 16/11 of the previous year to 15/11, as every other kind. */
  const version = (overrides: Record<string, unknown> = {}) => ({
    input: {
      unitKinds: ['RESIDENTIAL_AREA'],
      startMonth: 11,
      startDay: 16,
      startYearOffset: -1,
      endMonth: 11,
      endDay: 15,
      validFromYear: 2026,
      reason: 'Quyết định của Giám đốc Công an tỉnh: khu dân cư đánh giá cùng kỳ với cấp xã từ năm 2026',
      ...overrides,
    },
  });
  const review = (year: number, reviewedOn: string) => ({
    input: { modelId, year, rating: 'EFFECTIVE', reviewedOn, criteriaMet: ['REGULAR_ACTIVITY'], evidence: [], reason: 'Đánh giá hằng năm' },
  });
  const counts = async () => ({
    ...(await tableCounts(h.prisma)),
    rules: await h.prisma.evaluationWindowRule.count(),
    ruleChanges: await h.prisma.evaluationWindowRuleChange.count(),
    closedRules: await h.prisma.evaluationWindowRule.count({ where: { validToYear: { not: null } } }),
  });
  const window = async (kind: string, year: number) => (await h.request<Data>(EVALUATION_WINDOW, { kind, year }, commune)).data?.evaluationWindow;

  beforeAll(async () => {
    h = await startHarness('2025-11-12');
    await h.project(states);
    const created = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera an ninh thôn Hội Thượng', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh1, foundedOn: '2022-05-01' } }, commune);
    expect(created.errors).toBeUndefined();
    modelId = created.data?.createModel.id;
  });
  afterAll(async () => h?.close());

  it('the seeded rules are the windows of R4, with their audit and Vietnamese labels', async () => {
    const rules = await h.request<Data>(WINDOW_RULES, {}, villageOfficer);
    expect(rules.errors).toBeUndefined();
    expect(rules.data?.evaluationWindowRules).toEqual([
      expect.objectContaining({
        id: RESIDENTIAL_RULE,
        unitKinds: ['RESIDENTIAL_AREA'],
        appliesToOtherKinds: false,
        unitKindsLabel: 'Khu dân cư',
        label: 'Từ 01/11 năm trước đến 31/10',
        validFromYear: 1900,
        validToYear: null,
        createdBy: 'migration',
        history: [expect.objectContaining({ action: 'ADDED', actor: 'migration' })],
      }),
      expect.objectContaining({ id: OTHER_KINDS_RULE, unitKinds: [], appliesToOtherKinds: true, unitKindsLabel: 'Các loại đơn vị khác', label: 'Từ 16/11 năm trước đến 15/11' }),
    ]);
    expect(await window('RESIDENTIAL_AREA', 2025)).toEqual({ kind: 'RESIDENTIAL_AREA', year: 2025, start: '2024-11-01', end: '2025-10-31', rule: { id: RESIDENTIAL_RULE, validFromYear: 1900 } });
    expect(await window('COMMUNE', 2025)).toEqual({ kind: 'COMMUNE', year: 2025, start: '2024-11-16', end: '2025-11-15', rule: { id: OTHER_KINDS_RULE, validFromYear: 1900 } });
  });

  it('reviews of 2024 and 2025 take the seeded residential window', async () => {
    const r2024 = await h.request<Data>(REVIEW_MODEL, review(2024, '2024-11-05'), commune);
    expect(r2024.data?.reviewModel).toMatchObject({ year: 2024, windowStart: '2023-11-01', windowEnd: '2024-10-31' });
    const r2025 = await h.request<Data>(REVIEW_MODEL, review(2025, '2025-11-10'), commune);
    expect(r2025.data?.reviewModel).toMatchObject({ year: 2025, windowStart: '2024-11-01', windowEnd: '2025-10-31' });
  });

  const refusals: Array<[string, () => [Record<string, unknown>, Parameters<ModelsHarness['request']>[2]], { code: string; reason: string; field?: string }]> = [
    ['a version for a year that already has reviews (editing a rule in use)', () => [version({ validFromYear: 2025 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_IN_USE', field: 'validFromYear' }],
    ['a bounded version over the open one (overlap)', () => [version({ validToYear: 2027 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' }],
    ['a version sharing a kind with another rule (overlap)', () => [version({ unitKinds: ['RESIDENTIAL_AREA', 'SCHOOL'] }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' }],
    ['29/02, not a day of every year', () => [version({ endMonth: 2, endDay: 29 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'endDay' }],
    ['a window longer than a year', () => [version({ endDay: 20 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'startYearOffset' }],
    ["a first window starting before the previous year's ends", () => [version({ startMonth: 10, endMonth: 10 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' }],
    ['an unknown unit kind', () => [version({ unitKinds: ['RESIDENTIAL_AREA', 'VILLAGE_HALL'] }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_KIND_UNKNOWN', field: 'unitKinds[1]' }],
    ['a district officer (not the provincial police)', () => [version(), district], { code: 'FORBIDDEN', reason: 'PROVINCIAL_POLICE_REQUIRED' }],
    ['a unit officer', () => [version(), villageOfficer], { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
  ];

  it.each(refusals)('%s is refused with a stable code and nothing is written', async (_, operation, expected) => {
    const before = await counts();
    const [variables, caller] = operation();
    const response = await h.request<Data>(ADD_WINDOW_RULE, variables, caller);
    expect(response.data ?? null).toBeNull();
    const extensions = response.errors?.[0]?.extensions as Data;
    expect(extensions.code).toBe(expected.code);
    expect(extensions.reason).toBe(expected.reason);
    if (expected.field) expect(extensions.field).toBe(expected.field);
    expect(await counts()).toEqual(before);
  });

  it('the provincial police add a version from 2026: a 2026 review lands in the new window, 2024 and 2025 keep the old one', async () => {
    const added = await h.request<Data>(ADD_WINDOW_RULE, version(), province);
    expect(added.errors).toBeUndefined();
    expect(added.data?.addEvaluationWindowRule).toMatchObject({
      unitKinds: ['RESIDENTIAL_AREA'],
      label: 'Từ 16/11 năm trước đến 15/11',
      validFromYear: 2026,
      validToYear: null,
      createdBy: 'pv05@thaibinh',
      history: [{ action: 'ADDED', validToYearBefore: null, validToYearAfter: null, actor: 'pv05@thaibinh', reason: version().input.reason }],
    });
    const closed = (await h.request<Data>(WINDOW_RULES, { kind: 'RESIDENTIAL_AREA', year: 2025 }, commune)).data?.evaluationWindowRules;
    expect(closed.map((rule: Data) => [rule.id, rule.validToYear])).toEqual([
      [RESIDENTIAL_RULE, 2025],
      [OTHER_KINDS_RULE, null],
    ]);
    expect(closed[0].history.map((change: Data) => [change.action, change.validToYearBefore, change.validToYearAfter, change.actor])).toEqual([
      ['ADDED', null, null, 'migration'],
      ['CLOSED', null, 2025, 'pv05@thaibinh'],
    ]);
    expect(await window('RESIDENTIAL_AREA', 2025)).toMatchObject({ start: '2024-11-01', end: '2025-10-31', rule: { id: RESIDENTIAL_RULE } });
    expect(await window('RESIDENTIAL_AREA', 2026)).toMatchObject({ start: '2025-11-16', end: '2026-11-15', rule: { validFromYear: 2026 } });

    // 12/11/2025 lay in the old 2026 window (from 01/11/2025) but lies before the new one (from 16/11/2025).
    const early = await h.request<Data>(REVIEW_MODEL, review(2026, '2025-11-12'), commune);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_BEFORE_WINDOW', field: 'reviewedOn', windowStart: '2025-11-16' });
    h.setToday('2025-11-20');
    const r2026 = await h.request<Data>(REVIEW_MODEL, review(2026, '2025-11-18'), commune);
    expect(r2026.errors).toBeUndefined();
    expect(r2026.data?.reviewModel).toMatchObject({ year: 2026, windowStart: '2025-11-16', windowEnd: '2026-11-15' });
    const fact = await h.prisma.effectiveModelFact.findUniqueOrThrow({ where: { unitId_year: { unitId: id.vh1, year: 2026 } } });
    expect([fact.windowStart.toISOString().slice(0, 10), fact.windowEnd.toISOString().slice(0, 10), fact.hasEffectiveModel]).toEqual(['2025-11-16', '2026-11-15', true]);

    const reviews = (await h.request<Data>(`query($id: ID!) { model(id: $id) { reviews { year windowStart windowEnd } } }`, { id: modelId }, commune)).data?.model.reviews;
    expect(reviews).toEqual([
      { year: 2026, windowStart: '2025-11-16', windowEnd: '2026-11-15' },
      { year: 2025, windowStart: '2024-11-01', windowEnd: '2025-10-31' },
      { year: 2024, windowStart: '2023-11-01', windowEnd: '2024-10-31' },
    ]);
  });

  it('once 2026 has reviews its windows are fixed: a rule for communes from 2026 is refused, and the database refuses an edit too', async () => {
    const before = await counts();
    const refused = await h.request<Data>(ADD_WINDOW_RULE, version({ unitKinds: ['COMMUNE'], startMonth: 12, startDay: 1, endMonth: 11, endDay: 30 }), province);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_IN_USE', field: 'validFromYear' });
    expect(await counts()).toEqual(before);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET end_day = 14 WHERE id = '${OTHER_KINDS_RULE}'`)).rejects.toThrow(/only valid_to_year changes/);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET valid_to_year = 2024 WHERE id = '${OTHER_KINDS_RULE}'`)).rejects.toThrow(/already have reviews/);
    await expect(h.prisma.$executeRawUnsafe(`DELETE FROM evaluation_window_rule WHERE id = '${RESIDENTIAL_RULE}'`)).rejects.toThrow(/never deleted/);
    expect(await counts()).toEqual(before);
  });
});
