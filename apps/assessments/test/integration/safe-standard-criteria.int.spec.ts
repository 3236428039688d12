import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { projectEffectiveModelFacts } from '../../src/domain/facts';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { ASSESSMENT_CRITERIA, APPROVE_ASSESSMENT, DECIDE_SAFE_STANDARD, OVERRIDE_CRITERION, RECORD_DISCIPLINE, RECORD_INCIDENT, RULE_SETS, SUBMIT_ASSESSMENT, WHAT_IF, WHAT_IF_CRITERIA, WHAT_IF_YEAR_SAFE_STANDARD } from '../support/operations';
import { effectiveModelFact2024, seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17 }).map(([itemCode, score]) => ({ itemCode, score }));
const communeScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 9, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 14, CRIME_PREVENTION: 28, RESIDENTIAL_AREAS_SAFE: 16, POLICE_FORCE: 9 }).map(([itemCode, score]) => ({ itemCode, score }));
const answers = (codes: string[], met = true) => codes.map((criterionCode) => ({ criterionCode, met, evidence: `Hồ sơ ${criterionCode}` }));
const VILLAGE_ANSWERED = ['RA_1', 'RA_2', 'RA_4', 'RA_5', 'PROVINCE_ADDITIONS'];

/**
 * The safe standard's pass/fail criteria on the 2024 Thái Bình rule sets through the gateway: a village answers its criteria with
 * evidence, criterion 3 (R6) is derived from the incidents register; the commune overrides an answer with a reason (audited) and
 * ACHIEVED is refused while a criterion fails; a commune's effective-model, disciplined-officer and R7 criteria are derived with their
 * inputs, the discipline fact recorded by the district.
 */
describe('assessments: safe-standard criteria', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  let village = '';
  let communeAssessment = '';

  const criteriaOf = async (assessmentId: string, caller = commune) => (await h.request<Data>(ASSESSMENT_CRITERIA, { id: assessmentId }, caller)).data!.assessment;
  const refused = async (query: string, variables: Record<string, unknown>, caller: Parameters<AssessmentsHarness['request']>[2]) => {
    const before = await tableCounts(h.prisma);
    const response = await h.request<Data>(query, variables, caller);
    expect(response.data ?? null).toBeNull();
    expect(await tableCounts(h.prisma)).toEqual(before);
    return response.errors?.[0]?.extensions as Data;
  };

  beforeAll(async () => {
    h = await startHarness('2024-11-25');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('serves the criteria of each 2024 rule set: Circular 124 and the province’s additions, unverified ones flagged, derived ones named', async () => {
    const sets = (await h.request<Data>(RULE_SETS, { year: 2024 }, villageOfficer)).data!.ruleSets as Data[];
    const codes = (kind: string) => sets.find((set) => set.unitKind === kind)!.criteria as Data[];
    expect(codes('RESIDENTIAL_AREA').map((c) => [c.code, c.source, c.verified, c.derivation])).toEqual([
      ['RA_1', 'CIRCULAR_124', true, null],
      ['RA_2', 'CIRCULAR_124', true, null],
      ['RA_3', 'CIRCULAR_124', true, 'NO_LISTED_INCIDENT'],
      ['RA_4', 'CIRCULAR_124', false, null],
      ['RA_5', 'CIRCULAR_124', false, null],
      ['PROVINCE_ADDITIONS', 'PROVINCE', false, null],
    ]);
    expect(codes('COMMUNE').filter((c) => c.derivation !== null).map((c) => [c.code, c.derivation])).toEqual([
      ['C_2', 'EFFECTIVE_MODEL'],
      ['C_4', 'NO_DISCIPLINED_OFFICER'],
      ['C_5', 'MANAGED_UNITS_R7'],
    ]);
    // "≥ 1 effective model" is derived for agencies, departments and enterprises too (Circular 124 Art. 6 cl. 5).
    const derivedOf = (kind: string) => codes(kind).filter((c) => c.derivation !== null).map((c) => [c.code, c.derivation]);
    expect(derivedOf('AGENCY')).toEqual([['A_5', 'EFFECTIVE_MODEL']]);
    expect(derivedOf('DEPARTMENT')).toEqual([['D_5', 'EFFECTIVE_MODEL']]);
    expect(derivedOf('ENTERPRISE')).toEqual([['E_5', 'EFFECTIVE_MODEL']]);
    for (const set of sets) expect((set.criteria as Data[]).some((c) => c.source === 'PROVINCE' && c.reference.includes('16/2022'))).toBe(true);
  });

  it('a village answers its criteria; R6 is derived (met, with its window); the commune overrides an answer with a reason, audited; ACHIEVED is refused until every criterion is met', async () => {
    const submitted = await h.request<Data>(
      SUBMIT_ASSESSMENT,
      { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-05', scores: villageScores(), criteria: answers(VILLAGE_ANSWERED) } },
      villageOfficer,
    );
    expect(submitted.errors).toBeUndefined();
    village = submitted.data!.submitAssessment.id;
    const first = await criteriaOf(village);
    expect(first.safeStandardProposal).toEqual({ outcome: 'ACHIEVED', outcomeLabel: 'Đạt', failedCriteria: [], unverifiedCriteria: ['RA_4', 'RA_5', 'PROVINCE_ADDITIONS'] });
    const ra3 = first.criteria.find((c: Data) => c.criterion.code === 'RA_3');
    expect(ra3).toMatchObject({ met: true, derived: true, answered: false, inputs: { derivation: 'NO_LISTED_INCIDENT', windowFrom: '2023-11-01', windowTo: '2024-10-31', incidents: [] } });
    expect(first.criteria.find((c: Data) => c.criterion.code === 'RA_1')).toMatchObject({ met: true, answered: true, selfMet: true, evidence: 'Hồ sơ RA_1', overridden: false });

    const overridden = await h.request<Data>(OVERRIDE_CRITERION, { input: { assessmentId: village, criterionCode: 'RA_2', met: false, reason: 'Còn hộ chưa chấp hành quy định tạm trú' } }, commune);
    expect(overridden.errors).toBeUndefined();
    expect(overridden.data!.overrideCriterion.history.at(-1)).toEqual({ action: 'CRITERION_OVERRIDDEN', criterionCode: 'RA_2', beforeMet: true, afterMet: false, actor: 'ca@vuhoi', reason: 'Còn hộ chưa chấp hành quy định tạm trú' });
    expect(overridden.data!.overrideCriterion.criteria.find((c: Data) => c.criterion.code === 'RA_2')).toMatchObject({ met: false, selfMet: true, overridden: true, overrideReason: 'Còn hộ chưa chấp hành quy định tạm trú' });
    expect(overridden.data!.overrideCriterion.safeStandardProposal).toMatchObject({ outcome: 'NOT_ACHIEVED', outcomeLabel: 'Không đạt', failedCriteria: ['RA_2'] });

    const decide = { input: { unitId: id.vh1, year: 2024, outcome: 'ACHIEVED', decidedOn: '2024-11-20', decisionNumber: '150/QĐ-UBND' } };
    expect(await refused(DECIDE_SAFE_STANDARD, decide, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECOGNITION_CRITERION_FAILED', field: 'outcome', assessmentId: village, criteria: ['RA_2'] });

    await h.request<Data>(OVERRIDE_CRITERION, { input: { assessmentId: village, criterionCode: 'RA_2', met: true, reason: 'Đã khắc phục, có biên bản kiểm tra ngày 18/11' } }, commune);
    const decided = await h.request<Data>(DECIDE_SAFE_STANDARD, decide, commune);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideSafeStandard.status).toBe('RECOGNISED');
  });

  it('an incident in the window fails criterion 3 of another village, with the incident as its input; the proposal is NOT_ACHIEVED and cannot be overridden to met', async () => {
    const incident = await h.request<Data>(RECORD_INCIDENT, { input: { unitId: id.vh2, type: 'UNLAWFUL_MASS_GATHERING', occurredOn: '2024-08-09', description: 'Tụ tập đông người tại trụ sở' } }, commune);
    const submitted = await h.request<Data>(
      SUBMIT_ASSESSMENT,
      { input: { unitId: id.vh2, year: 2024, submittedOn: '2024-11-06', scores: villageScores(), criteria: answers(VILLAGE_ANSWERED) } },
      commune,
    );
    const assessmentId = submitted.data!.submitAssessment.id;
    const view = await criteriaOf(assessmentId);
    expect(view.criteria.find((c: Data) => c.criterion.code === 'RA_3')).toMatchObject({
      met: false,
      derived: true,
      inputs: { incidents: [{ id: incident.data!.recordIncident.id, type: 'UNLAWFUL_MASS_GATHERING' }] },
    });
    expect(view.criteria.find((c: Data) => c.criterion.code === 'RA_3').inputs.summary).toContain('09/08/2024');
    expect(view.safeStandardProposal).toMatchObject({ outcome: 'NOT_ACHIEVED', failedCriteria: ['RA_3'] });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId, criterionCode: 'RA_3', met: true, reason: 'Vụ việc đã giải quyết' } }, commune)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ASSESSMENT_CRITERION_DERIVED',
      field: 'criterionCode',
    });
  });

  it('a commune’s effective-model, disciplined-officer and R7 criteria are derived with their inputs; the district records the discipline fact (the commune may not)', async () => {
    await h.prisma.$transaction((tx) =>
      projectEffectiveModelFacts(tx, [effectiveModelFact2024(id.vh, true, { revision: 2 })]),
    );
    const submitted = await h.request<Data>(
      SUBMIT_ASSESSMENT,
      { input: { unitId: id.vh, year: 2024, submittedOn: '2024-11-20', scores: communeScores(), criteria: answers(['C_1', 'C_3', 'PROVINCE_ADDITIONS']) } },
      commune,
    );
    expect(submitted.errors).toBeUndefined();
    communeAssessment = submitted.data!.submitAssessment.id;
    const before = await criteriaOf(communeAssessment, district);
    const derived = (view: Data, code: string) => view.criteria.find((c: Data) => c.criterion.code === code);
    expect(derived(before, 'C_2')).toMatchObject({ met: true, inputs: { hasEffectiveModel: true, effectiveModelRevision: 2 } });
    expect(derived(before, 'C_4')).toMatchObject({ met: false, inputs: { discipline: null, summary: 'Chưa ghi nhận dữ kiện kỷ luật Công an xã cho năm này' } });
    // Vũ Hội manages two villages and a lower-secondary school in scope (the primary school is out of scope); none registered.
    expect(derived(before, 'C_5')).toMatchObject({ met: false, inputs: { communeRule: { managedUnits: 3, registered: 0, recognised: 1, passes: false } } });
    expect(before.safeStandardProposal.failedCriteria).toEqual(['C_4', 'C_5']);

    expect(await refused(RECORD_DISCIPLINE, { input: { communeId: id.vh, year: 2024, disciplinedOfficers: 0, recordedOn: '2024-11-21', note: 'Tự xác nhận' } }, commune)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'DISCIPLINE_RECORDER_ABOVE_COMMUNE',
    });
    expect(await refused(RECORD_DISCIPLINE, { input: { communeId: id.vh1, year: 2024, disciplinedOfficers: 0, recordedOn: '2024-11-21', note: 'Thôn' } }, district)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DISCIPLINE_UNIT_NOT_COMMUNE',
    });
    expect(await refused(RECORD_DISCIPLINE, { input: { communeId: id.vh, year: 2024, disciplinedOfficers: -1, recordedOn: '2024-11-21', note: 'Sai' } }, district)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DISCIPLINE_OFFICERS_INVALID',
      field: 'disciplinedOfficers',
    });
    expect(await refused(RECORD_DISCIPLINE, { input: { communeId: id.vh, year: 2024, disciplinedOfficers: 0, recordedOn: '2024-11-21', note: 'Ngoài địa bàn' } }, outsider)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ASSESSMENT_UNIT_NOT_FOUND',
    });

    const first = await h.request<Data>(RECORD_DISCIPLINE, { input: { communeId: id.vh, year: 2024, disciplinedOfficers: 1, recordedOn: '2024-11-21', note: 'Quyết định kỷ luật số 12/QĐ-CAH' } }, district);
    expect(first.data!.recordCommunePoliceDiscipline).toMatchObject({ commune: { id: id.vh }, disciplinedOfficers: 1, recordedBy: 'ca@vuthu', recordedByUnit: { id: id.vt } });
    expect(derived(await criteriaOf(communeAssessment, district), 'C_4')).toMatchObject({ met: false, inputs: { discipline: { disciplinedOfficers: 1, recordedBy: 'ca@vuthu' } } });
    await h.request<Data>(RECORD_DISCIPLINE, { input: { communeId: id.vh, year: 2024, disciplinedOfficers: 0, recordedOn: '2024-11-22', note: 'Quyết định kỷ luật bị hủy theo khiếu nại' } }, district);
    expect(derived(await criteriaOf(communeAssessment, district), 'C_4')).toMatchObject({ met: true, inputs: { discipline: { disciplinedOfficers: 0 } } });
    const history = await h.requestSubgraph<Data>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { communePoliceDiscipline(year: 2024) { disciplinedOfficers note } } } }`,
      { representations: [{ __typename: 'Unit', id: id.vh }] },
      district,
    );
    expect(history.data!._entities[0].communePoliceDiscipline).toEqual([
      { disciplinedOfficers: 0, note: 'Quyết định kỷ luật bị hủy theo khiếu nại' },
      { disciplinedOfficers: 1, note: 'Quyết định kỷ luật số 12/QĐ-CAH' },
    ]);
  });

  it('bad answers and overrides are refused with stable codes, nothing written', async () => {
    const submit = (criteria: unknown[]) => ({ input: { unitId: id.thcs, year: 2024, submittedOn: '2024-11-20', scores: [], criteria } });
    const school = await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: 'TB-2024-SCHOOL' }, include: { items: true } });
    const schoolScores = school.items.map((item) => ({ itemCode: item.code, score: 0 }));
    const withScores = (criteria: unknown[]) => ({ input: { ...submit(criteria).input, scores: schoolScores } });
    expect(await refused(SUBMIT_ASSESSMENT, withScores([{ criterionCode: 'S_9', met: true }]), commune)).toMatchObject({ reason: 'ASSESSMENT_CRITERION_UNKNOWN', field: 'criteria[0].criterionCode' });
    expect(await refused(SUBMIT_ASSESSMENT, withScores([{ criterionCode: 'S_1', met: true }, { criterionCode: 'S_1', met: false }]), commune)).toMatchObject({
      reason: 'ASSESSMENT_CRITERION_DUPLICATE',
      field: 'criteria[1].criterionCode',
    });
    // A derived criterion is never answered (checked before anything else about the submission).
    expect(await refused(SUBMIT_ASSESSMENT, { input: { unitId: id.vh, year: 2024, submittedOn: '2024-11-20', scores: communeScores(), criteria: [{ criterionCode: 'C_4', met: true }] } }, commune)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ASSESSMENT_CRITERION_DERIVED',
      field: 'criteria[0].criterionCode',
    });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: communeAssessment, criterionCode: 'C_1', met: false, reason: 'Ngoài địa bàn' } }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: communeAssessment, criterionCode: 'C_1', met: false, reason: 'Chưa đến lượt' } }, province)).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT_NOT_YOUR_TURN' });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: communeAssessment, criterionCode: 'C_1', met: false, reason: ' ' } }, district)).toMatchObject({ reason: 'INVALID_TEXT', field: 'reason' });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: communeAssessment, criterionCode: 'C_5', met: true, reason: 'Nâng' } }, district)).toMatchObject({ reason: 'ASSESSMENT_CRITERION_DERIVED' });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: communeAssessment, criterionCode: 'NOPE', met: true, reason: 'Sai mã' } }, district)).toMatchObject({ reason: 'ASSESSMENT_CRITERION_UNKNOWN' });
  });

  it('the 2025 "điển hình" track is one more criteria set per kind, seeded unverified; it is never the set a self-assessment is scored against', async () => {
    const typical = await h.request<Data>(
      `query { ruleSets(provinceCode: "TB", year: 2025, track: TYPICAL) { code unitKind track trackLabel items { code } criteria { code source verified derivation } } }`,
      {},
      villageOfficer,
    );
    const sets = typical.data!.ruleSets as Data[];
    expect(sets.map((set) => set.code)).toEqual(['TB-2025-TYPICAL-AGENCY', 'TB-2025-TYPICAL-COMMUNE', 'TB-2025-TYPICAL-ENTERPRISE', 'TB-2025-TYPICAL-SCHOOL']);
    for (const set of sets) {
      expect(set).toMatchObject({ track: 'TYPICAL', trackLabel: 'Điển hình (tạm thời, chưa xác minh)', items: [] });
      expect((set.criteria as Data[]).map((c) => [c.code, c.source, c.verified])).toEqual([
        ['T_LEADERSHIP', 'MINISTRY', false],
        ['T_REMAINING', 'MINISTRY', false],
        ['PROVINCE_ADDITIONS', 'PROVINCE', false],
      ]);
    }
    const standard = (await h.request<Data>(`query { ruleSets(provinceCode: "TB", year: 2025, track: STANDARD) { code } }`, {}, villageOfficer)).data!.ruleSets as Data[];
    expect(standard.map((set) => set.code)).not.toContain('TB-2025-TYPICAL-COMMUNE');
    const whatIf = await h.request<Data>(WHAT_IF, { assessmentId: communeAssessment, ruleSetCode: 'TB-2025-TYPICAL-COMMUNE' }, district);
    expect(whatIf.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WHAT_IF_RULE_SET_OTHER_KIND' });
  });

  it('an agency’s effective-model criterion (A_5) is derived from models’ fact like a commune’s: fact true met, false or absent not met, the inputs shown; it cannot be answered', async () => {
    const agency = { yes: randomUUID(), no: randomUUID(), none: randomUUID() };
    await h.project([
      fixtureUnit(agency.yes, 'TB-KX-QB-CQ1', 'AGENCY', 'Cơ quan có mô hình', id.qb),
      fixtureUnit(agency.no, 'TB-KX-QB-CQ2', 'AGENCY', 'Cơ quan không có mô hình', id.qb),
      fixtureUnit(agency.none, 'TB-KX-QB-CQ3', 'AGENCY', 'Cơ quan chưa có dữ kiện', id.qb),
    ]);
    const fact = (unitId: string, hasEffectiveModel: boolean, revision: number) => effectiveModelFact2024(unitId, hasEffectiveModel, { revision });
    await h.prisma.$transaction((tx) => projectEffectiveModelFacts(tx, [fact(agency.yes, true, 1), fact(agency.no, false, 3)]));
    const agencyScores = (await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: 'TB-2024-AGENCY' }, include: { items: true } })).items.map((item) => ({ itemCode: item.code, score: item.maxPoints }));
    const agencyAnswered = ['A_1', 'A_2', 'A_3', 'A_4', 'A_6', 'PROVINCE_ADDITIONS'];
    const quangBinh = outsider; // the level of Xã Quang Bình, first in the agencies' chain
    const submitFor = async (unitId: string) => {
      const response = await h.request<Data>(
        SUBMIT_ASSESSMENT,
        { input: { unitId, year: 2024, submittedOn: '2024-11-20', scores: agencyScores, criteria: answers(agencyAnswered) } },
        as(`vanthu@${unitId.slice(0, 8)}`, 'UNIT_OFFICER', unitId),
      );
      expect(response.errors).toBeUndefined();
      return criteriaOf(response.data!.submitAssessment.id, quangBinh);
    };
    const a5 = (view: Data) => view.criteria.find((c: Data) => c.criterion.code === 'A_5');

    const withModel = await submitFor(agency.yes);
    expect(a5(withModel)).toMatchObject({
      met: true,
      answered: false,
      derived: true,
      criterion: { derivation: 'EFFECTIVE_MODEL' },
      inputs: { derivation: 'EFFECTIVE_MODEL', hasEffectiveModel: true, effectiveModelRevision: 1, summary: 'Có mô hình hoạt động hiệu quả (dữ kiện lần 1)' },
    });
    expect(withModel.safeStandardProposal).toMatchObject({ outcome: 'ACHIEVED', failedCriteria: [] });

    const withoutModel = await submitFor(agency.no);
    expect(a5(withoutModel)).toMatchObject({ met: false, inputs: { hasEffectiveModel: false, effectiveModelRevision: 3, summary: 'Không có mô hình hoạt động hiệu quả (dữ kiện lần 3)' } });
    expect(withoutModel.safeStandardProposal).toMatchObject({ outcome: 'NOT_ACHIEVED', failedCriteria: ['A_5'] });

    const noFact = await submitFor(agency.none);
    expect(a5(noFact)).toMatchObject({ met: false, inputs: { hasEffectiveModel: null, effectiveModelRevision: null, summary: 'Phân hệ mô hình chưa công bố dữ kiện mô hình hiệu quả của đơn vị cho năm này' } });
    expect(noFact.safeStandardProposal).toMatchObject({ outcome: 'NOT_ACHIEVED', failedCriteria: ['A_5'] });

    // A derived criterion is never typed in: neither answered by the agency nor overridden by its commune.
    expect(
      await refused(
        SUBMIT_ASSESSMENT,
        { input: { unitId: agency.none, year: 2024, submittedOn: '2024-11-21', scores: agencyScores, criteria: answers([...agencyAnswered, 'A_5']) } },
        as('vanthu@cq3', 'UNIT_OFFICER', agency.none),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_CRITERION_DERIVED' });
    expect(await refused(OVERRIDE_CRITERION, { input: { assessmentId: noFact.id, criterionCode: 'A_5', met: true, reason: 'Có mô hình' } }, quangBinh)).toMatchObject({
      reason: 'ASSESSMENT_CRITERION_DERIVED',
    });
  });

  it('answers given at submission are kept through approval and shown on the approved dossier', async () => {
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: communeAssessment, approvedOn: '2024-11-23' } }, district);
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: communeAssessment, approvedOn: '2024-11-24', decisionNumber: '200/QĐ-UBND' } }, province);
    const view = await criteriaOf(communeAssessment, province);
    expect(view.status).toBe('APPROVED');
    expect(view.criteria.filter((c: Data) => c.answered).map((c: Data) => c.criterion.code)).toEqual(['C_1', 'C_3', 'PROVINCE_ADDITIONS']);
  });

  it('what if: another version with a different criteria list gives a different safe-standard outcome, for one assessment and for the year; nothing is written', async () => {
    // Draft versions (nothing uses them): the village's criteria and one more answered criterion; the commune's without R7 (C_5)
    // and without the disciplined-officer criterion (C_4).
    const draft = async (baseCode: string, code: string, keep: (criterion: { code: string }) => boolean, extra: Array<{ code: string; text: string }> = []) => {
      const base = await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: baseCode }, include: { items: true, criteria: true } });
      const criteria = [...base.criteria.filter(keep).map((c) => ({ code: c.code, text: c.text, position: c.position, source: c.source, reference: c.reference, verified: c.verified, derivation: c.derivation })), ...extra.map((e, index) => ({ ...e, position: 100 + index, source: 'PROVINCE', reference: 'Dự thảo', verified: false, derivation: null }))];
      await h.prisma.ruleSet.create({
        data: {
          id: randomUUID(),
          code,
          provinceCode: 'TB',
          unitKind: base.unitKind,
          fromYear: 2030,
          title: 'Dự thảo tiêu chí',
          windowStart: base.windowStart,
          windowEnd: base.windowEnd,
          deadline: base.deadline,
          bands: base.bands as never,
          bandsVerified: false,
          items: { create: base.items.map((item) => ({ code: item.code, maxPoints: item.maxPoints, position: item.position, title: item.title })) },
          criteria: { create: criteria },
        },
      });
    };
    await draft('TB-2024-RESIDENTIAL_AREA', 'TB-2030-RESIDENTIAL_AREA-CRITERIA', () => true, [{ code: 'RA_6', text: 'Có tổ tự quản về an ninh trật tự hoạt động thường xuyên' }]);
    await draft('TB-2024-COMMUNE', 'TB-2030-COMMUNE-CRITERIA', (criterion) => criterion.code !== 'C_4' && criterion.code !== 'C_5');
    const before = await tableCounts(h.prisma);
    const published = await h.prisma.unitClassification.findMany({ orderBy: { unitId: 'asc' } });
    const recognitions = await h.prisma.safeStandardRecognition.findMany({ orderBy: { unitId: 'asc' } });
    const answersBefore = await h.prisma.assessmentCriterion.findMany({ orderBy: [{ assessmentId: 'asc' }, { criterionCode: 'asc' }] });

    // The village meets the standard now (RA_2 overridden back to met); under the draft RA_6 has no answer: not met, unanswered.
    const village1 = await h.request<Data>(WHAT_IF_CRITERIA, { assessmentId: village, ruleSetCode: 'TB-2030-RESIDENTIAL_AREA-CRITERIA' }, commune);
    expect(village1.errors).toBeUndefined();
    const result = village1.data!.whatIf;
    expect(result).toMatchObject({
      ruleSet: { code: 'TB-2030-RESIDENTIAL_AREA-CRITERIA' },
      meetsSafeStandardNow: true,
      meetsSafeStandardWhatIf: false,
      safeStandardNowLabel: 'Đạt',
      safeStandardWhatIfLabel: 'Không đạt',
      unansweredCriteria: ['RA_6'],
      failedCriteria: ['RA_6'],
    });
    const byCode = (code: string) => result.criteria.find((c: Data) => c.criterion.code === code);
    expect(byCode('RA_6')).toMatchObject({ met: false, answered: false, derived: false, selfMet: null });
    // The override of RA_2 travels with its code; R6 (RA_3) is derived from the same register as now.
    expect(byCode('RA_2')).toMatchObject({ met: true, answered: true, overridden: true, overrideReason: 'Đã khắc phục, có biên bản kiểm tra ngày 18/11' });
    const now = (await criteriaOf(village)).criteria.find((c: Data) => c.criterion.code === 'RA_3');
    expect(byCode('RA_3')).toMatchObject({ met: now.met, derived: true, inputs: { derivation: 'NO_LISTED_INCIDENT', summary: now.inputs.summary, windowFrom: '2023-11-01', windowTo: '2024-10-31' } });

    // The year: the commune's published classification fails C_5 (R7) now; the draft without C_4 and C_5 is met.
    const year = await h.request<Data>(WHAT_IF_YEAR_SAFE_STANDARD, { input: { year: 2024, ruleSetCodes: ['TB-2030-COMMUNE-CRITERIA'] }, first: 50, after: null }, province);
    expect(year.errors).toBeUndefined();
    expect(year.data!.whatIfYear).toEqual({
      assessments: 1,
      meetingSafeStandard: 0,
      meetingSafeStandardWhatIf: 1,
      safeStandardDifferences: {
        totalCount: 1,
        endCursor: expect.any(String),
        hasNextPage: false,
        units: [
          {
            unit: { id: id.vh },
            unitCode: expect.any(String),
            unitKind: 'COMMUNE',
            ruleSetCode: 'TB-2030-COMMUNE-CRITERIA',
            meetsSafeStandardNow: false,
            meetsSafeStandardWhatIf: true,
            safeStandardNowLabel: 'Không đạt',
            safeStandardWhatIfLabel: 'Đạt',
            failedCriteriaNow: ['C_5'],
            failedCriteria: [],
            unansweredCriteria: [],
          },
        ],
      },
    });
    // Its own version named again: the same outcome, no difference.
    const same = await h.request<Data>(WHAT_IF_YEAR_SAFE_STANDARD, { input: { year: 2024, ruleSetCodes: ['TB-2024-COMMUNE'] }, first: 50, after: null }, province);
    expect(same.data!.whatIfYear).toMatchObject({ meetingSafeStandard: 0, meetingSafeStandardWhatIf: 0, safeStandardDifferences: { totalCount: 0, units: [] } });

    // Nothing written: every table's count, the published classifications, recognitions and answers as they were.
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect(await h.prisma.unitClassification.findMany({ orderBy: { unitId: 'asc' } })).toEqual(published);
    expect(await h.prisma.safeStandardRecognition.findMany({ orderBy: { unitId: 'asc' } })).toEqual(recognitions);
    expect(await h.prisma.assessmentCriterion.findMany({ orderBy: [{ assessmentId: 'asc' }, { criterionCode: 'asc' }] })).toEqual(answersBefore);
    expect((await criteriaOf(village)).safeStandardProposal.outcome).toBe('ACHIEVED');
  });
});
