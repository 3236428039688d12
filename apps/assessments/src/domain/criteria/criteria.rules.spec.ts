import { deriveCriterion, evaluateCriteria, proposeOutcome } from './criteria.rules';
import { type CriterionView, type DerivedFacts } from './criteria.types';

const criterion = (code: string, derivation: CriterionView['derivation'] = null, verified = true): CriterionView => ({
  code,
  position: 1,
  source: 'CIRCULAR_124',
  reference: 'TT 124/2021/TT-BCA',
  text: code,
  verified,
  derivation,
});

const noFacts: DerivedFacts = { window: { from: '2023-11-01', to: '2024-10-31' }, incidents: [], effectiveModel: null, discipline: null, communeRule: null };
const discipline = (disciplinedOfficers: number) => ({
  id: 'd',
  communeId: 'c',
  year: 2024,
  disciplinedOfficers,
  recordedOn: '2024-11-20',
  note: 'Báo cáo',
  recordedBy: 'ca@vuthu',
  recordedByUnitId: 'vt',
  at: new Date(),
});
const communeRule = (passes: boolean, final = true, decided = 17) => ({
  communeId: 'c',
  year: 2024,
  asOf: '2024-11-15',
  managedUnits: 17,
  registered: 17,
  recognised: passes ? 12 : 11,
  decided,
  allRegistered: true,
  recognisedPercent: passes ? 70.6 : 64.7,
  passes,
  final,
  hasEffectiveModel: null,
  notRegisteredIds: [],
  notRecognisedIds: [],
});

describe('safe-standard criteria', () => {
  it('R6: no listed incident in the window meets criterion 3; one incident fails it and is shown with the window', () => {
    expect(deriveCriterion('NO_LISTED_INCIDENT', noFacts)).toMatchObject({ met: true, inputs: { windowFrom: '2023-11-01', windowTo: '2024-10-31', incidents: [] } });
    const incident = { id: 'i1', unitId: 'u', type: 'SERIOUS_CRIME' as const, occurredOn: '2024-03-02', description: 'Cướp tài sản' };
    const failed = deriveCriterion('NO_LISTED_INCIDENT', { ...noFacts, incidents: [incident] });
    expect(failed.met).toBe(false);
    expect(failed.inputs.incidents).toEqual([incident]);
    expect(failed.inputs.summary).toContain('02/03/2024');
  });

  it('the effective-model criterion follows models\' fact; no fact published is not met', () => {
    expect(deriveCriterion('EFFECTIVE_MODEL', noFacts)).toMatchObject({ met: false, inputs: { hasEffectiveModel: null } });
    expect(deriveCriterion('EFFECTIVE_MODEL', { ...noFacts, effectiveModel: { hasEffectiveModel: true, revision: 3 } })).toMatchObject({ met: true, inputs: { hasEffectiveModel: true, effectiveModelRevision: 3 } });
    expect(deriveCriterion('EFFECTIVE_MODEL', { ...noFacts, effectiveModel: { hasEffectiveModel: false, revision: 4 } }).met).toBe(false);
  });

  it('the disciplined-officer criterion is met only by a recorded zero', () => {
    expect(deriveCriterion('NO_DISCIPLINED_OFFICER', noFacts).met).toBe(false);
    expect(deriveCriterion('NO_DISCIPLINED_OFFICER', { ...noFacts, discipline: discipline(0) })).toMatchObject({ met: true, inputs: { discipline: { disciplinedOfficers: 0 } } });
    expect(deriveCriterion('NO_DISCIPLINED_OFFICER', { ...noFacts, discipline: discipline(2) }).met).toBe(false);
  });

  it('R7 as a criterion passes with the commune rule and shows it', () => {
    expect(deriveCriterion('MANAGED_UNITS_R7', { ...noFacts, communeRule: communeRule(false) })).toMatchObject({ met: false, inputs: { summary: '17/17 đơn vị đăng ký, 11/17 (64.7%) được công nhận' } });
    expect(deriveCriterion('MANAGED_UNITS_R7', { ...noFacts, communeRule: communeRule(true) }).met).toBe(true);
    expect(deriveCriterion('MANAGED_UNITS_R7', noFacts).met).toBe(false);
  });

  it('R7 as a criterion is met only once final: a pass while units are undecided or the window is open is not met, and says it is not final yet', () => {
    const undecided = deriveCriterion('MANAGED_UNITS_R7', { ...noFacts, communeRule: communeRule(true, false, 15) });
    expect(undecided).toMatchObject({ met: false, inputs: { communeRule: { passes: true, final: false } } });
    expect(undecided.inputs.summary).toBe('17/17 đơn vị đăng ký, 12/17 (70.6%) được công nhận; chưa chốt: 2/17 đơn vị chưa có quyết định công nhận, chưa tính là đạt');
    const windowOpen = deriveCriterion('MANAGED_UNITS_R7', { ...noFacts, communeRule: communeRule(true, false, 17) });
    expect(windowOpen.met).toBe(false);
    expect(windowOpen.inputs.summary).toBe('17/17 đơn vị đăng ký, 12/17 (70.6%) được công nhận; chưa chốt: thời gian đánh giá của các đơn vị chưa kết thúc (đến 15/11/2024), chưa tính là đạt');
    const failing = deriveCriterion('MANAGED_UNITS_R7', { ...noFacts, communeRule: communeRule(false, false, 15) });
    expect(failing).toMatchObject({ met: false, inputs: { summary: '17/17 đơn vị đăng ký, 11/17 (64.7%) được công nhận; chưa chốt: 2/17 đơn vị chưa có quyết định công nhận' } });
    expect(proposeOutcome(evaluateCriteria([criterion('C_5', 'MANAGED_UNITS_R7')], [], { ...noFacts, communeRule: communeRule(true, false, 15) }))).toMatchObject({ outcome: 'NOT_ACHIEVED', failedCriteria: ['C_5'] });
    expect(proposeOutcome(evaluateCriteria([criterion('C_5', 'MANAGED_UNITS_R7')], [], { ...noFacts, communeRule: communeRule(true) }))).toMatchObject({ outcome: 'ACHIEVED', failedCriteria: [] });
  });

  it('answered criteria take the answer as it stands after review; an unanswered one is not met', () => {
    const criteria = [criterion('RA_1'), criterion('RA_2'), criterion('RA_3', 'NO_LISTED_INCIDENT'), criterion('RA_4', null, false)];
    const results = evaluateCriteria(
      criteria,
      [
        { criterionCode: 'RA_1', selfMet: true, met: true, evidence: 'Nghị quyết số 01', overrideReason: null },
        { criterionCode: 'RA_2', selfMet: true, met: false, evidence: null, overrideReason: 'Chưa phổ biến quy định' },
      ],
      noFacts,
    );
    expect(results.map((result) => [result.criterion.code, result.met, result.answered, result.overridden])).toEqual([
      ['RA_1', true, true, false],
      ['RA_2', false, true, true],
      ['RA_3', true, false, false],
      ['RA_4', false, false, false],
    ]);
    expect(proposeOutcome(results)).toEqual({ outcome: 'NOT_ACHIEVED', failedCriteria: ['RA_2', 'RA_4'], unverifiedCriteria: ['RA_4'] });
  });

  it('proposes ACHIEVED only when every criterion is met', () => {
    const criteria = [criterion('C_1'), criterion('C_4', 'NO_DISCIPLINED_OFFICER')];
    const answers = [{ criterionCode: 'C_1', selfMet: true, met: true, evidence: null, overrideReason: null }];
    expect(proposeOutcome(evaluateCriteria(criteria, answers, { ...noFacts, discipline: discipline(0) })).outcome).toBe('ACHIEVED');
    expect(proposeOutcome(evaluateCriteria(criteria, answers, { ...noFacts, discipline: discipline(1) }))).toMatchObject({ outcome: 'NOT_ACHIEVED', failedCriteria: ['C_4'] });
  });
});
