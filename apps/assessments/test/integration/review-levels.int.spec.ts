import { randomUUID } from 'node:crypto';
import { type UnitState } from '@antt/unit-directory';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { APPROVE_ASSESSMENT, ASSESSMENT, RULE_SET_REVIEW_PLANS, SUBMIT_ASSESSMENT } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17 }).map(([itemCode, score]) => ({ itemCode, score }));
const steps = (assessment: Data) => (assessment.reviewChain as Data[]).map((step) => [step.level.id, step.deadline, step.status, step.current, step.overdue]);

/**
 * Per-level review deadlines and where a kind's review stops, from the seeded 2024 Thái Bình review plans: a village's review is
 * due at the commune by 20/11, the district by 30/11 and the province by 15/12, each step overdue only after its own deadline; a
 * school's review stops at the district (its approval is final and publishes), and on the 2025 tree (no district) goes on to the
 * province, final there.
 */
describe('assessments: review levels and per-level deadlines (review plans)', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  const schoolOfficer = as('hieutruong@thcsvuhoi', 'UNIT_OFFICER', id.thcs);
  let schoolScores: Array<{ itemCode: string; score: number }> = [];

  beforeAll(async () => {
    h = await startHarness('2024-11-05');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('each kind’s review levels, deadlines and final level are served on its rule set (seeded unverified); TYPICAL sets have none', async () => {
    const sets = (await h.request<Data>(RULE_SET_REVIEW_PLANS, { year: 2024, track: 'STANDARD' }, villageOfficer)).data!.ruleSets as Data[];
    const levels = (kind: string) =>
      (sets.find((set) => set.unitKind === kind)!.reviewPlan.levels as Data[]).map((level) => [level.levelKind, level.levelKindLabel, level.deadline, level.final]);
    expect(sets).toHaveLength(6);
    expect(levels('RESIDENTIAL_AREA')).toEqual([
      ['COMMUNE', 'Cấp xã', '11-20', false],
      ['DISTRICT', 'Cấp huyện', '11-30', false],
      ['PROVINCE', 'Cấp tỉnh', '12-15', true],
    ]);
    expect(levels('COMMUNE')).toEqual([
      ['DISTRICT', 'Cấp huyện', '11-30', false],
      ['PROVINCE', 'Cấp tỉnh', '12-15', true],
    ]);
    for (const kind of ['AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL']) {
      expect(levels(kind)).toEqual([
        ['COMMUNE', 'Cấp xã', '11-20', false],
        ['DISTRICT', 'Cấp huyện', '11-30', true],
        ['PROVINCE', 'Cấp tỉnh', '11-30', true],
      ]);
    }
    expect(sets.every((set) => set.reviewPlan.verified === false && set.reviewPlan.fromYear === 2024 && set.reviewPlan.toYear === null)).toBe(true);
    expect(sets.find((set) => set.unitKind === 'SCHOOL')!.reviewPlan.code).toBe('TB-2024-REVIEW-SCHOOL');
    schoolScores = (sets.find((set) => set.unitKind === 'SCHOOL')!.items as Data[]).map((item) => ({ itemCode: item.code, score: item.maxPoints }));

    const typical = (await h.request<Data>(RULE_SET_REVIEW_PLANS, { year: 2025, track: 'TYPICAL' }, villageOfficer)).data!.ruleSets as Data[];
    expect(typical.length).toBeGreaterThan(0);
    expect(typical.every((set) => set.reviewPlan === null)).toBe(true);
  });

  it('a village: overdue at the commune step after 20/11, the district step not until after 30/11, the province step not before 15/12; once approved nothing is overdue', async () => {
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-05', scores: villageScores() } }, villageOfficer)).data!.submitAssessment;
    expect(submitted).toMatchObject({ reviewDeadline: '2024-11-20', overdue: false, reviewPlan: { code: 'TB-2024-REVIEW-RESIDENTIAL_AREA' } });
    expect(steps(submitted)).toEqual([
      [id.vh, '2024-11-20', 'PENDING', true, false],
      [id.vt, '2024-11-30', 'PENDING', false, false],
      [id.tb, '2024-12-15', 'PENDING', false, false],
    ]);

    h.setToday('2024-11-20');
    expect((await h.request<Data>(ASSESSMENT, { id: submitted.id }, commune)).data!.assessment.overdue).toBe(false);

    h.setToday('2024-11-21');
    const lateAtCommune = (await h.request<Data>(ASSESSMENT, { id: submitted.id }, commune)).data!.assessment;
    expect(lateAtCommune.overdue).toBe(true);
    expect(steps(lateAtCommune)).toEqual([
      [id.vh, '2024-11-20', 'PENDING', true, true],
      [id.vt, '2024-11-30', 'PENDING', false, false],
      [id.tb, '2024-12-15', 'PENDING', false, false],
    ]);

    const atDistrict = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-11-21' } }, commune)).data!.approveAssessment;
    expect(atDistrict).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: id.vt }, reviewDeadline: '2024-11-30', overdue: false });
    expect(steps(atDistrict).map((step) => step[4])).toEqual([false, false, false]);

    h.setToday('2024-11-30');
    expect((await h.request<Data>(ASSESSMENT, { id: submitted.id }, district)).data!.assessment.overdue).toBe(false);
    h.setToday('2024-12-01');
    const lateAtDistrict = (await h.request<Data>(ASSESSMENT, { id: submitted.id }, district)).data!.assessment;
    expect(lateAtDistrict.overdue).toBe(true);
    expect(steps(lateAtDistrict)).toEqual([
      [id.vh, '2024-11-20', 'APPROVED', false, false],
      [id.vt, '2024-11-30', 'PENDING', true, true],
      [id.tb, '2024-12-15', 'PENDING', false, false],
    ]);

    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-12-01' } }, district);
    const atProvince = (await h.request<Data>(ASSESSMENT, { id: submitted.id }, province)).data!.assessment;
    expect(atProvince).toMatchObject({ reviewingUnit: { id: id.tb }, reviewDeadline: '2024-12-15', overdue: false });
    const approved = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-12-01' } }, province)).data!.approveAssessment;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewDeadline: null, overdue: false });
    h.setToday('2024-12-20');
    expect(steps((await h.request<Data>(ASSESSMENT, { id: submitted.id }, province)).data!.assessment).map((step) => step[4])).toEqual([false, false, false]);
  });

  it('a school stops at the district: the commune forwards it, the district’s approval is final (classification published through the outbox by the district), the province is not in the chain', async () => {
    h.setToday('2024-11-25');
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.thcs, year: 2024, submittedOn: '2024-11-18', scores: schoolScores } }, schoolOfficer)).data!.submitAssessment;
    expect(submitted).toMatchObject({ reviewPlan: { code: 'TB-2024-REVIEW-SCHOOL' }, reviewDeadline: '2024-11-20' });
    expect(steps(submitted)).toEqual([
      [id.vh, '2024-11-20', 'PENDING', true, true],
      [id.vt, '2024-11-30', 'PENDING', false, false],
    ]);
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-11-19' } }, commune);

    const before = await tableCounts(h.prisma);
    const byProvince = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-11-22' } }, province);
    expect(byProvince.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });
    expect(await tableCounts(h.prisma)).toEqual(before);

    const approved = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-11-22', decisionNumber: '12/QĐ-UBND' } }, district)).data!.approveAssessment;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedOn: '2024-11-22', reviewingUnit: { id: id.vt }, overdue: false, reviewDeadline: null });
    expect(approved.history.map((change: Data) => change.action)).toEqual(['SUBMITTED', 'FORWARDED', 'APPROVED']);
    expect(await h.prisma.unitClassification.findUniqueOrThrow({ where: { unitId_year: { unitId: id.thcs, year: 2024 } } })).toMatchObject({
      decidingUnitId: id.vt,
      classification: 'EXCELLENT',
      score: 100,
    });
    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.thcs }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => [event.type, (event.envelope as Data).data.reviewingUnitId ?? (event.envelope as Data).data.decidingUnitId])).toEqual([
      ['assessments.assessment.submitted.v1', id.vh],
      ['assessments.assessment.approved.v1', id.vt],
      ['assessments.classification.decided.v1', id.vt],
    ]);
  });

  it('a school on the 2025 tree (no district): the missing level is skipped, commune → province, final at the province by 30/11', async () => {
    h.setToday('2025-11-25');
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.thcs, year: 2025, submittedOn: '2025-11-10', scores: schoolScores } }, schoolOfficer)).data!.submitAssessment;
    expect(steps(submitted)).toEqual([
      [id.vh, '2025-11-20', 'PENDING', true, true],
      [id.tb, '2025-11-30', 'PENDING', false, false],
    ]);
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2025-11-24' } }, commune);
    const approved = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2025-11-25' } }, province)).data!.approveAssessment;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewingUnit: { id: id.tb } });
    expect((await h.prisma.unitClassification.findUniqueOrThrow({ where: { unitId_year: { unitId: id.thcs, year: 2025 } } })).decidingUnitId).toBe(id.tb);
  });

  it('the database refuses to change a review plan a chain was built from (a new version is a new record)', async () => {
    const plan = await h.prisma.reviewPlan.findUniqueOrThrow({ where: { code: 'TB-2024-REVIEW-SCHOOL' } });
    await expect(
      h.prisma.reviewPlanLevel.update({ where: { reviewPlanId_position: { reviewPlanId: plan.id, position: 1 } }, data: { final: false } }),
    ).rejects.toThrow(/in use/);
    await expect(h.prisma.reviewPlanLevel.create({ data: { reviewPlanId: plan.id, position: 9, levelKind: 'PROVINCE', deadline: '12-15', final: true } })).rejects.toThrow(/in use/);
    await expect(h.prisma.reviewPlan.update({ where: { id: plan.id }, data: { toYear: 2024 } })).rejects.toThrow(/in use/);
    expect((await h.prisma.reviewPlanLevel.findMany({ where: { reviewPlanId: plan.id }, orderBy: { position: 'asc' } })).map((level) => [level.levelKind, level.final])).toEqual([
      ['COMMUNE', false],
      ['DISTRICT', true],
      ['PROVINCE', true],
    ]);
  });

  it('a province without a review plan in force, or whose plan names no level above the unit: stable codes, nothing written', async () => {
    h.setToday('2024-11-25');
    const [hn, hnCommune, hnVillage] = [randomUUID(), randomUUID(), randomUUID()];
    const unit = (unitId: string, code: string, kind: string, parentId: string | null): UnitState => ({
      unitId,
      code,
      kind,
      revision: 1,
      dissolvedOn: null,
      timeline: [{ validFrom: '2019-01-01', validTo: null, name: code, parentId, managingUnitId: null, attributes: {} }],
    });
    await h.project([unit(hn, 'HN', 'PROVINCE', null), unit(hnCommune, 'HN-X1', 'COMMUNE', hn), unit(hnVillage, 'HN-X1-T1', 'RESIDENTIAL_AREA', hnCommune)]);
    await h.prisma.ruleSet.create({
      data: {
        id: randomUUID(),
        code: 'HN-2024-RESIDENTIAL_AREA',
        provinceCode: 'HN',
        unitKind: 'RESIDENTIAL_AREA',
        fromYear: 2024,
        title: 'Bộ tiêu chí thử (không có kế hoạch thẩm định)',
        windowStart: '11-01',
        windowEnd: '10-31',
        deadline: '11-20',
        bands: [{ classification: 'WEAK', minScore: 0 }],
        bandsVerified: false,
        items: { create: [{ code: 'ALL', position: 1, title: 'Toàn bộ', maxPoints: 100 }] },
      },
    });
    const hnOfficer = as('pv05@hanoi', 'LEVEL_OFFICER', hn);
    const submit = { input: { unitId: hnVillage, year: 2024, submittedOn: '2024-11-05', scores: [{ itemCode: 'ALL', score: 80 }] } };

    const before = await tableCounts(h.prisma);
    const noPlan = await h.request<Data>(SUBMIT_ASSESSMENT, submit, hnOfficer);
    expect(noPlan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_REVIEW_PLAN_NOT_FOUND', field: 'year', provinceCode: 'HN' });

    await h.prisma.reviewPlan.create({
      data: { id: randomUUID(), code: 'HN-2024-REVIEW-RESIDENTIAL_AREA', provinceCode: 'HN', unitKind: 'RESIDENTIAL_AREA', fromYear: 2024, verified: false, source: 'thử', levels: { create: [{ position: 0, levelKind: 'DISTRICT', deadline: '11-30', final: true }] } },
    });
    const noLevel = await h.request<Data>(SUBMIT_ASSESSMENT, submit, hnOfficer);
    expect(noLevel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_NO_REVIEW_LEVEL', field: 'unitId', reviewPlanCode: 'HN-2024-REVIEW-RESIDENTIAL_AREA' });
    expect(await tableCounts(h.prisma)).toEqual(before);
  });
});
