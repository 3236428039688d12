import { randomUUID } from 'node:crypto';
import { expectRefusedWithoutWrites } from '@antt/testing';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { APPROVE_ASSESSMENT, ASSESSMENT, CORRECT_CLASSIFICATION, RESCORE_ASSESSMENT, RETURN_ASSESSMENT, RULE_SETS, SUBMIT_ASSESSMENT, UNIT_CLASSIFICATION, WHAT_IF } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = (overrides: Record<string, number> = {}) =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17, ...overrides }).map(
    ([itemCode, score]) => ({ itemCode, score, evidence: `Biên bản ${itemCode}` }),
  );
const communeScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 9, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 14, CRIME_PREVENTION: 28, RESIDENTIAL_AREAS_SAFE: 16, POLICE_FORCE: 9 }).map(([itemCode, score]) => ({
    itemCode,
    score,
  }));

/**
 * Self-assessment and review through the gateway on the seeded 2024 Thái Bình rule sets: a village scores itself and submits to
 * its commune, which returns it with a reason and then approves the resubmission, publishing the classification (R11, R12); the
 * district re-scores its commune's item with a reason (audited); the commune itself and outsiders cannot review.
 */
describe('assessments: self-assessment, review and classification', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  let villageAssessment = '';
  let communeAssessment = '';

  beforeAll(async () => {
    h = await startHarness('2024-11-25');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('serves the seeded 2024 Thái Bình rule sets: items summing to 100, windows, deadlines, bands flagged unverified', async () => {
    const response = await h.request<Data>(RULE_SETS, { year: 2024 }, villageOfficer);
    const sets = response.data!.ruleSets as Data[];
    expect(sets.map((set) => set.code).sort()).toEqual(
      ['TB-2024-AGENCY', 'TB-2024-COMMUNE', 'TB-2024-DEPARTMENT', 'TB-2024-ENTERPRISE', 'TB-2024-RESIDENTIAL_AREA', 'TB-2024-SCHOOL'].sort(),
    );
    for (const set of sets) expect(set.items.reduce((sum: number, item: Data) => sum + item.maxPoints, 0)).toBe(100);
    const village = sets.find((set) => set.unitKind === 'RESIDENTIAL_AREA')!;
    expect(village).toMatchObject({ windowStart: '11-01', windowEnd: '10-31', deadline: '11-20', bandsVerified: false });
    expect(sets.find((set) => set.unitKind === 'COMMUNE')).toMatchObject({ windowStart: '11-16', windowEnd: '11-15', deadline: '11-30' });
  });

  it('a village submits, the commune returns it with a reason, the village resubmits and the chain (commune → district → province, 2024) approves: the classification is published', async () => {
    const submitted = await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-05', scores: villageScores() } }, villageOfficer);
    expect(submitted.errors).toBeUndefined();
    const first = submitted.data!.submitAssessment;
    villageAssessment = first.id;
    expect(first).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: id.vh }, totalScore: 92, proposedClassification: 'EXCELLENT', ruleSet: { code: 'TB-2024-RESIDENTIAL_AREA', bandsVerified: false } });

    const returned = await h.request<Data>(RETURN_ASSESSMENT, { input: { assessmentId: villageAssessment, reason: 'Thiếu biên bản họp dân về Ngày hội' } }, commune);
    expect(returned.data!.returnAssessment).toMatchObject({ status: 'RETURNED', returnReason: 'Thiếu biên bản họp dân về Ngày hội' });

    const resubmitted = await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-10', scores: villageScores({ FESTIVAL_DAY: 7 }) } }, villageOfficer);
    expect(resubmitted.data!.submitAssessment).toMatchObject({ id: villageAssessment, status: 'SUBMITTED', totalScore: 89, proposedClassification: 'GOOD', revision: 3 });

    for (const level of [commune, district]) {
      const forwarded = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: villageAssessment, approvedOn: '2024-11-14' } }, level);
      expect(forwarded.data!.approveAssessment.status).toBe('SUBMITTED');
    }
    const approved = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: villageAssessment, approvedOn: '2024-11-18', decisionNumber: '131/QĐ-UBND' } }, province);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveAssessment.status).toBe('APPROVED');
    expect(approved.data!.approveAssessment.history.map((change: Data) => [change.action, change.fromStatus, change.toStatus, change.actor])).toEqual([
      ['SUBMITTED', null, 'SUBMITTED', 'truongthon@hoithuong'],
      ['RETURNED', 'SUBMITTED', 'RETURNED', 'ca@vuhoi'],
      ['SUBMITTED', 'RETURNED', 'SUBMITTED', 'truongthon@hoithuong'],
      ['FORWARDED', 'SUBMITTED', 'SUBMITTED', 'ca@vuhoi'],
      ['FORWARDED', 'SUBMITTED', 'SUBMITTED', 'ca@vuthu'],
      ['APPROVED', 'SUBMITTED', 'APPROVED', 'pv05@thaibinh'],
    ]);

    const unit = await h.requestSubgraph<Data>(UNIT_CLASSIFICATION, { representations: [{ __typename: 'Unit', id: id.vh1 }], year: 2024 }, district);
    expect(unit.data!._entities[0]).toMatchObject({
      classification: {
        classification: 'GOOD',
        classificationLabel: 'Khá',
        score: 89,
        ruleSetVersion: 'TB-2024-RESIDENTIAL_AREA',
        decidingUnit: { id: id.tb },
        decidedOn: '2024-11-18',
        decisionNumber: '131/QĐ-UBND',
        revision: 1,
        assessment: { id: villageAssessment, totalScore: 89 },
      },
      assessments: [{ id: villageAssessment, year: 2024, status: 'APPROVED' }],
    });
    const hidden = await h.requestSubgraph<Data>(UNIT_CLASSIFICATION, { representations: [{ __typename: 'Unit', id: id.vh1 }], year: 2024 }, outsider);
    expect(hidden.data!._entities[0]).toMatchObject({ classification: null, assessments: [] });

    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh1 }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => event.type)).toEqual([
      'assessments.assessment.submitted.v1',
      'assessments.assessment.returned.v1',
      'assessments.assessment.submitted.v1',
      'assessments.assessment.approved.v1',
      'assessments.classification.decided.v1',
    ]);
    expect((events[4]!.envelope as Data).data).toEqual({
      unitId: id.vh1,
      unitKind: 'RESIDENTIAL_AREA',
      year: 2024,
      campaignId: null,
      decidingUnitId: id.tb,
      decisionNumber: '131/QĐ-UBND',
      revision: 1,
      classification: 'GOOD',
      score: 89,
      ruleSetVersion: 'TB-2024-RESIDENTIAL_AREA',
      decidedOn: '2024-11-18',
    });
  });

  it('a correction after publication is audited and leaves the original visible (R30); the decision is published again with a higher revision', async () => {
    const corrected = await h.request<Data>(
      CORRECT_CLASSIFICATION,
      { input: { unitId: id.vh1, year: 2024, score: 91, reason: 'Bổ sung biên bản Ngày hội bị bỏ sót khi chấm', decidedOn: '2024-11-22', decisionNumber: '140/QĐ-UBND' } },
      province,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctClassification).toMatchObject({ classification: 'EXCELLENT', score: 91, revision: 2, decidedOn: '2024-11-22' });
    expect(corrected.data!.correctClassification.revisions).toEqual([
      { revision: 1, classification: 'GOOD', score: 89, decidedOn: '2024-11-18', decisionNumber: '131/QĐ-UBND', reason: null, actor: 'pv05@thaibinh', actorUnit: { id: id.tb } },
      { revision: 2, classification: 'EXCELLENT', score: 91, decidedOn: '2024-11-22', decisionNumber: '140/QĐ-UBND', reason: 'Bổ sung biên bản Ngày hội bị bỏ sót khi chấm', actor: 'pv05@thaibinh', actorUnit: { id: id.tb } },
    ]);
    const decided = await h.prisma.outboxEvent.findMany({ where: { aggregateId: id.vh1, type: 'assessments.classification.decided.v1' }, orderBy: { seq: 'asc' } });
    expect(decided.map((event) => [(event.envelope as Data).data.revision, (event.envelope as Data).data.classification])).toEqual([
      [1, 'GOOD'],
      [2, 'EXCELLENT'],
    ]);
  });

  it('what if: the year re-evaluated under another rule-set version changes nothing published', async () => {
    const ruleSetId = randomUUID();
    const bands = [
      { classification: 'EXCELLENT', minScore: 90 },
      { classification: 'GOOD', minScore: 75 },
      { classification: 'AVERAGE', minScore: 50 },
      { classification: 'WEAK', minScore: 0 },
    ];
    const items = [
      ['RESOLUTION_AND_PLANS', 5],
      ['PARTICIPATION', 10],
      ['FESTIVAL_DAY', 10],
      ['SELF_MANAGEMENT_MODEL', 25],
      ['CRIME_PREVENTION', 25],
      ['DIGITAL_REPORTING', 25],
    ] as const;
    await h.prisma.ruleSet.create({
      data: {
        id: ruleSetId,
        code: 'TB-2030-RESIDENTIAL_AREA-DRAFT',
        provinceCode: 'TB',
        unitKind: 'RESIDENTIAL_AREA',
        fromYear: 2030,
        title: 'Dự thảo',
        windowStart: '11-01',
        windowEnd: '10-31',
        deadline: '11-20',
        bands,
        bandsVerified: false,
        items: { create: items.map(([code, maxPoints], index) => ({ code, maxPoints, position: index + 1, title: code })) },
      },
    });
    const before = await tableCounts(h.prisma);
    const whatIf = await h.request<Data>(WHAT_IF, { assessmentId: villageAssessment, ruleSetCode: 'TB-2030-RESIDENTIAL_AREA-DRAFT' }, commune);
    expect(whatIf.errors).toBeUndefined();
    expect(whatIf.data!.whatIf).toMatchObject({ ruleSet: { code: 'TB-2030-RESIDENTIAL_AREA-DRAFT' }, totalScore: 65, classification: 'AVERAGE', assessment: { id: villageAssessment, status: 'APPROVED' } });
    expect(whatIf.data!.whatIf.items.find((item: Data) => item.itemCode === 'PARTICIPATION')).toEqual({ itemCode: 'PARTICIPATION', maxPoints: 10, score: 10, scored: true });
    expect(whatIf.data!.whatIf.items.find((item: Data) => item.itemCode === 'DIGITAL_REPORTING')).toEqual({ itemCode: 'DIGITAL_REPORTING', maxPoints: 25, score: 0, scored: false });
    expect(await tableCounts(h.prisma)).toEqual(before);
    const published = await h.requestSubgraph<Data>(UNIT_CLASSIFICATION, { representations: [{ __typename: 'Unit', id: id.vh1 }], year: 2024 }, commune);
    expect(published.data!._entities[0].classification).toMatchObject({ classification: 'EXCELLENT', score: 91, revision: 2 });

    const otherKind = await h.request<Data>(WHAT_IF, { assessmentId: villageAssessment, ruleSetCode: 'TB-2024-COMMUNE' }, commune);
    expect(otherKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WHAT_IF_RULE_SET_OTHER_KIND', field: 'ruleSetCode' });
    const hidden = await h.request<Data>(WHAT_IF, { assessmentId: villageAssessment, ruleSetCode: 'TB-2030-RESIDENTIAL_AREA-DRAFT' }, outsider);
    expect(hidden.data!.whatIf).toBeNull();
  });

  it('the district re-scores its commune’s item with a reason (audited before, after, who, why); the commune cannot review itself (answered as absent); overdue after 30/11', async () => {
    const submitted = await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh, year: 2024, submittedOn: '2024-11-20', scores: communeScores() } }, commune);
    communeAssessment = submitted.data!.submitAssessment.id;
    expect(submitted.data!.submitAssessment).toMatchObject({ reviewingUnit: { id: id.vt }, totalScore: 90, proposedClassification: 'EXCELLENT', overdue: false });

    const bySelf = await h.request<Data>(RESCORE_ASSESSMENT, { input: { assessmentId: communeAssessment, itemCode: 'CRIME_PREVENTION', score: 30, reason: 'Tự nâng điểm' } }, commune);
    expect(bySelf.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });

    const rescored = await h.request<Data>(RESCORE_ASSESSMENT, { input: { assessmentId: communeAssessment, itemCode: 'CRIME_PREVENTION', score: 22, reason: 'Số vụ trộm cắp tăng so với năm trước' } }, district);
    expect(rescored.errors).toBeUndefined();
    const after = rescored.data!.rescoreAssessment;
    expect(after).toMatchObject({ totalScore: 84, proposedClassification: 'GOOD' });
    expect(after.scores.find((score: Data) => score.itemCode === 'CRIME_PREVENTION')).toMatchObject({ selfScore: 28, score: 22 });
    expect(after.history[1]).toMatchObject({ action: 'RESCORED', itemCode: 'CRIME_PREVENTION', before: 28, after: 22, actor: 'ca@vuthu', actorUnit: { id: id.vt }, reason: 'Số vụ trộm cắp tăng so với năm trước' });
    expect(Number.isNaN(Date.parse(after.history[1].at))).toBe(false);

    h.setToday('2024-12-02');
    const late = await h.request<Data>(ASSESSMENT, { id: communeAssessment }, district);
    expect(late.data!.assessment.overdue).toBe(true);
    expect(late.data!.assessment.reviewChain.map((step: Data) => [step.level.id, step.status, step.current, step.overdue])).toEqual([
      [id.vt, 'PENDING', true, true],
      [id.tb, 'PENDING', false, false],
    ]);
    h.setToday('2024-11-25');
  });

  const cases: Array<[string, () => [string, Record<string, unknown>, Parameters<AssessmentsHarness['request']>[2]], { code: string; reason: string; field?: string }]> = [
    ['a score above the item’s maximum', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-05', scores: villageScores({ PARTICIPATION: 16 }) } }, commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_SCORE_ABOVE_MAXIMUM', field: 'scores[1].score' }],
    ['a negative score', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-05', scores: villageScores({ FESTIVAL_DAY: -1 }) } }, commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_SCORE_INVALID', field: 'scores[2].score' }],
    ['an item the rule set does not have', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-05', scores: [...villageScores(), { itemCode: 'WEATHER', score: 1 }] } }, commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_ITEM_UNKNOWN', field: 'scores[6].itemCode' }],
    ['an item left unscored', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-05', scores: villageScores().slice(1) } }, commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_ITEM_MISSING', field: 'scores' }],
    ['an out-of-scope primary school (R1)', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.primary, year: 2024, submittedOn: '2024-11-20', scores: [] } }, commune], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_UNIT_OUT_OF_SCOPE', field: 'unitId' }],
    ['a second submission while approved', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-20', scores: villageScores() } }, villageOfficer], { code: 'CONFLICT', reason: 'ASSESSMENT_ALREADY_SUBMITTED', field: 'unitId' }],
    ['a unit officer submitting for its sibling (answered as absent)', () => [SUBMIT_ASSESSMENT, { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-05', scores: villageScores() } }, villageOfficer], { code: 'NOT_FOUND', reason: 'ASSESSMENT_UNIT_NOT_FOUND', field: 'unitId' }],
    ['a re-score above the maximum', () => [RESCORE_ASSESSMENT, { input: { assessmentId: communeAssessment, itemCode: 'POLICE_FORCE', score: 11, reason: 'Nâng điểm' } }, district], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_SCORE_ABOVE_MAXIMUM', field: 'score' }],
    ['a re-score without a reason', () => [RESCORE_ASSESSMENT, { input: { assessmentId: communeAssessment, itemCode: 'POLICE_FORCE', score: 8, reason: '  ' } }, district], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'reason' }],
    ['a review by a unit outside the chain (answered as absent)', () => [RETURN_ASSESSMENT, { input: { assessmentId: communeAssessment, reason: 'Trả lại' } }, outsider], { code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND', field: 'assessmentId' }],
    ['a review by the assessed unit itself (outside its chain: answered as absent)', () => [APPROVE_ASSESSMENT, { input: { assessmentId: communeAssessment, approvedOn: '2024-11-22' } }, commune], { code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND', field: 'assessmentId' }],
    ['a review by a later level of the chain before its turn', () => [APPROVE_ASSESSMENT, { input: { assessmentId: communeAssessment, approvedOn: '2024-11-22' } }, province], { code: 'CONFLICT', reason: 'ASSESSMENT_NOT_YOUR_TURN', field: 'assessmentId' }],
    ['an approval dated before the submission', () => [APPROVE_ASSESSMENT, { input: { assessmentId: communeAssessment, approvedOn: '2024-11-19' } }, district], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_DATE_BEFORE_SUBMISSION', field: 'approvedOn' }],
    ['approving an approved assessment again', () => [APPROVE_ASSESSMENT, { input: { assessmentId: villageAssessment, approvedOn: '2024-11-20' } }, commune], { code: 'CONFLICT', reason: 'ASSESSMENT_NOT_UNDER_REVIEW', field: 'assessmentId' }],
    ['a correction without a reason', () => [CORRECT_CLASSIFICATION, { input: { unitId: id.vh1, year: 2024, score: 80, reason: ' ', decidedOn: '2024-11-23' } }, province], { code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'reason' }],
    ['a correction by a lower level of the chain', () => [CORRECT_CLASSIFICATION, { input: { unitId: id.vh1, year: 2024, score: 80, reason: 'Sửa', decidedOn: '2024-11-23' } }, commune], { code: 'FORBIDDEN', reason: 'ASSESSMENT_REVIEWER_REQUIRED' }],
    ['a correction from outside the jurisdiction (answered as absent)', () => [CORRECT_CLASSIFICATION, { input: { unitId: id.vh1, year: 2024, score: 80, reason: 'Sửa', decidedOn: '2024-11-23' } }, outsider], { code: 'NOT_FOUND', reason: 'CLASSIFICATION_NOT_FOUND', field: 'unitId' }],
    ['a correction by the classified unit itself', () => [CORRECT_CLASSIFICATION, { input: { unitId: id.vh1, year: 2024, score: 80, reason: 'Sửa', decidedOn: '2024-11-23' } }, as('ca2@hoithuong', 'LEVEL_OFFICER', id.vh1)], { code: 'FORBIDDEN', reason: 'ASSESSMENT_REVIEWER_REQUIRED' }],
    ['a unit officer reviewing', () => [RETURN_ASSESSMENT, { input: { assessmentId: communeAssessment, reason: 'Trả lại' } }, villageOfficer], { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
  ];

  it.each(cases)('%s is refused with a stable code and nothing is written', async (_, operation, expected) => {
    const [query, variables, caller] = operation();
    await expectRefusedWithoutWrites(() => h.request(query, variables, caller), expected, () => tableCounts(h.prisma));
  });

  it('a rule set in use is immutable: the database refuses to change it, its items or its criteria (no insert, update or delete)', async () => {
    await expect(h.prisma.ruleSetItem.updateMany({ where: { code: 'PARTICIPATION' }, data: { maxPoints: 50 } })).rejects.toThrow(/in use/);
    const used = await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: 'TB-2024-RESIDENTIAL_AREA' }, include: { items: { orderBy: { code: 'asc' } }, criteria: { orderBy: { code: 'asc' } } } });
    await expect(h.prisma.ruleSet.update({ where: { id: used.id }, data: { deadline: '12-31' } })).rejects.toThrow(/in use/);
    await expect(h.prisma.safeStandardCriterion.updateMany({ where: { ruleSetId: used.id, code: 'RA_2' }, data: { verified: false } })).rejects.toThrow(/in use/);
    await expect(
      h.prisma.safeStandardCriterion.create({ data: { ruleSetId: used.id, code: 'RA_9', position: 9, source: 'PROVINCE', reference: 'x', text: 'Thêm', verified: false } }),
    ).rejects.toThrow(/in use/);
    // A new item cannot be added to a rule set in use, nor an item removed.
    const extraItem = { code: 'DIGITAL_REPORTING_EXTRA', position: 9, title: 'Báo cáo số hóa', maxPoints: 5 };
    await expect(h.prisma.ruleSetItem.create({ data: { ruleSetId: used.id, ...extraItem } })).rejects.toThrow(/in use/);
    await expect(h.prisma.ruleSetItem.deleteMany({ where: { ruleSetId: used.id, code: 'PARTICIPATION' } })).rejects.toThrow(/in use/);
    // A draft version no assessment uses stays editable, but none of its rows may be moved into the version in use.
    const draft = await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: 'TB-2030-RESIDENTIAL_AREA-DRAFT' } });
    await h.prisma.ruleSetItem.create({ data: { ruleSetId: draft.id, ...extraItem } });
    await h.prisma.safeStandardCriterion.create({ data: { ruleSetId: draft.id, code: 'RA_9', position: 9, source: 'PROVINCE', reference: 'x', text: 'Thêm', verified: false } });
    await expect(h.prisma.ruleSetItem.update({ where: { ruleSetId_code: { ruleSetId: draft.id, code: extraItem.code } }, data: { ruleSetId: used.id } })).rejects.toThrow(/in use/);
    await expect(h.prisma.safeStandardCriterion.update({ where: { ruleSetId_code: { ruleSetId: draft.id, code: 'RA_9' } }, data: { ruleSetId: used.id } })).rejects.toThrow(/in use/);
    await h.prisma.ruleSetItem.delete({ where: { ruleSetId_code: { ruleSetId: draft.id, code: extraItem.code } } });
    await h.prisma.safeStandardCriterion.delete({ where: { ruleSetId_code: { ruleSetId: draft.id, code: 'RA_9' } } });
    const after = await h.prisma.ruleSet.findUniqueOrThrow({ where: { id: used.id }, include: { items: { orderBy: { code: 'asc' } }, criteria: { orderBy: { code: 'asc' } } } });
    expect(after).toEqual(used);
  });
});
