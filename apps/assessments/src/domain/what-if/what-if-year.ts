import { type Caller, requireRole } from '@antt/auth';
import { type Clock, type DateRange, badInput, inputText } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../../generated/prisma/client';
import { REVIEWER_ROLES } from '../assessment/assessment.service';
import { assessmentErrors } from '../assessment/assessment.errors';
import { classify, totalScore } from '../classification/classification.rules';
import { type Classification } from '../classification/classification.types';
import { CriteriaReader, type CriteriaSubject } from '../criteria/criteria.repository';
import { type DerivedFacts } from '../criteria/criteria.types';
import { type DerivedRuleService, passesWithShare, R7_RECOGNISED_PERCENT } from '../derived';
import { recognitionErrors } from '../recognition/recognition.errors';
import { type RuleSetRepository, type RuleSetView } from '../rule-set';
import { isSystemAdmin } from '../shared';
import { evaluateWhatIfCriteria } from './what-if-criteria';

export type ClassCountsView = Record<Classification, number>;

/** One unit whose published result and what-if result differ (class or score). */
export interface WhatIfUnitDifferenceView {
  unitId: string;
  code: string;
  unitKind: string;
  ruleSetCode: string;
  publishedClassification: Classification;
  publishedScore: number;
  classification: Classification;
  totalScore: number;
}

/** One unit whose safe-standard outcome (every criterion met) differs between its own version and the what-if one. */
export interface WhatIfSafeStandardDifferenceView {
  unitId: string;
  code: string;
  unitKind: string;
  /** The version applied (the unit's own when its kind is not named). */
  ruleSetCode: string;
  meetsSafeStandardNow: boolean;
  meetsSafeStandardWhatIf: boolean;
  failedCriteriaNow: string[];
  failedCriteria: string[];
  unansweredCriteria: string[];
}

/** R7 of one commune, published (70%) and under the what-if share. */
export interface WhatIfCommuneView {
  communeId: string;
  code: string;
  managedUnits: number;
  registered: number;
  recognised: number;
  recognisedPercent: number;
  passes: boolean;
  passesWhatIf: boolean;
}

export interface WhatIfYearView {
  year: number;
  ruleSets: RuleSetView[];
  minRecognisedPercent: number;
  /** Published classifications re-evaluated (units in the caller's jurisdiction). */
  assessments: number;
  changedClassifications: number;
  published: ClassCountsView;
  whatIf: ClassCountsView;
  communes: number;
  communesPassing: number;
  communesPassingWhatIf: number;
  /** Of the assessments, those meeting the safe standard (every criterion met) under their own version, and under the what-if. */
  meetingSafeStandard: number;
  meetingSafeStandardWhatIf: number;
  /** Every unit whose safe-standard outcome changes, sorted by unit code (the resolvers page them). */
  safeStandardDifferences: WhatIfSafeStandardDifferenceView[];
  /** Every difference, sorted by unit code (the resolvers page them). */
  differences: WhatIfUnitDifferenceView[];
  communeDifferences: WhatIfCommuneView[];
}

export interface WhatIfYearInput {
  year: number;
  ruleSetCodes: string[];
  minRecognisedPercent?: number | null;
}

export interface Page<T> {
  totalCount: number;
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const MAX_RULE_SETS = 20;
const byCode = <T extends { code: string; unitId: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.unitId < b.unitId ? -1 : 1);
const emptyCounts = (): ClassCountsView => ({ EXCELLENT: 0, GOOD: 0, AVERAGE: 0, WEAK: 0 });

const encodeCursor = (code: string, id: string) => Buffer.from(JSON.stringify([code, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // answered below
  }
  throw badInput('INVALID_CURSOR', 'after: not a cursor this list gave', { field: 'after' });
}

/** A page of rows sorted by (code, id), after the cursor of the previous page. */
export function pageOf<T>(rows: readonly T[], key: (row: T) => [string, string], first: number | null | undefined, after: string | null | undefined): Page<T> {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > 500) throw badInput('INVALID_PAGE_SIZE', 'first: between 1 and 500', { field: 'first', max: 500 });
  const from = after ? decodeCursor(after) : null;
  const rest = from ? rows.filter((row) => { const [code, id] = key(row); return code > from[0] || (code === from[0] && id > from[1]); }) : [...rows];
  const items = rest.slice(0, size);
  const last = items.at(-1);
  return { totalCount: rows.length, items, endCursor: last ? encodeCursor(...key(last)) : null, hasNextPage: rest.length > size };
}

/**
 * "What if" for a whole year (planning next year's plan): every published classification of the year, for the units in the
 * caller's jurisdiction, re-evaluated from its dossier's current scores under other rule-set versions (at most one per unit
 * kind; each item clamped to the version's maximum, items the dossier lacks count 0; kinds not named keep their own version),
 * and R7 for the communes re-judged with another recognised share (default the rule's 70%); and each assessment's safe standard
 * (every criterion met) under its own version and under the what-if one, from the facts the criteria reader gathers for all of them
 * at once. Computed on read; nothing is written, published results stay as they are.
 */
export class WhatIfYearService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly ruleSets: RuleSetRepository,
    private readonly derivedRules: DerivedRuleService,
    private readonly dates: DateRange,
    private readonly clock: Clock,
  ) {}

  async evaluate(caller: Caller, raw: WhatIfYearInput): Promise<WhatIfYearView> {
    const identity = requireRole(caller, REVIEWER_ROLES);
    const year = this.year(raw.year);
    if (raw.ruleSetCodes.length > MAX_RULE_SETS) throw badInput('WHAT_IF_TOO_MANY_RULE_SETS', `ruleSetCodes: at most ${MAX_RULE_SETS}`, { field: 'ruleSetCodes', max: MAX_RULE_SETS });
    const percent = raw.minRecognisedPercent ?? R7_RECOGNISED_PERCENT;
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw badInput('WHAT_IF_INVALID_PERCENT', 'minRecognisedPercent: between 0 and 100', { field: 'minRecognisedPercent' });
    const byKind = new Map<string, RuleSetView>();
    for (const [index, rawCode] of raw.ruleSetCodes.entries()) {
      const code = inputText(rawCode, { field: `ruleSetCodes[${index}]`, max: 100 });
      const ruleSet = await this.ruleSets.byCode(code);
      if (!ruleSet) throw assessmentErrors.whatIfRuleSetNotFound(code);
      if (byKind.has(ruleSet.unitKind)) throw badInput('WHAT_IF_RULE_SET_KIND_REPEATED', `ruleSetCodes[${index}]: a second version for ${ruleSet.unitKind}`, { field: `ruleSetCodes[${index}]`, unitKind: ruleSet.unitKind });
      byKind.set(ruleSet.unitKind, ruleSet);
    }

    // The units of the caller's jurisdiction on the tree at the end of the year's windows (every unit for a system admin).
    const asOf = `${year}-11-15`;
    const directory = new UnitDirectory(this.prisma);
    const root = isSystemAdmin(identity) ? null : await directory.unitAt(identity.jurisdictionUnitId, asOf);
    const scope = root ? [root, ...(await directory.descendantsOf(root.unitId, asOf))] : null;
    const codes = new Map<string, string>(scope?.map((unit) => [unit.unitId, unit.code]) ?? []);
    const inScope = (unitId: string) => scope === null || codes.has(unitId);

    const published = (await this.prisma.unitClassification.findMany({ where: { year } })).filter((row) => inScope(row.unitId));
    const scores = await this.prisma.assessmentScore.findMany({ where: { assessmentId: { in: published.map((row) => row.assessmentId) } }, select: { assessmentId: true, itemCode: true, score: true } });
    const scoresOf = new Map<string, Map<string, number>>();
    for (const score of scores) {
      const map = scoresOf.get(score.assessmentId) ?? new Map<string, number>();
      map.set(score.itemCode, score.score);
      scoresOf.set(score.assessmentId, map);
    }
    if (scope === null) {
      for (const unit of await this.prisma.directoryUnit.findMany({ where: { unitId: { in: published.map((row) => row.unitId) } }, select: { unitId: true, code: true } })) codes.set(unit.unitId, unit.code);
    }

    const before = emptyCounts();
    const after = emptyCounts();
    const differences: WhatIfUnitDifferenceView[] = [];
    for (const row of published) {
      const publishedClass = row.classification as Classification;
      before[publishedClass] += 1;
      const ruleSet = byKind.get(row.unitKind);
      if (!ruleSet) {
        after[publishedClass] += 1;
        continue;
      }
      const total = totalScore(ruleSet.items, scoresOf.get(row.assessmentId) ?? new Map());
      const classification = classify(ruleSet.bands, total);
      after[classification] += 1;
      if (classification !== publishedClass || Math.abs(total - row.score) >= 0.005) {
        differences.push({ unitId: row.unitId, code: codes.get(row.unitId) ?? row.unitId, unitKind: row.unitKind, ruleSetCode: ruleSet.code, publishedClassification: publishedClass, publishedScore: row.score, classification, totalScore: total });
      }
    }
    differences.sort(byCode);

    // R7 for the communes of the scope, in one statement, re-judged with the what-if share.
    const communeIds = scope
      ? scope.filter((unit) => unit.kind === 'COMMUNE').map((unit) => unit.unitId)
      : (await this.prisma.directoryUnit.findMany({ where: { kind: 'COMMUNE' }, select: { unitId: true, code: true } })).map((unit) => {
          codes.set(unit.unitId, unit.code);
          return unit.unitId;
        });
    const rules = communeIds.length > 0 ? await this.derivedRules.evaluate(communeIds, year) : [];
    const communes = rules.map((rule) => ({
      communeId: rule.communeId,
      code: codes.get(rule.communeId) ?? rule.communeId,
      managedUnits: rule.managedUnits,
      registered: rule.registered,
      recognised: rule.recognised,
      recognisedPercent: rule.recognisedPercent,
      passes: rule.passes,
      passesWhatIf: passesWithShare(rule, percent),
    }));
    const safeStandard = await this.safeStandard(published, byKind, codes, percent);
    const communeDifferences = communes.filter((commune) => commune.passes !== commune.passesWhatIf).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

    return {
      year,
      ruleSets: [...byKind.values()],
      minRecognisedPercent: percent,
      assessments: published.length,
      changedClassifications: differences.filter((difference) => difference.classification !== difference.publishedClassification).length,
      published: before,
      whatIf: after,
      communes: communes.length,
      communesPassing: communes.filter((commune) => commune.passes).length,
      communesPassingWhatIf: communes.filter((commune) => commune.passesWhatIf).length,
      ...safeStandard,
      differences,
      communeDifferences,
    };
  }

  /**
   * The safe standard of each published assessment under its own version and under the what-if one (`evaluateWhatIfCriteria`),
   * its facts read by the criteria reader for every assessment at once (a few statements, whatever their number). Under the
   * what-if, R7 as a criterion (MANAGED_UNITS_R7) is judged with the what-if share, still only once final.
   */
  private async safeStandard(
    published: ReadonlyArray<{ unitId: string; unitKind: string; year: number; assessmentId: string; ruleSetCode: string }>,
    byKind: ReadonlyMap<string, RuleSetView>,
    codes: ReadonlyMap<string, string>,
    percent: number,
  ): Promise<Pick<WhatIfYearView, 'meetingSafeStandard' | 'meetingSafeStandardWhatIf' | 'safeStandardDifferences'>> {
    const own = new Map<string, RuleSetView>();
    for (const code of new Set(published.map((row) => row.ruleSetCode))) {
      const ruleSet = await this.ruleSets.byCode(code);
      if (!ruleSet) throw new Error(`Rule set ${code} of a published classification is missing`);
      own.set(code, ruleSet);
    }
    const subjects: CriteriaSubject[] = [];
    const entries = published.map((row) => {
      const base = { assessmentId: row.assessmentId, unitId: row.unitId, year: row.year };
      const current = own.get(row.ruleSetCode);
      if (!current) throw new Error(`Rule set ${row.ruleSetCode} not loaded`);
      const other = byKind.get(row.unitKind) ?? null;
      const now = subjects.push({ ...base, ruleSet: current }) - 1;
      const whatIf = other ? subjects.push({ ...base, ruleSet: other }) - 1 : now;
      return { row, current, other: other ?? current, now, whatIf };
    });
    const reader = new CriteriaReader(this.prisma);
    const [answers, facts] = await Promise.all([reader.answersOf(published.map((row) => row.assessmentId)), reader.factsOf(subjects, this.clock.today())]);
    const factsAt = (index: number): DerivedFacts => {
      const value = facts[index];
      if (!value) throw new Error('factsOf answered fewer facts than subjects');
      return value;
    };
    const withShare = (value: DerivedFacts): DerivedFacts => (value.communeRule ? { ...value, communeRule: { ...value.communeRule, passes: passesWithShare(value.communeRule, percent) } } : value);

    let meetingSafeStandard = 0;
    let meetingSafeStandardWhatIf = 0;
    const safeStandardDifferences: WhatIfSafeStandardDifferenceView[] = [];
    for (const entry of entries) {
      const result = evaluateWhatIfCriteria(entry.current.criteria, entry.other.criteria, answers.get(entry.row.assessmentId) ?? [], factsAt(entry.now), withShare(factsAt(entry.whatIf)));
      if (result.meetsSafeStandardNow) meetingSafeStandard += 1;
      if (result.meetsSafeStandardWhatIf) meetingSafeStandardWhatIf += 1;
      if (result.meetsSafeStandardNow !== result.meetsSafeStandardWhatIf) {
        safeStandardDifferences.push({
          unitId: entry.row.unitId,
          code: codes.get(entry.row.unitId) ?? entry.row.unitId,
          unitKind: entry.row.unitKind,
          ruleSetCode: entry.other.code,
          meetsSafeStandardNow: result.meetsSafeStandardNow,
          meetsSafeStandardWhatIf: result.meetsSafeStandardWhatIf,
          failedCriteriaNow: result.failedCriteriaNow,
          failedCriteria: result.failedCriteria,
          unansweredCriteria: result.unansweredCriteria,
        });
      }
    }
    return { meetingSafeStandard, meetingSafeStandardWhatIf, safeStandardDifferences: safeStandardDifferences.sort(byCode) };
  }

  private year(value: number): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear('year', earliest, latest);
    return value;
  }
}
