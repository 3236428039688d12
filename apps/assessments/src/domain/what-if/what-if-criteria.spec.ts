import { evaluateCriteria } from '../criteria/criteria.rules';
import { type CriterionAnswerView, type CriterionView, type DerivedFacts } from '../criteria/criteria.types';
import { evaluateWhatIfCriteria } from './what-if-criteria';
import { passesWithShare } from '../derived';

const criterion = (code: string, derivation: CriterionView['derivation'] = null): CriterionView => ({
  code,
  position: 1,
  source: 'CIRCULAR_124',
  reference: 'TT 124/2021/TT-BCA',
  text: code,
  verified: true,
  derivation,
});
const answer = (criterionCode: string, met: boolean, overrideReason: string | null = null): CriterionAnswerView => ({ criterionCode, selfMet: true, met, evidence: null, overrideReason });
const facts: DerivedFacts = { window: { from: '2023-11-01', to: '2024-10-31' }, incidents: [], effectiveModel: null, discipline: null, communeRule: null };

describe('what if: the safe-standard criteria under another rule-set version', () => {
  const current = [criterion('RA_1'), criterion('RA_2'), criterion('RA_3', 'NO_LISTED_INCIDENT')];
  const answers = [answer('RA_1', true), answer('RA_2', true)];

  it('another version with an extra answered criterion: not met and listed as unanswered; the derived one is the same as now', () => {
    const other = [...current, criterion('RA_9')];
    const result = evaluateWhatIfCriteria(current, other, answers, facts, facts);
    expect(result.meetsSafeStandardNow).toBe(true);
    expect(result.meetsSafeStandardWhatIf).toBe(false);
    expect(result.unansweredCriteria).toEqual(['RA_9']);
    expect(result.failedCriteria).toEqual(['RA_9']);
    expect(result.failedCriteriaNow).toEqual([]);
    expect(result.criteria.map((entry) => [entry.criterion.code, entry.met, entry.answered])).toEqual([
      ['RA_1', true, true],
      ['RA_2', true, true],
      ['RA_3', true, false],
      ['RA_9', false, false],
    ]);
    const derivedNow = evaluateCriteria(current, answers, facts).find((entry) => entry.criterion.code === 'RA_3');
    expect(result.criteria.find((entry) => entry.criterion.code === 'RA_3')).toEqual(derivedNow);
  });

  it('a listed incident fails the derived criterion both now and under the other version (same facts)', () => {
    const incident = { id: 'i1', unitId: 'u', type: 'SERIOUS_CRIME' as const, occurredOn: '2024-03-02', description: 'Cướp tài sản' };
    const withIncident = { ...facts, incidents: [incident] };
    const result = evaluateWhatIfCriteria(current, [criterion('RA_3', 'NO_LISTED_INCIDENT')], answers, withIncident, withIncident);
    expect(result).toMatchObject({ meetsSafeStandardNow: false, meetsSafeStandardWhatIf: false, failedCriteriaNow: ['RA_3'], failedCriteria: ['RA_3'], unansweredCriteria: [] });
  });

  it('overrides are kept where the code matches, and dropped with criteria the other version does not have', () => {
    const overridden = [answer('RA_1', true), answer('RA_2', false, 'Chưa phổ biến quy định')];
    const now = evaluateWhatIfCriteria(current, [criterion('RA_1'), criterion('RA_2')], overridden, facts, facts);
    expect(now).toMatchObject({ meetsSafeStandardNow: false, meetsSafeStandardWhatIf: false, failedCriteria: ['RA_2'] });
    expect(now.criteria[1]).toMatchObject({ overridden: true, overrideReason: 'Chưa phổ biến quy định', selfMet: true, met: false });
    const without = evaluateWhatIfCriteria(current, [criterion('RA_1')], overridden, facts, facts);
    expect(without).toMatchObject({ meetsSafeStandardNow: false, meetsSafeStandardWhatIf: true, failedCriteria: [], unansweredCriteria: [] });
  });

  it('an answer to a criterion the other version derives is not used: the derivation decides', () => {
    const result = evaluateWhatIfCriteria([criterion('C_2')], [criterion('C_2', 'EFFECTIVE_MODEL')], [answer('C_2', true)], facts, facts);
    expect(result).toMatchObject({ meetsSafeStandardNow: true, meetsSafeStandardWhatIf: false, unansweredCriteria: [], failedCriteria: ['C_2'] });
    expect(result.criteria[0]).toMatchObject({ answered: false, inputs: { derivation: 'EFFECTIVE_MODEL', hasEffectiveModel: null } });
  });

  it("R7's what-if share: integer comparison, and nothing passes without managed units", () => {
    expect(passesWithShare({ managedUnits: 17, allRegistered: true, recognised: 12 }, 70)).toBe(true);
    expect(passesWithShare({ managedUnits: 17, allRegistered: true, recognised: 12 }, 75)).toBe(false);
    expect(passesWithShare({ managedUnits: 17, allRegistered: false, recognised: 17 }, 0)).toBe(false);
    expect(passesWithShare({ managedUnits: 0, allRegistered: true, recognised: 0 }, 0)).toBe(false);
  });
});
