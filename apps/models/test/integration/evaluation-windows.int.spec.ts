import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type ModelsHarness, as, startHarness, tableCounts } from '../support/models-harness';
import { ADD_WINDOW_RULE, CREATE_MODEL, EVALUATION_WINDOW, REVIEW_MODEL, UNIT_WINDOW, WINDOW_RULES } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const RESIDENTIAL_RULE = '5e1d0a4c-7b2f-4c3e-9d10-000000000001';
const OTHER_KINDS_RULE = '5e1d0a4c-7b2f-4c3e-9d10-000000000002';

/**
 * Evaluation windows as data (R4): the seeded rules give the windows the code had; Thái Bình's provincial police add a version
 * of their province valid from 2026 for residential areas, which a 2026 review of a Thái Bình village then uses while 2024
 * and 2025 keep theirs, and which Hưng Yên's villages never see (the national rule); refusals write nothing.
 */
describe('models: evaluation windows as data', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  // Province B: Hưng Yên, with a commune and a village of its own.
  const hy = { province: randomUUID(), district: randomUUID(), commune: randomUUID(), village: randomUUID() };
  const hyStates = [
    fixtureUnit(hy.province, 'HY', 'PROVINCE', 'Tỉnh Hưng Yên', null),
    fixtureUnit(hy.district, 'HY-KC', 'DISTRICT', 'Huyện Khoái Châu', hy.province),
    fixtureUnit(hy.commune, 'HY-KC-DT', 'COMMUNE', 'Xã Dân Tiến', hy.district),
    fixtureUnit(hy.village, 'HY-KC-DT-01', 'RESIDENTIAL_AREA', 'Thôn Lạc Thủy', hy.commune),
  ];
  const hyProvince = as('pv05@hungyen', 'LEVEL_OFFICER', hy.province);
  const hyCommune = as('ca@dantien', 'LEVEL_OFFICER', hy.commune);
  const admin = as('admin@bocongan', 'SYSTEM_ADMIN', id.tb);
  let modelId = '';
  let hyModelId = '';
  let thaiBinhRuleId = '';

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
      provinceId: id.tb,
      reason: 'Quyết định của Giám đốc Công an tỉnh: khu dân cư đánh giá cùng kỳ với cấp xã từ năm 2026',
      ...overrides,
    },
  });
  const review = (year: number, reviewedOn: string, model = modelId) => ({
    input: { modelId: model, year, rating: 'EFFECTIVE', reviewedOn, criteriaMet: ['REGULAR_ACTIVITY'], evidence: [], reason: 'Đánh giá hằng năm' },
  });
  const counts = async () => ({
    ...(await tableCounts(h.prisma)),
    rules: await h.prisma.evaluationWindowRule.count(),
    ruleChanges: await h.prisma.evaluationWindowRuleChange.count(),
    closedRules: await h.prisma.evaluationWindowRule.count({ where: { validToYear: { not: null } } }),
  });
  const window = async (kind: string, year: number) => (await h.request<Data>(EVALUATION_WINDOW, { kind, year }, commune)).data?.evaluationWindow;
  const unitWindow = async (unitId: string, year: number, caller = admin) => (await h.request<Data>(UNIT_WINDOW, { unitId, year }, caller)).data?.evaluationWindow;

  beforeAll(async () => {
    h = await startHarness('2025-11-12');
    await h.project([...states, ...hyStates]);
    const created = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera an ninh thôn Hội Thượng', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh1, foundedOn: '2022-05-01' } }, commune);
    expect(created.errors).toBeUndefined();
    modelId = created.data?.createModel.id;
    const hyCreated = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera an ninh thôn Lạc Thủy', typeCode: 'SECURITY_CAMERA', hostUnitId: hy.village, foundedOn: '2022-05-01' } }, hyCommune);
    expect(hyCreated.errors).toBeUndefined();
    hyModelId = hyCreated.data?.createModel.id;
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
    ['a bounded national version over the open one (overlap)', () => [version({ provinceId: null, validToYear: 2027 }), admin], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' }],
    ['a national version sharing a kind with another rule (overlap)', () => [version({ provinceId: null, unitKinds: ['RESIDENTIAL_AREA', 'SCHOOL'] }), admin], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' }],
    ['29/02, not a day of every year', () => [version({ endMonth: 2, endDay: 29 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'endDay' }],
    ['a window longer than a year', () => [version({ endDay: 20 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'startYearOffset' }],
    ["a first window starting before the previous year's ends", () => [version({ startMonth: 10, endMonth: 10 }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' }],
    ['an unknown unit kind', () => [version({ unitKinds: ['RESIDENTIAL_AREA', 'VILLAGE_HALL'] }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_KIND_UNKNOWN', field: 'unitKinds[1]' }],
    ['a district officer (not the provincial police)', () => [version(), district], { code: 'FORBIDDEN', reason: 'PROVINCIAL_POLICE_REQUIRED' }],
    ["Hưng Yên's police for Thái Bình (answered as a province that does not exist)", () => [version(), hyProvince], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_PROVINCE_UNKNOWN', field: 'provinceId' }],
    ['an unknown province', () => [version({ provinceId: randomUUID() }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_PROVINCE_UNKNOWN', field: 'provinceId' }],
    ['a district named as the province', () => [version({ provinceId: id.vt }), province], { code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_NOT_A_PROVINCE', field: 'provinceId' }],
    ['the provincial police for the whole country (a national rule)', () => [version({ provinceId: null }), province], { code: 'FORBIDDEN', reason: 'NATIONAL_WINDOW_RULE_ADMIN_ONLY' }],
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

  it("Thái Bình's police add a version of their province from 2026: a 2026 review lands in the new window, 2024 and 2025 keep the old one, Hưng Yên keeps the national one", async () => {
    const added = await h.request<Data>(ADD_WINDOW_RULE, version(), province);
    expect(added.errors).toBeUndefined();
    thaiBinhRuleId = added.data?.addEvaluationWindowRule.id;
    expect(added.data?.addEvaluationWindowRule).toMatchObject({
      provinceId: id.tb,
      scopeLabel: 'Riêng tỉnh',
      unitKinds: ['RESIDENTIAL_AREA'],
      label: 'Từ 16/11 năm trước đến 15/11',
      validFromYear: 2026,
      validToYear: null,
      createdBy: 'pv05@thaibinh',
      history: [{ action: 'ADDED', validToYearBefore: null, validToYearAfter: null, actor: 'pv05@thaibinh', reason: version().input.reason }],
    });
    // A province's version never closes the national one; the national list does not show it, Thái Bình's does.
    const listed = async (provinceId?: string) =>
      ((await h.request<Data>(WINDOW_RULES, { kind: 'RESIDENTIAL_AREA', year: 2026, provinceId }, hyCommune)).data?.evaluationWindowRules as Data[]).map((rule) => [rule.id, rule.provinceId, rule.validToYear]);
    expect(await listed()).toEqual([
      [RESIDENTIAL_RULE, null, null],
      [OTHER_KINDS_RULE, null, null],
    ]);
    expect(await listed(id.tb)).toEqual([
      [RESIDENTIAL_RULE, null, null],
      [OTHER_KINDS_RULE, null, null],
      [thaiBinhRuleId, id.tb, null],
    ]);
    expect(await listed(hy.province)).toEqual(await listed());
    expect(await window('RESIDENTIAL_AREA', 2026)).toMatchObject({ start: '2025-11-01', end: '2026-10-31', rule: { id: RESIDENTIAL_RULE } });
    expect(await unitWindow(id.vh1, 2025)).toMatchObject({ provinceId: id.tb, start: '2024-11-01', end: '2025-10-31', rule: { id: RESIDENTIAL_RULE } });
    expect(await unitWindow(id.vh1, 2026, commune)).toEqual({ kind: 'RESIDENTIAL_AREA', year: 2026, provinceId: id.tb, start: '2025-11-16', end: '2026-11-15', rule: { id: thaiBinhRuleId, provinceId: id.tb } });
    expect(await unitWindow(hy.village, 2026, hyCommune)).toMatchObject({ provinceId: hy.province, start: '2025-11-01', end: '2026-10-31', rule: { id: RESIDENTIAL_RULE, provinceId: null } });
    // Hưng Yên's officers do not see Thái Bình's village: answered as absent.
    expect((await h.request<Data>(UNIT_WINDOW, { unitId: id.vh1, year: 2026 }, hyCommune)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'MODEL_UNIT_NOT_FOUND' });

    // 12/11/2025 lay in the old 2026 window (from 01/11/2025) but lies before the new one (from 16/11/2025).
    const early = await h.request<Data>(REVIEW_MODEL, review(2026, '2025-11-12'), commune);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_BEFORE_WINDOW', field: 'reviewedOn', windowStart: '2025-11-16' });
    h.setToday('2025-11-20');
    const r2026 = await h.request<Data>(REVIEW_MODEL, review(2026, '2025-11-18'), commune);
    expect(r2026.errors).toBeUndefined();
    expect(r2026.data?.reviewModel).toMatchObject({ year: 2026, windowStart: '2025-11-16', windowEnd: '2026-11-15' });
    const factWindow = async (unitId: string) => {
      const fact = await h.prisma.effectiveModelFact.findUniqueOrThrow({ where: { unitId_year: { unitId, year: 2026 } } });
      return [fact.windowStart.toISOString().slice(0, 10), fact.windowEnd.toISOString().slice(0, 10), fact.hasEffectiveModel];
    };
    expect(await factWindow(id.vh1)).toEqual(['2025-11-16', '2026-11-15', true]);

    // The same day in Hưng Yên: the national window (from 01/11/2025), for the review and the fact.
    const hy2026 = await h.request<Data>(REVIEW_MODEL, review(2026, '2025-11-12', hyModelId), hyCommune);
    expect(hy2026.errors).toBeUndefined();
    expect(hy2026.data?.reviewModel).toMatchObject({ year: 2026, windowStart: '2025-11-01', windowEnd: '2026-10-31' });
    expect((await h.prisma.modelReview.findUniqueOrThrow({ where: { id: hy2026.data?.reviewModel.id } })).provinceId).toBe(hy.province);
    expect(await factWindow(hy.village)).toEqual(['2025-11-01', '2026-10-31', true]);

    const reviews = (await h.request<Data>(`query($id: ID!) { model(id: $id) { reviews { year windowStart windowEnd windowProvinceId } } }`, { id: modelId }, commune)).data?.model.reviews;
    expect(reviews).toEqual([
      { year: 2026, windowStart: '2025-11-16', windowEnd: '2026-11-15', windowProvinceId: id.tb },
      { year: 2025, windowStart: '2024-11-01', windowEnd: '2025-10-31', windowProvinceId: id.tb },
      { year: 2024, windowStart: '2023-11-01', windowEnd: '2024-10-31', windowProvinceId: id.tb },
    ]);
  });

  it("once 2026 has reviews its windows are fixed: a rule for communes from 2026 is refused, nationally or for the province reviewed, and the database refuses an edit too", async () => {
    const before = await counts();
    const communes = version({ unitKinds: ['COMMUNE'], startMonth: 12, startDay: 1, endMonth: 11, endDay: 30 });
    const refused = await h.request<Data>(ADD_WINDOW_RULE, communes, province);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_IN_USE', field: 'validFromYear' });
    const national = await h.request<Data>(ADD_WINDOW_RULE, { input: { ...communes.input, provinceId: null } }, admin);
    expect(national.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_RULE_IN_USE', field: 'validFromYear' });
    expect(await counts()).toEqual(before);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET valid_to_year = 2025 WHERE id = '${thaiBinhRuleId}'`)).rejects.toThrow(/already have reviews/);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET province_id = '${hy.province}' WHERE id = '${thaiBinhRuleId}'`)).rejects.toThrow(/only valid_to_year changes/);
    await expect(
      h.prisma.$executeRawUnsafe(
        `INSERT INTO evaluation_window_rule (id, province_id, unit_kinds, start_month, start_day, start_year_offset, end_month, end_day, valid_from_year, reason, created_by)
         VALUES ('${randomUUID()}', '${id.vt}', ARRAY['SCHOOL'], 1, 1, 0, 12, 31, 2030, 'x', 'x')`,
      ),
    ).rejects.toThrow(/not a province/);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET end_day = 14 WHERE id = '${OTHER_KINDS_RULE}'`)).rejects.toThrow(/only valid_to_year changes/);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE evaluation_window_rule SET valid_to_year = 2024 WHERE id = '${OTHER_KINDS_RULE}'`)).rejects.toThrow(/already have reviews/);
    await expect(h.prisma.$executeRawUnsafe(`DELETE FROM evaluation_window_rule WHERE id = '${RESIDENTIAL_RULE}'`)).rejects.toThrow(/never deleted/);
    expect(await counts()).toEqual(before);
  });

  it("a province's rule only counts its own province's reviews; a national version by a SYSTEM_ADMIN closes the national one and reaches every province without a rule of its own", async () => {
    h.setToday('2025-12-01');
    // Hưng Yên's schools for 2025 alone: 2025 has reviews, of Thái Bình's units only (refused nationally, as above for 2026).
    const schools = await h.request<Data>(ADD_WINDOW_RULE, version({ provinceId: hy.province, unitKinds: ['SCHOOL'], validFromYear: 2025, validToYear: 2025 }), hyProvince);
    expect(schools.errors).toBeUndefined();
    expect(schools.data?.addEvaluationWindowRule).toMatchObject({ provinceId: hy.province, validFromYear: 2025, validToYear: 2025 });
    // Then residential areas nationally from 2027 (no 2027 review anywhere).
    const national = await h.request<Data>(ADD_WINDOW_RULE, version({ provinceId: null, validFromYear: 2027, reason: 'Thông tư sửa đổi (giả định)' }), admin);
    expect(national.errors).toBeUndefined();
    expect(national.data?.addEvaluationWindowRule).toMatchObject({ provinceId: null, scopeLabel: 'Toàn quốc', validFromYear: 2027 });
    const residential = (await h.request<Data>(WINDOW_RULES, { kind: 'RESIDENTIAL_AREA', year: 2026 }, admin)).data?.evaluationWindowRules as Data[];
    expect(residential.find((rule) => rule.id === RESIDENTIAL_RULE)?.history.map((change: Data) => [change.action, change.validToYearAfter, change.actor])).toEqual([
      ['ADDED', null, 'migration'],
      ['CLOSED', 2026, 'admin@bocongan'],
    ]);
    expect(await unitWindow(hy.village, 2027)).toMatchObject({ start: '2026-11-16', end: '2027-11-15', rule: { id: national.data?.addEvaluationWindowRule.id } });
    expect(await unitWindow(id.vh1, 2027)).toMatchObject({ start: '2026-11-16', end: '2027-11-15', rule: { id: thaiBinhRuleId } });
  });
});
