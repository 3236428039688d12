import { unitFacts } from '../../../test/support/unit-facts';
import { type Condition, conditionProblem, dependenciesOf, evaluate } from './eligibility';

const plan: Condition[] = [
  { name: 'safe standard', fact: 'SAFE_STANDARD', op: 'EQ', value: true },
  { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: 3 },
  { name: 'registered in the campaign', fact: 'REGISTERED', op: 'EQ', value: true },
];
const facts = unitFacts;

describe('eligibility rules as data', () => {
  it('holds when every condition holds', () => {
    expect(evaluate(plan, facts())).toEqual({ eligible: true, failed: [] });
  });

  it('names every failed condition with the fact that failed it', () => {
    const result = evaluate(plan, facts({ SAFE_STANDARD: false, recognition: 'NOT_RECOGNISED', CLASSIFICATION_RANK: 2, classification: 'AVERAGE' }));
    expect(result).toEqual({
      eligible: false,
      failed: [
        { name: 'safe standard', fact: 'SAFE_STANDARD', actual: 'NOT_RECOGNISED' },
        { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', actual: 'AVERAGE' },
      ],
    });
  });

  it('fails every condition of a unit without facts, with null values', () => {
    expect(evaluate(plan, undefined).failed.map((f) => f.actual)).toEqual([null, null, null]);
  });

  it('checks unit kinds by list', () => {
    const kinds: Condition = { name: 'commune', fact: 'UNIT_KIND', op: 'IN', value: ['COMMUNE', 'WARD'] };
    expect(evaluate([kinds], facts({ UNIT_KIND: 'WARD' })).eligible).toBe(true);
    expect(evaluate([kinds], facts({ UNIT_KIND: 'DISTRICT' })).failed).toEqual([{ name: 'commune', fact: 'UNIT_KIND', actual: 'DISTRICT' }]);
  });

  it('makes a held award a prerequisite only where a rule says so (R20) and records the dependency', () => {
    const prior: Condition = { name: 'prior certificate of merit', fact: 'AWARD_HELD', op: 'IN', value: ['CERTIFICATE_OF_MERIT'] };
    expect(evaluate([prior], facts()).failed).toEqual([{ name: 'prior certificate of merit', fact: 'AWARD_HELD', actual: null }]);
    const holding = facts({ AWARD_HELD: ['CERTIFICATE_OF_MERIT'], heldAwards: [{ id: 'a1', formCode: 'CERTIFICATE_OF_MERIT' }] });
    expect(evaluate([prior], holding).eligible).toBe(true);
    expect(dependenciesOf([prior], holding)).toEqual(['a1']);
    expect(dependenciesOf(plan, holding)).toEqual([]);
  });

  it('refuses operators and values a fact does not admit', () => {
    expect(conditionProblem({ fact: 'SAFE_STANDARD', op: 'GTE', value: 1 })).toMatch(/EQ/);
    expect(conditionProblem({ fact: 'CLASSIFICATION_RANK', op: 'GTE', value: 7 })).toMatch(/rank/);
    expect(conditionProblem({ fact: 'UNIT_KIND', op: 'IN', value: [] })).toMatch(/list/);
    expect(conditionProblem({ fact: 'CLASSIFICATION_RANK', op: 'GTE', value: 3 })).toBeNull();
  });

  it('applies a role-guarded condition only to nominees of its roles (the leader rule, R23)', () => {
    const rule: Condition[] = [
      { name: 'đơn vị của người đứng đầu xếp loại Khá trở lên', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: 3, roles: ['UNIT_LEADER'] },
      { name: 'cá nhân thuộc tổ bảo vệ ANTT', fact: 'NOMINEE_ROLE', op: 'IN', value: ['UNIT_LEADER', 'TEAM_MEMBER'] },
    ];
    const averageUnit = { CLASSIFICATION_RANK: 2, classification: 'AVERAGE' };
    expect(evaluate(rule, facts({ ...averageUnit, NOMINEE_ROLE: 'TEAM_MEMBER' }))).toEqual({ eligible: true, failed: [] });
    expect(evaluate(rule, facts({ ...averageUnit, NOMINEE_ROLE: 'UNIT_LEADER' })).failed).toEqual([
      { name: 'đơn vị của người đứng đầu xếp loại Khá trở lên', fact: 'CLASSIFICATION_RANK', actual: 'AVERAGE' },
    ]);
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'OFFICER' })).failed).toEqual([{ name: 'cá nhân thuộc tổ bảo vệ ANTT', fact: 'NOMINEE_ROLE', actual: 'OFFICER' }]);
    expect(conditionProblem({ fact: 'NOMINEE_ROLE', op: 'IN', value: ['CHIEF'] })).toMatch(/UNIT_LEADER/);
    expect(conditionProblem({ fact: 'NOMINEE_ROLE', op: 'IN', value: ['OFFICER'] })).toBeNull();
  });

  it('reads months of service and pending complaints of a person, with the operators each admits', () => {
    const rule: Condition[] = [
      { name: '9 months of service', fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: 9, roles: ['TEAM_MEMBER'] },
      { name: 'no pending complaint', fact: 'NO_PENDING_COMPLAINT', op: 'EQ', value: true },
    ];
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'TEAM_MEMBER', MONTHS_OF_SERVICE: 9 })).eligible).toBe(true);
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'TEAM_MEMBER', MONTHS_OF_SERVICE: 8, NO_PENDING_COMPLAINT: false })).failed).toEqual([
      { name: '9 months of service', fact: 'MONTHS_OF_SERVICE', actual: '8' },
      { name: 'no pending complaint', fact: 'NO_PENDING_COMPLAINT', actual: 'false' },
    ]);
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'UNIT_LEADER', MONTHS_OF_SERVICE: 0 })).eligible).toBe(true);
    expect(conditionProblem({ fact: 'MONTHS_OF_SERVICE', op: 'EQ', value: 9 })).toMatch(/GTE/);
    expect(conditionProblem({ fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: 9.5 })).toMatch(/whole months/);
    expect(conditionProblem({ fact: 'NO_PENDING_COMPLAINT', op: 'EQ', value: 'yes' })).toMatch(/true or false/);
  });

  it("expresses R20's exception for the Prime Minister's certificate: a prior provincial certificate and 5 consecutive GOOD years", () => {
    const rule: Condition[] = [
      { name: 'đã được tặng Bằng khen của Chủ tịch UBND tỉnh', fact: 'AWARD_HELD', op: 'IN', value: ['CERTIFICATE_OF_MERIT'] },
      { name: '05 năm liên tục xếp loại Khá trở lên', fact: 'CONSECUTIVE_YEARS_GOOD', op: 'GTE', value: 5 },
    ];
    const prior = { AWARD_HELD: ['CERTIFICATE_OF_MERIT'], heldAwards: [{ id: 'a1', formCode: 'CERTIFICATE_OF_MERIT' }] };
    expect(evaluate(rule, facts({ ...prior, CONSECUTIVE_YEARS_GOOD: 5 }))).toEqual({ eligible: true, failed: [] });
    expect(evaluate(rule, facts({ ...prior, CONSECUTIVE_YEARS_GOOD: 7 })).eligible).toBe(true);
    expect(dependenciesOf(rule, facts({ ...prior, CONSECUTIVE_YEARS_GOOD: 5 }))).toEqual(['a1']);
    expect(evaluate(rule, facts({ ...prior, CONSECUTIVE_YEARS_GOOD: 2 })).failed).toEqual([{ name: '05 năm liên tục xếp loại Khá trở lên', fact: 'CONSECUTIVE_YEARS_GOOD', actual: '2' }]);
    expect(evaluate(rule, facts({ CONSECUTIVE_YEARS_GOOD: 0 })).failed).toEqual([
      { name: 'đã được tặng Bằng khen của Chủ tịch UBND tỉnh', fact: 'AWARD_HELD', actual: null },
      { name: '05 năm liên tục xếp loại Khá trở lên', fact: 'CONSECUTIVE_YEARS_GOOD', actual: '0' },
    ]);
  });

  it('reads consecutive safe years, for a leader on their unit, and refuses anything but GTE whole years', () => {
    const rule: Condition[] = [{ name: '03 năm liên tục đạt chuẩn an toàn', fact: 'CONSECUTIVE_YEARS_SAFE', op: 'GTE', value: 3, roles: ['UNIT_LEADER'] }];
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'UNIT_LEADER', CONSECUTIVE_YEARS_SAFE: 3 })).eligible).toBe(true);
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'UNIT_LEADER', CONSECUTIVE_YEARS_SAFE: 1 })).failed).toEqual([{ name: '03 năm liên tục đạt chuẩn an toàn', fact: 'CONSECUTIVE_YEARS_SAFE', actual: '1' }]);
    expect(evaluate(rule, facts({ NOMINEE_ROLE: 'TEAM_MEMBER', CONSECUTIVE_YEARS_SAFE: 0 })).eligible).toBe(true);
    expect(evaluate(rule, undefined).failed).toEqual([]);
    expect(evaluate([{ ...rule[0]!, roles: undefined }], undefined).failed).toEqual([{ name: '03 năm liên tục đạt chuẩn an toàn', fact: 'CONSECUTIVE_YEARS_SAFE', actual: null }]);
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_SAFE', op: 'GTE', value: 5 })).toBeNull();
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_GOOD', op: 'EQ', value: 5 })).toMatch(/GTE/);
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_GOOD', op: 'GTE', value: 2.5 })).toMatch(/whole years/);
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_GOOD', op: 'GTE', value: 0 })).toMatch(/from 1 to 50/);
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_SAFE', op: 'GTE', value: 51 })).toMatch(/from 1 to 50/);
    expect(conditionProblem({ fact: 'CONSECUTIVE_YEARS_SAFE', op: 'GTE', value: '5' })).toMatch(/GTE/);
  });
});

describe('R25 in rules: TEAM_RATING', () => {
  const rule: Condition[] = [{ name: 'tổ viên xếp loại hoàn thành tốt trở lên', fact: 'TEAM_RATING', op: 'IN', value: ['EXCELLENT', 'GOOD'], roles: ['TEAM_MEMBER'] }];

  it('reads the member rating of team members and names it when it fails', () => {
    expect(evaluate(rule, unitFacts({ NOMINEE_ROLE: 'TEAM_MEMBER', TEAM_RATING: 'GOOD' })).eligible).toBe(true);
    expect(evaluate(rule, unitFacts({ NOMINEE_ROLE: 'TEAM_MEMBER', TEAM_RATING: 'COMPLETED' })).failed).toEqual([
      { name: 'tổ viên xếp loại hoàn thành tốt trở lên', fact: 'TEAM_RATING', actual: 'COMPLETED' },
    ]);
    expect(evaluate(rule, unitFacts({ NOMINEE_ROLE: 'TEAM_MEMBER', TEAM_RATING: null })).failed[0]?.actual).toBeNull();
    expect(evaluate(rule, unitFacts({ NOMINEE_ROLE: 'OFFICER', TEAM_RATING: null })).eligible).toBe(true);
  });

  it('takes IN with levels only', () => {
    expect(conditionProblem({ fact: 'TEAM_RATING', op: 'IN', value: ['GOOD'] })).toBeNull();
    expect(conditionProblem({ fact: 'TEAM_RATING', op: 'IN', value: ['KHA'] })).toContain('TEAM_RATING takes IN');
    expect(conditionProblem({ fact: 'TEAM_RATING', op: 'EQ', value: 'GOOD' })).toContain('TEAM_RATING takes IN');
  });
});
