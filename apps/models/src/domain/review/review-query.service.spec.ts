import { type Caller } from '@antt/auth';
import { type DirectoryEntry, type UnitOnDate } from '@antt/unit-directory';
import { ModelPolicy, type ModelRepository } from '../model';
import { ModelsInput } from '../shared';
import { type EvaluationWindows, WindowCalendar } from '../window';
import { SEEDED_WINDOW_RULES } from '../window/window.rules.fixtures';
import { type ReviewStore } from './review.repository';
import { ReviewQueryService } from './review-query.service';
import { type EffectiveModelFactView } from './review.types';

/** Province P holds commune C and its villages; province Q holds commune D and its village; nobody holds `unknown`. */
const PARENTS: Record<string, [kind: string, parent: string | null]> = {
  P: ['PROVINCE', null],
  Q: ['PROVINCE', null],
  C: ['COMMUNE', 'P'],
  D: ['COMMUNE', 'Q'],
  v1: ['RESIDENTIAL_AREA', 'C'],
  v2: ['RESIDENTIAL_AREA', 'C'],
  v3: ['RESIDENTIAL_AREA', 'C'],
  w1: ['RESIDENTIAL_AREA', 'D'],
};

function chainOf(unitId: string): DirectoryEntry[] {
  const chain: DirectoryEntry[] = [];
  for (let id: string | null = unitId; id && PARENTS[id]; id = PARENTS[id]?.[1] ?? null) {
    const [kind, parentId] = PARENTS[id] as [string, string | null];
    chain.push({ unitId: id, code: id, kind, name: id, parentId, managingUnitId: null, attributes: {}, depth: chain.length });
  }
  return chain;
}

function fakes() {
  const calls = { kindsOf: 0, ancestorsOfEach: 0, facts: 0 };
  const directory = {
    async kindsOf(ids: readonly string[]) {
      calls.kindsOf += 1;
      return new Map(ids.filter((id) => PARENTS[id]).map((id) => [id, PARENTS[id]?.[0] as string]));
    },
    async ancestorsOfEach(keys: readonly UnitOnDate[]) {
      calls.ancestorsOfEach += 1;
      return keys.map((key) => chainOf(key.unitId));
    },
  };
  const facts: EffectiveModelFactView[] = [
    { unitId: 'v1', year: 2024, windowStart: '2023-11-01', windowEnd: '2024-10-31', hasEffectiveModel: true, effectiveModelIds: ['m'], revision: 1 },
    { unitId: 'w1', year: 2024, windowStart: '2023-11-01', windowEnd: '2024-10-31', hasEffectiveModel: true, effectiveModelIds: ['m'], revision: 1 },
  ];
  const store = {
    async facts(keys: ReadonlyArray<{ unitId: string; year: number }>) {
      calls.facts += 1;
      return facts.filter((fact) => keys.some((key) => key.unitId === fact.unitId && key.year === fact.year));
    },
  };
  const windows = { calendar: async () => new WindowCalendar(SEEDED_WINDOW_RULES) };
  const service = () =>
    new ReviewQueryService(
      { directory } as unknown as ModelRepository,
      store as unknown as ReviewStore,
      new ModelPolicy(),
      { today: () => '2025-01-10', now: () => new Date('2025-01-10T00:00:00Z') },
      new ModelsInput({ earliest: '2020-01-01', latest: '2030-12-31' }),
      windows as unknown as EvaluationWindows,
    );
  return { calls, service };
}

const officerOf = (unitId: string): Caller => ({ subject: `ubnd@${unitId}`, roles: ['LEVEL_OFFICER'], jurisdictionUnitId: unitId });
const admin: Caller = { subject: 'admin', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: 'root' };
const UNITS = ['v1', 'v2', 'v3', 'w1', 'unknown', 'C'];

describe('ReviewQueryService.hasEffectiveModel for many units in one request', () => {
  it.each([
    ['an officer of province P', officerOf('P'), [true, false, false, null, null, false]],
    ['a SYSTEM_ADMIN', admin, [true, false, false, true, null, false]],
  ])('answers %s as one by one, with one batch per step instead of queries per unit', async (_who, caller, expected) => {
    const batched = fakes();
    const service = batched.service();
    expect(await Promise.all(UNITS.map((unitId) => service.hasEffectiveModel(caller, unitId, 2024)))).toEqual(expected);
    expect(batched.calls).toEqual({ kindsOf: 1, ancestorsOfEach: 2, facts: 1 });

    const single = fakes();
    const oneByOne: Array<boolean | null> = [];
    for (const unitId of UNITS) oneByOne.push(await single.service().hasEffectiveModel(caller, unitId, 2024));
    expect(oneByOne).toEqual(expected);
  });
});

describe('ModelPolicy.canReadUnitInChains', () => {
  const policy = new ModelPolicy();
  it('lets an officer read a unit inside its jurisdiction on one of the dates', () => {
    expect(policy.canReadUnitInChains(officerOf('C'), [[], chainOf('v1')])).toBe(true);
    expect(policy.canReadUnitInChains(officerOf('C'), [chainOf('w1'), []])).toBe(false);
  });
  it('lets a SYSTEM_ADMIN read a unit that existed on one of the dates', () => {
    expect(policy.canReadUnitInChains(admin, [[], chainOf('w1')])).toBe(true);
    expect(policy.canReadUnitInChains(admin, [[], []])).toBe(false);
  });
});
