import { DomainError } from '@antt/service-kit';
import { SEEDED_WINDOW_RULES, villageRule } from './window.rules.fixtures';
import { WindowCalendar, checkRuleShape, planVersion, windowLabel } from './window.rules';
import { type WindowRuleShape } from './window.types';

const KINDS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT', 'SECURITY_TEAM'];
const [residential, others] = SEEDED_WINDOW_RULES;

/** Residential areas from 2026: 16/11 of the previous year to 15/11, as every other kind. */
const shape = (overrides: Partial<WindowRuleShape> = {}): WindowRuleShape & { id: string } => villageRule(overrides);

function refusal(work: () => unknown): { reason: string; field?: unknown } {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return { reason: error.reason, field: error.details?.field };
    throw error;
  }
  throw new Error('not refused');
}

describe('evaluation window rules', () => {
  const seeded = new WindowCalendar(SEEDED_WINDOW_RULES);

  it('the seeded rules give the windows of R4: residential areas 01/11–31/10, every other kind 16/11–15/11', () => {
    expect(seeded.windowOf('RESIDENTIAL_AREA', 2024)).toMatchObject({ start: '2023-11-01', end: '2024-10-31', rule: { id: residential?.id } });
    for (const kind of ['COMMUNE', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DISTRICT', 'A_KIND_NOBODY_NAMED']) {
      expect(seeded.windowOf(kind, 2025)).toMatchObject({ start: '2024-11-16', end: '2025-11-15', rule: { id: others?.id } });
    }
  });

  it('finds the year whose window holds a date as the code did (communes: after 15/11 is next year)', () => {
    expect(seeded.yearHolding('COMMUNE', '2024-11-15')).toBe(2024);
    expect(seeded.yearHolding('COMMUNE', '2024-11-16')).toBe(2025);
    expect(seeded.yearHolding('COMMUNE', '2024-01-01')).toBe(2024);
    expect(seeded.yearHolding('RESIDENTIAL_AREA', '2024-11-01')).toBe(2025);
  });

  it('refuses dates that are not a day of every year, an empty window and one longer than a year, naming the field', () => {
    expect(refusal(() => checkRuleShape(shape({ startMonth: 13 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' });
    expect(refusal(() => checkRuleShape(shape({ endMonth: 2, endDay: 29 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'endDay' });
    expect(refusal(() => checkRuleShape(shape({ startDay: 31, startMonth: 11 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startDay' });
    expect(refusal(() => checkRuleShape(shape({ startYearOffset: -2 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startYearOffset' });
    // 16/11 of the previous year to 20/11: more than a year.
    expect(refusal(() => checkRuleShape(shape({ endDay: 20 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startYearOffset' });
    // 16/11 to 15/11 of the same year: empty.
    expect(refusal(() => checkRuleShape(shape({ startYearOffset: 0 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startYearOffset' });
    expect(refusal(() => checkRuleShape(shape({ validToYear: 2025 })))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'validToYear' });
    expect(() => checkRuleShape(shape({ startYearOffset: 0, startMonth: 1, startDay: 1, endMonth: 12, endDay: 31 }))).not.toThrow();
  });

  it('a new open version of the same kinds closes the open one the year before; earlier years keep the old window', () => {
    const plan = planVersion(SEEDED_WINDOW_RULES, shape(), KINDS);
    expect(plan.closes).toEqual({ rule: residential, validToYear: 2025 });
    const after = new WindowCalendar([{ ...residential!, validToYear: 2025 }, others!, { ...shape(), reason: '', createdBy: '', createdByUnitId: null, createdAt: '' }]);
    expect(after.windowOf('RESIDENTIAL_AREA', 2025)).toMatchObject({ start: '2024-11-01', end: '2025-10-31' });
    expect(after.windowOf('RESIDENTIAL_AREA', 2026)).toMatchObject({ start: '2025-11-16', end: '2026-11-15', rule: { id: 'new' } });
    expect(after.windowOf('COMMUNE', 2026)).toMatchObject({ start: '2025-11-16', end: '2026-11-15' });
  });

  it('a rule naming a kind takes precedence over "every other kind" without overlapping it', () => {
    // Schools in 2026 only: 16/11/2025 to 31/08/2026; from 2027 the fallback again.
    const school = shape({ unitKinds: ['SCHOOL'], startMonth: 11, startDay: 16, endMonth: 8, endDay: 31, validToYear: 2026 });
    expect(planVersion(SEEDED_WINDOW_RULES, school, KINDS).closes).toBeNull();
    const after = new WindowCalendar([...SEEDED_WINDOW_RULES, { ...school, reason: '', createdBy: '', createdByUnitId: null, createdAt: '' }]);
    expect(after.windowOf('SCHOOL', 2026)).toMatchObject({ start: '2025-11-16', end: '2026-08-31' });
    expect(after.windowOf('SCHOOL', 2027)).toMatchObject({ start: '2026-11-16', end: '2027-11-15', rule: { id: others?.id } });
  });

  it('refuses overlaps: other kinds sharing one, a bounded version over an open one, a version not later than the open one', () => {
    const school = { ...shape({ unitKinds: ['SCHOOL', 'AGENCY'], startMonth: 9, startDay: 5, endMonth: 8, endDay: 31 }), reason: '', createdBy: '', createdByUnitId: null, createdAt: '' };
    const rules = [...SEEDED_WINDOW_RULES, { ...school, id: 'school', validFromYear: 2030 }];
    expect(refusal(() => planVersion(rules, shape({ unitKinds: ['SCHOOL'], startMonth: 9, startDay: 5, endMonth: 8, endDay: 31, validFromYear: 2031 }), []))).toEqual({ reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' });
    expect(refusal(() => planVersion(SEEDED_WINDOW_RULES, shape({ validToYear: 2027 }), KINDS))).toEqual({ reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' });
    expect(refusal(() => planVersion(SEEDED_WINDOW_RULES, shape({ validFromYear: 1900 }), KINDS))).toEqual({ reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' });
  });

  it("refuses a version whose first window would start before the previous year's window ends", () => {
    // Residential areas from 2026: 16/10 of the previous year, while 2025's window ends on 31/10/2025.
    expect(refusal(() => planVersion(SEEDED_WINDOW_RULES, shape({ startMonth: 10, endMonth: 10 }), KINDS))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' });
    // Communes from 2026: 01/11 of the previous year, while 2025's window ends on 15/11/2025.
    expect(refusal(() => planVersion(SEEDED_WINDOW_RULES, shape({ unitKinds: ['COMMUNE'], startMonth: 11, startDay: 1, endMonth: 10, endDay: 31 }), KINDS))).toEqual({
      reason: 'WINDOW_RULE_BAD_DATES',
      field: 'startMonth',
    });
  });

  describe("a province's rules", () => {
    const A = 'province-a';
    const B = 'province-b';
    const rule = (overrides: Partial<WindowRuleShape> & { id: string }) => ({ ...shape(overrides), reason: '', createdBy: '', createdByUnitId: null, createdAt: '' });
    // A's communes and every other kind it does not name: 01/01 to 31/12 from 2027.
    const aOthers = rule({ id: 'a-others', provinceId: A, unitKinds: [], startYearOffset: 0, startMonth: 1, startDay: 1, endMonth: 12, endDay: 31, validFromYear: 2027 });
    // A's residential areas from 2026: 16/11 of the previous year to 15/11.
    const aResidential = rule({ id: 'a-residential', provinceId: A, validFromYear: 2026 });
    const calendar = new WindowCalendar([...SEEDED_WINDOW_RULES, aResidential, aOthers]);

    it("come before the national ones for the province's units only", () => {
      expect(calendar.windowOf('RESIDENTIAL_AREA', 2026, A)).toMatchObject({ provinceId: A, start: '2025-11-16', end: '2026-11-15', rule: { id: 'a-residential' } });
      expect(calendar.windowOf('RESIDENTIAL_AREA', 2026, B)).toMatchObject({ provinceId: B, start: '2025-11-01', end: '2026-10-31', rule: { id: residential?.id } });
      expect(calendar.windowOf('RESIDENTIAL_AREA', 2026)).toMatchObject({ provinceId: null, rule: { id: residential?.id } });
      expect(calendar.windowOf('RESIDENTIAL_AREA', 2025, A)).toMatchObject({ rule: { id: residential?.id } });
      expect(calendar.windowOf('COMMUNE', 2027, A)).toMatchObject({ start: '2027-01-01', end: '2027-12-31', rule: { id: 'a-others' } });
      expect(calendar.windowOf('COMMUNE', 2027, B)).toMatchObject({ start: '2026-11-16', end: '2027-11-15', rule: { id: others?.id } });
      expect(calendar.yearHolding('COMMUNE', '2026-11-20', A)).toBe(2027);
      expect(calendar.yearHolding('COMMUNE', '2027-11-20', A)).toBe(2027);
      expect(calendar.yearHolding('COMMUNE', '2027-11-20', B)).toBe(2028);
    });

    it('precedence: the province naming the kind, the nation naming it, the province for every other kind, the nation', () => {
      // A's "every other kind" rule does not reach the kinds a national rule names (residential areas, before A named them).
      const onlyOthers = new WindowCalendar([...SEEDED_WINDOW_RULES, aOthers]);
      expect(onlyOthers.windowOf('RESIDENTIAL_AREA', 2027, A)).toMatchObject({ rule: { id: residential?.id } });
      expect(onlyOthers.windowOf('SCHOOL', 2027, A)).toMatchObject({ rule: { id: 'a-others' } });
      expect(calendar.windowOf('RESIDENTIAL_AREA', 2027, A)).toMatchObject({ rule: { id: 'a-residential' } });
      expect(calendar.provinceDate('RESIDENTIAL_AREA', 2027)).toBe('2027-10-31');
      expect(calendar.provinceDate('COMMUNE', 2027)).toBe('2027-11-15');
      expect(new WindowCalendar([]).provinceDate('COMMUNE', 2027)).toBe('2027-12-31');
    });

    it("versions close and overlap within one key: a province's rule never closes nor meets a national one or another province's", () => {
      expect(planVersion(SEEDED_WINDOW_RULES, shape({ provinceId: A }), KINDS).closes).toBeNull();
      expect(planVersion([...SEEDED_WINDOW_RULES, aResidential], shape({ provinceId: B }), KINDS).closes).toBeNull();
      expect(planVersion([...SEEDED_WINDOW_RULES, aResidential], shape({ provinceId: A, validFromYear: 2028 }), KINDS).closes).toEqual({ rule: aResidential, validToYear: 2027 });
      expect(refusal(() => planVersion([...SEEDED_WINDOW_RULES, aResidential], shape({ provinceId: A, validToYear: 2030 }), KINDS))).toEqual({ reason: 'WINDOW_RULE_OVERLAP', field: 'validFromYear' });
      // A national version of residential areas from 2030 closes the national one, not A's.
      expect(planVersion([...SEEDED_WINDOW_RULES, aResidential], shape({ validFromYear: 2030 }), KINDS).closes).toEqual({ rule: residential, validToYear: 2029 });
    });

    it("checks the dates in the province's calendar, and a national version in every province's", () => {
      // Schools nationally from 2028: 16/12 of the previous year to 15/12. Fine in the national calendar (2027 ends on
      // 15/11/2027), but in A's 2027 runs to 31/12/2027 (A's "every other kind"), so the national version is refused.
      const schools = shape({ unitKinds: ['SCHOOL'], startMonth: 12, startDay: 16, endMonth: 12, endDay: 15, validFromYear: 2028 });
      expect(planVersion(SEEDED_WINDOW_RULES, schools, KINDS).closes).toBeNull();
      expect(refusal(() => planVersion([...SEEDED_WINDOW_RULES, aOthers], schools, KINDS))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' });
      // A's own residential areas from 2026 starting on 16/10/2025, while the national 2025 window ends on 31/10/2025.
      expect(refusal(() => planVersion(SEEDED_WINDOW_RULES, shape({ provinceId: A, startMonth: 10, endMonth: 10 }), KINDS))).toEqual({ reason: 'WINDOW_RULE_BAD_DATES', field: 'startMonth' });
    });
  });

  it('labels a window in Vietnamese', () => {
    expect(windowLabel(residential!)).toBe('Từ 01/11 năm trước đến 31/10');
    expect(windowLabel(shape({ startYearOffset: 0, startMonth: 1, startDay: 1, endMonth: 12, endDay: 31 }))).toBe('Từ 01/01 đến 31/12');
  });
});
