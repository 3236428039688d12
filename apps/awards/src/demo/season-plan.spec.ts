import { factsOfOutcome } from '../../test/support/unit-facts';
import { type Condition, conditionProblem, evaluate } from '../domain/scheme';
import { loadDemoConfig } from './config';
import { type Candidate, type CollectiveRules, DEMO_QUOTAS, DIRECTOR, FLAG, MERIT, demoPerson, demoScheme, draw, factsShortfall, planSeason } from './season-plan';

const facts = factsOfOutcome;

/** The scheme's collective rules as the domain would store them (values parsed from the JSON the input carries). */
function collectiveRules(): CollectiveRules {
  const scheme = demoScheme('c');
  return Object.fromEntries(
    scheme.forms.map((form) => [form.formCode, form.collectiveConditions.map((c) => ({ name: c.name, fact: c.fact, op: c.op, value: JSON.parse(c.value) }) as Condition)]),
  ) as unknown as CollectiveRules;
}

/** 4 districts of 8 communes (the first EXCELLENT, the 7th not recognised, the 8th AVERAGE) of 3 areas each, 2 agencies. */
function province(): Candidate[] {
  const candidates: Candidate[] = [];
  for (let d = 0; d < 4; d += 1) {
    for (let c = 0; c < 8; c += 1) {
      const communeId = `d${d}c${c}`;
      candidates.push({ unitId: communeId, code: `TB-${d}-${c}`, name: `Xã ${d}.${c}`, kind: 'COMMUNE', communeId, districtId: `d${d}`, facts: facts(c === 0 ? 'EXCELLENT' : c === 7 ? 'AVERAGE' : 'GOOD', c === 6 ? 'NOT_RECOGNISED' : 'RECOGNISED') });
      for (let a = 0; a < 3; a += 1) {
        candidates.push({ unitId: `${communeId}a${a}`, code: `TB-${d}-${c}-${a}`, name: `Thôn ${a}`, kind: 'RESIDENTIAL_AREA', communeId, districtId: `d${d}`, facts: facts('GOOD', a === 2 && c % 2 === 0 ? 'REVOKED' : 'RECOGNISED') });
      }
    }
  }
  candidates.push({ unitId: 'ag0', code: 'TB-AG0', name: 'Sở 0', kind: 'AGENCY', communeId: null, districtId: null, facts: facts('GOOD', 'RECOGNISED') });
  candidates.push({ unitId: 'ag1', code: 'TB-AG1', name: 'Sở 1', kind: 'AGENCY', communeId: null, districtId: null, facts: facts('EXCELLENT', 'RECOGNISED') });
  return candidates;
}

describe('the demo scheme', () => {
  it('names the plan’s forms and quotas (R24) with conditions the rule language admits', () => {
    const scheme = demoScheme('campaign');
    expect(scheme.forms.map((form) => [form.formCode, form.quota])).toEqual([
      ['EMULATION_FLAG', 2],
      ['CERTIFICATE_OF_MERIT', 15],
      ['CERTIFICATE_POLICE_DIRECTOR', null],
      ['CERTIFICATE_DISTRICT_CHAIRMAN', null],
    ]);
    for (const form of scheme.forms) {
      for (const condition of [...form.collectiveConditions, ...(form.individualConditions ?? []), ...(form.householdConditions ?? [])]) {
        expect(conditionProblem({ fact: condition.fact as Condition['fact'], op: condition.op as Condition['op'], value: JSON.parse(condition.value) })).toBeNull();
      }
    }
  });
});

describe('the demo season plan', () => {
  const rules = collectiveRules();
  const candidates = province();
  const plan = planSeason(candidates, rules, 'tb');
  const byId = new Map(candidates.map((c) => [c.unitId, c]));

  it('is the same on every run', () => {
    expect(planSeason(province(), rules, 'tb')).toEqual(plan);
    expect(draw('TB-1-2', 'merit')).toBe(draw('TB-1-2', 'merit'));
  });

  it('proposes 2 flags the facts admit and 1 they refuse, from the province', () => {
    const flags = plan.filter((p) => p.formCode === FLAG);
    expect(flags.map((p) => p.expectEligible)).toEqual([true, true, false]);
    expect(flags.every((p) => p.level === 'PROVINCE' && p.nominatingUnitId === 'tb')).toBe(true);
    for (const flag of flags.filter((p) => p.expectEligible)) expect(byId.get(flag.unitId)!.facts.classification).toBe('EXCELLENT');
  });

  it('offers one certificate of merit more than the quota, from districts in turns, the province and a commune chairman', () => {
    const merit = plan.filter((p) => p.formCode === MERIT);
    const eligible = merit.filter((p) => p.expectEligible);
    expect(eligible).toHaveLength((DEMO_QUOTAS[MERIT] ?? 0) + 1);
    expect(new Set(eligible.filter((p) => p.level === 'DISTRICT' && p.recipientKind === 'COLLECTIVE').map((p) => p.nominatingUnitId))).toEqual(new Set(['d0', 'd1', 'd2', 'd3']));
    expect(eligible.filter((p) => p.level === 'PROVINCE')).toHaveLength(2);
    expect(eligible.filter((p) => p.recipientKind === 'INDIVIDUAL').map((p) => p.nominee?.role)).toEqual(['UNIT_LEADER']);
    // Refused: a classification, a safe standard and a leader whose commune fails R23.
    const refused = merit.filter((p) => !p.expectEligible);
    expect(refused.map((p) => evaluate(rules[MERIT], byId.get(p.unitId)!.facts).failed.map((f) => f.fact))).toEqual([['CLASSIFICATION_RANK'], ['SAFE_STANDARD'], expect.any(Array)]);
    expect(merit.filter((p) => p.returned)).toHaveLength(2);
  });

  it('nominates every subject once (R19), each inside its nominator’s part of the tree', () => {
    const collectives = plan.filter((p) => p.recipientKind === 'COLLECTIVE').map((p) => p.unitId);
    expect(new Set(collectives).size).toBe(collectives.length);
    const people = plan.filter((p) => p.nominee?.citizenId).map((p) => p.nominee!.citizenId);
    expect(new Set(people).size).toBe(people.length);
    for (const p of plan) {
      const unit = byId.get(p.unitId)!;
      if (p.level === 'COMMUNE') expect(unit.communeId).toBe(p.nominatingUnitId);
      if (p.level === 'DISTRICT') expect(unit.districtId).toBe(p.nominatingUnitId);
    }
  });

  it('plans team members judged on their service and a complaint lodged after appraisal, and a household', () => {
    const members = plan.filter((p) => p.nominee?.role === 'TEAM_MEMBER');
    expect(members.map((p) => [p.serviceFrom, p.complaintFrom])).toEqual([
      ['2021-05-01', null],
      ['2023-03-01', '2025-03-01'],
      ['2024-09-01', null],
    ]);
    expect(plan.filter((p) => p.recipientKind === 'HOUSEHOLD')).toHaveLength(1);
  });

  it('makes synthetic people valid nominees: a 12-digit ID beginning with Thái Bình’s code, a birth year', () => {
    const person = demoPerson('TB-1-2', 'leader', 'UNIT_LEADER', 'Chủ tịch UBND xã');
    expect(person.citizenId).toMatch(/^034\d{9}$/);
    expect(person.citizenId!.slice(4, 6)).toBe(String(person.birthYear! % 100).padStart(2, '0'));
    expect(person.fullName.split(' ')).toHaveLength(3);
  });

  it('requires registration in the campaign (R23) of the plan’s collectives and a leader’s unit, and nominates no unregistered unit as eligible', () => {
    const unregistered = (c: Candidate): Candidate => ({ ...c, facts: { ...c.facts, REGISTERED: false } });
    const excellent = unregistered(byId.get('d0c0')!);
    for (const form of [FLAG, MERIT, DIRECTOR] as const) {
      expect(evaluate(rules[form], excellent.facts).failed).toEqual([{ name: 'đơn vị đã đăng ký thi đua trong phong trào năm 2024', fact: 'REGISTERED', actual: 'false' }]);
    }
    const leaderRule = demoScheme('c').forms.find((f) => f.formCode === MERIT)!.individualConditions!.filter((c) => c.fact === 'REGISTERED');
    expect(leaderRule).toEqual([{ name: 'người đứng đầu: đơn vị đã đăng ký thi đua trong phong trào năm 2024', fact: 'REGISTERED', op: 'EQ', value: 'true', roles: ['UNIT_LEADER'] }]);
    const missing = new Set(['d0c0', 'd1c0', 'd1c1', 'd2c2', 'd0c0a0']);
    const partly = planSeason(province().map((c) => (missing.has(c.unitId) ? unregistered(c) : c)), rules, 'tb');
    expect(partly.filter((p) => p.expectEligible && p.recipientKind !== 'HOUSEHOLD' && missing.has(p.unitId))).toEqual([]);
    expect(partly.filter((p) => p.formCode === MERIT && p.expectEligible)).toHaveLength((DEMO_QUOTAS[MERIT] ?? 0) + 1);
  });

  it('takes what the facts offer when they offer little', () => {
    const few = province().filter((c) => c.kind !== 'COMMUNE' || c.code.endsWith('-7'));
    const small = planSeason(few, rules, 'tb');
    expect(small.filter((p) => p.formCode === FLAG && p.expectEligible)).toHaveLength(0);
    expect(small.filter((p) => p.formCode === MERIT && p.expectEligible && p.recipientKind === 'COLLECTIVE')).toHaveLength(2);
  });
});

describe('the fact-store wait', () => {
  it('names each total not yet reached, and nothing once every one is', () => {
    const expected = { campaigns: 9, registrations: 100, classificationRevisions: 80, recognitionRevisions: 90 };
    expect(factsShortfall({ campaigns: 9, registrations: 40, classificationRevisions: 80, recognitionRevisions: 85 }, expected)).toEqual(['registrations 40/100', 'recognitionRevisions 85/90']);
    expect(factsShortfall(expected, expected)).toEqual([]);
    expect(factsShortfall({ campaigns: 0, registrations: 0, classificationRevisions: 0, recognitionRevisions: 0 }, { campaigns: 0, registrations: 0, classificationRevisions: 0, recognitionRevisions: 0 })).toEqual([]);
  });
});

describe('the demo configuration', () => {
  it('fails with a clear message without DATABASE_URL', () => {
    expect(() => loadDemoConfig({})).toThrow(/DATABASE_URL.*Set DATABASE_URL to the awards database/);
  });

  it('reads the expected totals and the timeout, with defaults', () => {
    const config = loadDemoConfig({ DATABASE_URL: 'postgresql://localhost/antt_awards', DEMO_EXPECTED_REGISTRATIONS: '5200' });
    expect(config).toMatchObject({ DEMO_EXPECTED_REGISTRATIONS: 5200, DEMO_EXPECTED_CAMPAIGNS: 0, DEMO_FACTS_TIMEOUT_SECONDS: 180 });
    expect(() => loadDemoConfig({ DATABASE_URL: 'postgresql://localhost/antt_awards', DEMO_FACTS_TIMEOUT_SECONDS: '0' })).toThrow(/DEMO_FACTS_TIMEOUT_SECONDS/);
  });
});
