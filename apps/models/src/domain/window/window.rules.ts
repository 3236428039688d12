import { windowErrors } from './window.errors';
import { type EvaluationWindowView, type WindowRuleShape, type WindowRuleView } from './window.types';

/** Days of each month in every year (29/02 is refused: a window's dates must exist every year). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (value: number) => String(value).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** Whether a rule covers `year`. */
export function coversYear(rule: Pick<WindowRuleView, 'validFromYear' | 'validToYear'>, year: number): boolean {
  return rule.validFromYear <= year && (rule.validToYear === null || year <= rule.validToYear);
}

/**
 * The evaluation windows of every kind and year, from one snapshot of the rules (every province's and the national ones). In
 * the calendar of a province (`provinceId`; null: the national calendar), the rule of (kind, year) is the first covering the
 * year of: the province's rule naming the kind, the national rule naming it, the province's "every other kind" rule, the
 * national one. "Every other kind" keeps its meaning (every kind no other rule of the year names), so a province changing
 * its communes' window with an "every other kind" rule leaves the national residential-area rule in force for its villages.
 */
export class WindowCalendar {
  constructor(readonly rules: readonly WindowRuleView[]) {}

  ruleFor(kind: string, year: number, provinceId: string | null = null): WindowRuleView | null {
    const covering = this.rules.filter((rule) => coversYear(rule, year) && (rule.provinceId === null || rule.provinceId === provinceId));
    const own = (rule: WindowRuleView) => provinceId !== null && rule.provinceId === provinceId;
    const national = (rule: WindowRuleView) => rule.provinceId === null;
    const naming = (rule: WindowRuleView) => rule.unitKinds.includes(kind);
    const other = (rule: WindowRuleView) => rule.unitKinds.length === 0;
    return (
      covering.find((rule) => own(rule) && naming(rule)) ??
      covering.find((rule) => national(rule) && naming(rule)) ??
      covering.find((rule) => own(rule) && other(rule)) ??
      covering.find((rule) => national(rule) && other(rule)) ??
      null
    );
  }

  /** The window of `year` for a host of `kind` in the calendar of `provinceId`; EVALUATION_WINDOW_MISSING when no rule covers them. */
  windowOf(kind: string, year: number, provinceId: string | null = null): EvaluationWindowView {
    const window = this.find(kind, year, provinceId);
    if (!window) throw windowErrors.missing(kind, year);
    return window;
  }

  find(kind: string, year: number, provinceId: string | null = null): EvaluationWindowView | null {
    const rule = this.ruleFor(kind, year, provinceId);
    return rule ? { kind, year, provinceId, rule, ...windowDates(rule, year) } : null;
  }

  /** The evaluation year whose window for `kind` holds `date` (the first window ending on or after it; its year when none). */
  yearHolding(kind: string, date: string, provinceId: string | null = null): number {
    const year = Number(date.slice(0, 4));
    for (const candidate of [year, year + 1]) {
      const window = this.find(kind, candidate, provinceId);
      if (window && window.end >= date) return candidate;
    }
    return year;
  }

  /**
   * The date on which a unit's province is read for the window of (kind, year): the end of the national window (31/12 of the
   * year when no national rule covers it). Not the province's own window's end, which depends on the province: a fixed date
   * keeps the choice free of a circle, and windows end within days of each other.
   */
  provinceDate(kind: string, year: number): string {
    return this.find(kind, year, null)?.end ?? dayOf(year, 12, 31);
  }

  /** Every province that has a rule of its own. */
  provinces(): string[] {
    return [...new Set(this.rules.flatMap((rule) => (rule.provinceId === null ? [] : [rule.provinceId])))];
  }
}

/** The first and last day of a rule's window of `year`. */
export function windowDates(rule: Pick<WindowRuleShape, 'startMonth' | 'startDay' | 'startYearOffset' | 'endMonth' | 'endDay'>, year: number) {
  return { start: dayOf(year + rule.startYearOffset, rule.startMonth, rule.startDay), end: dayOf(year, rule.endMonth, rule.endDay) };
}

/**
 * A rule's own shape: days that exist every year, a start in the window's year or the one before, a window neither empty nor
 * longer than a year, years in order. WINDOW_RULE_BAD_DATES naming the field.
 */
export function checkRuleShape(rule: WindowRuleShape): void {
  for (const [monthField, dayField] of [
    ['startMonth', 'startDay'],
    ['endMonth', 'endDay'],
  ] as const) {
    const month = rule[monthField];
    if (!Number.isInteger(month) || month < 1 || month > 12) throw windowErrors.badDates(monthField, `${month} is not a month (1–12)`, { value: month });
    const day = rule[dayField];
    const days = MONTH_DAYS[month - 1] ?? 0;
    if (!Number.isInteger(day) || day < 1 || day > days) {
      throw windowErrors.badDates(dayField, `${day} is not a day of month ${month} in every year (1–${days})`, { value: day });
    }
  }
  if (rule.startYearOffset !== 0 && rule.startYearOffset !== -1) {
    throw windowErrors.badDates('startYearOffset', 'must be 0 (the window starts in its year) or -1 (in the previous year)', { value: rule.startYearOffset });
  }
  const start = pad(rule.startMonth) + pad(rule.startDay);
  const end = pad(rule.endMonth) + pad(rule.endDay);
  if (rule.startYearOffset === 0 ? start > end : start <= end) {
    throw windowErrors.badDates(
      'startYearOffset',
      `a window from ${pad(rule.startDay)}/${pad(rule.startMonth)}${rule.startYearOffset ? ' of the previous year' : ''} to ${pad(rule.endDay)}/${pad(rule.endMonth)} is ${rule.startYearOffset ? 'longer than a year' : 'empty'}`,
    );
  }
  if (rule.validToYear !== null && rule.validToYear < rule.validFromYear) {
    throw windowErrors.badDates('validToYear', `${rule.validToYear} lies before validFromYear ${rule.validFromYear}`, { value: rule.validToYear });
  }
}

/** What adding a version changes: the open version of the same kinds it closes (valid to the year before it), if any. */
export interface WindowRulePlan {
  closes: { rule: WindowRuleView; validToYear: number } | null;
}

const sameKinds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const kindsMeet = (a: readonly string[], b: readonly string[]) => (a.length === 0 && b.length === 0) || a.some((kind) => b.includes(kind));
const yearsMeet = (a: WindowRuleShape | WindowRuleView, b: WindowRuleShape | WindowRuleView) =>
  a.validFromYear <= (b.validToYear ?? Infinity) && b.validFromYear <= (a.validToYear ?? Infinity);

/**
 * Checks a new version against the rules in force and says which rule it closes. Only rules of the same key (the same
 * province, or both national) meet: an open version with exactly the same kinds (or "every other kind" again) that started
 * earlier is closed the year before the new one starts, when the new one is open too; any other rule of the key sharing a
 * kind and a year is WINDOW_RULE_OVERLAP. With the new version in place, in the calendar of its province (a national version:
 * the national calendar and that of every province with rules of its own), no kind's window may start before the previous
 * year's ends at any year a rule starts or ends (WINDOW_RULE_BAD_DATES). `kinds`: every known unit kind.
 */
export function planVersion(rules: readonly WindowRuleView[], candidate: WindowRuleShape & { id: string }, kinds: readonly string[]): WindowRulePlan {
  let closes: WindowRulePlan['closes'] = null;
  for (const rule of rules) {
    if (rule.provinceId !== candidate.provinceId || !kindsMeet(rule.unitKinds, candidate.unitKinds) || !yearsMeet(rule, candidate)) continue;
    const supersedes = sameKinds(rule.unitKinds, candidate.unitKinds) && rule.validToYear === null && candidate.validToYear === null && rule.validFromYear < candidate.validFromYear;
    if (!supersedes) throw windowErrors.overlap(rule.id, rule.unitKinds, rule.validFromYear, rule.validToYear);
    closes = { rule, validToYear: candidate.validFromYear - 1 };
  }
  const after = new WindowCalendar([
    ...rules.map((rule) => (closes && rule.id === closes.rule.id ? { ...rule, validToYear: closes.validToYear } : rule)),
    { ...candidate, reason: '', createdBy: '', createdByUnitId: null, createdAt: '' },
  ]);
  const calendars = candidate.provinceId === null ? [null, ...after.provinces()] : [candidate.provinceId];
  for (const provinceId of calendars) {
    const edges = new Set<number>();
    for (const rule of after.rules) {
      if (rule.provinceId !== null && rule.provinceId !== provinceId) continue;
      edges.add(rule.validFromYear);
      if (rule.validToYear !== null) edges.add(rule.validToYear + 1);
    }
    for (const later of [...edges].sort((a, b) => a - b)) {
      for (const kind of kinds) {
        const previous = after.find(kind, later - 1, provinceId);
        const next = after.find(kind, later, provinceId);
        if (previous && next && next.start <= previous.end) {
          throw windowErrors.badDates('startMonth', `the ${kind} window of ${later} would start on ${next.start}, before the window of ${later - 1} ends (${previous.end})`, {
            kind,
            year: later,
            provinceId,
            start: next.start,
            previousEnd: previous.end,
          });
        }
      }
    }
  }
  return { closes };
}

/** The Vietnamese description of a rule's window, e.g. "Từ 01/11 năm trước đến 31/10". */
export function windowLabel(rule: Pick<WindowRuleShape, 'startMonth' | 'startDay' | 'startYearOffset' | 'endMonth' | 'endDay'>): string {
  return `Từ ${pad(rule.startDay)}/${pad(rule.startMonth)}${rule.startYearOffset === -1 ? ' năm trước' : ''} đến ${pad(rule.endDay)}/${pad(rule.endMonth)}`;
}
