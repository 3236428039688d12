import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { APPROVE_ASSESSMENT, ASSESSMENT, RESCORE_ASSESSMENT, RETURN_ASSESSMENT, SUBMIT_ASSESSMENT } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17 }).map(([itemCode, score]) => ({ itemCode, score }));
const chain = (assessment: Data) => (assessment.reviewChain as Data[]).map((step) => [step.level.id, step.status, step.current]);

/**
 * Review up the levels of the dated tree: a 2024 village goes commune → district → province (each level re-scores, returns or
 * approves in turn; only the last approval publishes), a 2025 village (after the district level ended on 01/07/2025) goes commune →
 * province; a level out of the chain is answered as if the assessment did not exist, a level of the chain before its turn is told so.
 */
describe('assessments: review chain on the dated tree', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const otherDistrict = as('ca@kienxuong', 'LEVEL_OFFICER', id.kx);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);

  beforeAll(async () => {
    h = await startHarness('2024-11-25');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('2024: commune → district → province; each level acts in turn, a return sends it back to the unit and a resubmission restarts the chain; only the province’s approval publishes', async () => {
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-05', scores: villageScores() } }, villageOfficer)).data!.submitAssessment;
    const assessmentId = submitted.id;
    expect(chain(submitted)).toEqual([
      [id.vh, 'PENDING', true],
      [id.vt, 'PENDING', false],
      [id.tb, 'PENDING', false],
    ]);

    const before = await tableCounts(h.prisma);
    const early = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-06' } }, district);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT_NOT_YOUR_TURN', currentLevelUnitId: id.vh });
    const outside = await h.request<Data>(RETURN_ASSESSMENT, { input: { assessmentId, reason: 'Không thuộc thẩm quyền' } }, otherDistrict);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });
    expect(await tableCounts(h.prisma)).toEqual(before);

    const forwarded = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-07' } }, commune)).data!.approveAssessment;
    expect(forwarded).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: id.vt } });
    expect(chain(forwarded)).toEqual([
      [id.vh, 'APPROVED', false],
      [id.vt, 'PENDING', true],
      [id.tb, 'PENDING', false],
    ]);
    const rescored = await h.request<Data>(RESCORE_ASSESSMENT, { input: { assessmentId, itemCode: 'CRIME_PREVENTION', score: 25, reason: 'Có vụ trộm chưa được thôn báo cáo' } }, district);
    expect(rescored.data!.rescoreAssessment).toMatchObject({ totalScore: 89 });
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-08' } }, district);
    const returned = (await h.request<Data>(RETURN_ASSESSMENT, { input: { assessmentId, reason: 'Bổ sung biên bản họp dân' } }, province)).data!.returnAssessment;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung biên bản họp dân' });
    expect(chain(returned)).toEqual([
      [id.vh, 'APPROVED', false],
      [id.vt, 'APPROVED', false],
      [id.tb, 'RETURNED', false],
    ]);

    const again = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-12', scores: villageScores() } }, villageOfficer)).data!.submitAssessment;
    expect(chain(again)).toEqual([
      [id.vh, 'PENDING', true],
      [id.vt, 'PENDING', false],
      [id.tb, 'PENDING', false],
    ]);
    const stale = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-13' } }, province);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ reason: 'ASSESSMENT_NOT_YOUR_TURN' });
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-13' } }, commune);
    const backdated = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-12' } }, district);
    expect(backdated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_DATE_BEFORE_SUBMISSION', field: 'approvedOn' });
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-14' } }, district);
    expect(await h.prisma.unitClassification.count({ where: { unitId: id.vh1 } })).toBe(0);
    const approved = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-18', decisionNumber: '88/QĐ-UBND' } }, province)).data!.approveAssessment;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedOn: '2024-11-18', reviewingUnit: { id: id.tb } });
    expect((approved.reviewChain as Data[]).map((step) => [step.status, step.decidedOn, step.actor])).toEqual([
      ['APPROVED', '2024-11-13', 'ca@vuhoi'],
      ['APPROVED', '2024-11-14', 'ca@vuthu'],
      ['APPROVED', '2024-11-18', 'pv05@thaibinh'],
    ]);
    expect(approved.history.map((change: Data) => change.action)).toEqual(['SUBMITTED', 'FORWARDED', 'RESCORED', 'FORWARDED', 'RETURNED', 'SUBMITTED', 'FORWARDED', 'FORWARDED', 'APPROVED']);

    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh1 }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => [event.type, (event.envelope as Data).data.reviewingUnitId ?? (event.envelope as Data).data.decidingUnitId])).toEqual([
      ['assessments.assessment.submitted.v1', id.vh],
      ['assessments.assessment.returned.v1', id.tb],
      ['assessments.assessment.submitted.v1', id.vh],
      ['assessments.assessment.approved.v1', id.tb],
      ['assessments.classification.decided.v1', id.tb],
    ]);
  });

  it('2025 (no district level from 01/07/2025): commune → province; the former district is out of the chain', async () => {
    h.setToday('2025-11-25');
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2025, submittedOn: '2025-11-05', scores: villageScores() } }, villageOfficer)).data!.submitAssessment;
    expect(chain(submitted)).toEqual([
      [id.vh, 'PENDING', true],
      [id.tb, 'PENDING', false],
    ]);
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2025-11-06' } }, commune);
    const before = await tableCounts(h.prisma);
    const formerDistrict = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2025-11-07' } }, district);
    expect(formerDistrict.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });
    expect(await tableCounts(h.prisma)).toEqual(before);
    const approved = (await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2025-11-10' } }, province)).data!.approveAssessment;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewingUnit: { id: id.tb } });
  });

  it('a commune’s own 2024 assessment goes district → province, and the pending province step is flagged overdue only after its own deadline (15/12)', async () => {
    h.setToday('2024-11-25');
    const communeScores = Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 9, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 14, CRIME_PREVENTION: 28, RESIDENTIAL_AREAS_SAFE: 16, POLICE_FORCE: 9 }).map(([itemCode, score]) => ({ itemCode, score }));
    const submitted = (await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh, year: 2024, submittedOn: '2024-11-20', scores: communeScores } }, commune)).data!.submitAssessment;
    expect(chain(submitted)).toEqual([
      [id.vt, 'PENDING', true],
      [id.tb, 'PENDING', false],
    ]);
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: submitted.id, approvedOn: '2024-11-22' } }, district);
    h.setToday('2024-12-01');
    const onTime = (await h.request<Data>(ASSESSMENT, { id: submitted.id }, province)).data!.assessment;
    expect(onTime).toMatchObject({ overdue: false, reviewDeadline: '2024-12-15' });
    expect((onTime.reviewChain as Data[]).map((step) => [step.level.id, step.deadline, step.overdue])).toEqual([
      [id.vt, '2024-11-30', false],
      [id.tb, '2024-12-15', false],
    ]);
    h.setToday('2024-12-16');
    const late = (await h.request<Data>(ASSESSMENT, { id: submitted.id }, province)).data!.assessment;
    expect(late.overdue).toBe(true);
    expect((late.reviewChain as Data[]).map((step) => [step.level.id, step.overdue])).toEqual([
      [id.vt, false],
      [id.tb, true],
    ]);
  });
});
