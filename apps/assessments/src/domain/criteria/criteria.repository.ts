import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type CommuneRuleView, evaluateCommuneRules } from '../derived/commune-rule';
import { type IncidentType, type IncidentView } from '../incident/incident.types';
import { type RuleSetView, windowOf } from '../rule-set/rule-set.types';
import { fromDbDate, toDbDate } from '../shared';
import { derivationsOf, evaluateCriteria, proposeOutcome } from './criteria.rules';
import { type CriterionAnswerView, type CriterionDerivation, type CriterionResultView, type DerivedFacts, type DisciplineRecordView, type SafeStandardProposalView } from './criteria.types';

type Db = PrismaClient | Prisma.TransactionClient;
type DisciplineRow = Prisma.CommunePoliceDisciplineGetPayload<object>;

export function disciplineFromRow(row: DisciplineRow): DisciplineRecordView {
  return {
    id: row.id,
    communeId: row.communeId,
    year: row.year,
    disciplinedOfficers: row.disciplinedOfficers,
    recordedOn: fromDbDate(row.recordedOn),
    note: row.note,
    recordedBy: row.recordedBy,
    recordedByUnitId: row.recordedByUnitId,
    at: row.at,
  };
}

/** The subject of an evaluation: a unit's assessment (or just its unit and year) under a rule set. */
export interface CriteriaSubject {
  assessmentId: string | null;
  unitId: string;
  year: number;
  ruleSet: RuleSetView;
}

/**
 * Reads what the safe-standard criteria are evaluated from: the unit's answers, and the facts the rule set's derived criteria
 * need (the incidents register in the rule set's window, models' effective-model fact, the latest discipline record, R7). Works on
 * a transaction too, so that a recognition checks the criteria in the transaction that decides.
 */
export class CriteriaReader {
  constructor(private readonly db: Db) {}

  async answers(assessmentId: string): Promise<CriterionAnswerView[]> {
    return (await this.answersOf([assessmentId])).get(assessmentId) ?? [];
  }

  /** The answers of many assessments in one statement, by assessment id (each list by criterion code). */
  async answersOf(assessmentIds: readonly string[]): Promise<Map<string, CriterionAnswerView[]>> {
    const answers = new Map<string, CriterionAnswerView[]>(assessmentIds.map((id) => [id, []]));
    if (assessmentIds.length === 0) return answers;
    const rows = await this.db.assessmentCriterion.findMany({ where: { assessmentId: { in: [...assessmentIds] } }, orderBy: [{ assessmentId: 'asc' }, { criterionCode: 'asc' }] });
    for (const row of rows) answers.get(row.assessmentId)?.push({ criterionCode: row.criterionCode, selfMet: row.selfMet, met: row.met, evidence: row.evidence, overrideReason: row.overrideReason });
    return answers;
  }

  /** The latest discipline record of a commune police for a year (the one that stands). */
  async latestDiscipline(communeId: string, year: number): Promise<DisciplineRecordView | null> {
    const row = await this.db.communePoliceDiscipline.findFirst({ where: { communeId, year }, orderBy: { seq: 'desc' } });
    return row ? disciplineFromRow(row) : null;
  }

  async facts(subject: CriteriaSubject, today: string): Promise<DerivedFacts> {
    const [facts] = await this.factsOf([subject], today);
    if (!facts) throw new Error('factsOf answered no facts for one subject');
    return facts;
  }

  /**
   * The facts of many subjects (in their order), each only what its rule set's derived criteria need, in one statement per kind of
   * fact whatever the number of subjects (the incidents in each subject's window, models' effective-model fact of the unit and
   * year, the latest discipline record, R7 of the communes); "what if" reads a whole year's this way.
   */
  async factsOf(subjects: readonly CriteriaSubject[], today: string): Promise<DerivedFacts[]> {
    const wanted = subjects.map((subject) => ({ subject, needed: derivationsOf(subject.ruleSet.criteria), window: windowOf(subject.ruleSet, subject.year) }));
    const needing = (derivation: CriterionDerivation) => wanted.filter((entry) => entry.needed.has(derivation));
    const key = (unitId: string, year: number) => `${unitId}|${year}`;

    const incidentsOf = new Map<string, IncidentView[]>();
    const forIncidents = needing('NO_LISTED_INCIDENT');
    if (forIncidents.length > 0) {
      const from = forIncidents.map((entry) => entry.window.from).reduce((min, value) => (value < min ? value : min));
      const to = forIncidents.map((entry) => entry.window.to).reduce((max, value) => (value > max ? value : max));
      const rows = await this.db.securityIncident.findMany({
        where: { unitId: { in: [...new Set(forIncidents.map((entry) => entry.subject.unitId))] }, occurredOn: { gte: toDbDate(from), lte: toDbDate(to) } },
        orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
      });
      for (const row of rows) {
        const list = incidentsOf.get(row.unitId) ?? [];
        list.push({ id: row.id, unitId: row.unitId, type: row.type as IncidentType, occurredOn: fromDbDate(row.occurredOn), description: row.description });
        incidentsOf.set(row.unitId, list);
      }
    }

    const modelOf = new Map<string, { hasEffectiveModel: boolean; revision: number }>();
    const forModels = needing('EFFECTIVE_MODEL');
    if (forModels.length > 0) {
      const rows = await this.db.effectiveModelFact.findMany({
        where: { unitId: { in: [...new Set(forModels.map((entry) => entry.subject.unitId))] }, year: { in: [...new Set(forModels.map((entry) => entry.subject.year))] } },
      });
      for (const row of rows) modelOf.set(key(row.unitId, row.year), { hasEffectiveModel: row.hasEffectiveModel, revision: row.revision });
    }

    const disciplineOf = new Map<string, DisciplineRecordView>();
    const forDiscipline = needing('NO_DISCIPLINED_OFFICER');
    if (forDiscipline.length > 0) {
      const rows = await this.db.communePoliceDiscipline.findMany({
        where: { communeId: { in: [...new Set(forDiscipline.map((entry) => entry.subject.unitId))] }, year: { in: [...new Set(forDiscipline.map((entry) => entry.subject.year))] } },
        orderBy: { seq: 'desc' },
      });
      for (const row of rows) if (!disciplineOf.has(key(row.communeId, row.year))) disciplineOf.set(key(row.communeId, row.year), disciplineFromRow(row));
    }

    // R7 for the subjects that are communes on 15/11 of their year: one directory read and one R7 statement per year.
    const ruleOf = new Map<string, CommuneRuleView>();
    const forRule = needing('MANAGED_UNITS_R7');
    for (const year of new Set(forRule.map((entry) => entry.subject.year))) {
      const ids = [...new Set(forRule.filter((entry) => entry.subject.year === year).map((entry) => entry.subject.unitId))];
      const units = await new UnitDirectory(this.db).unitsAt(ids, `${year}-11-15`);
      const communes = ids.filter((id) => units.get(id)?.kind === 'COMMUNE');
      if (communes.length === 0) continue;
      for (const rule of await evaluateCommuneRules(this.db, communes, year, today)) ruleOf.set(key(rule.communeId, year), rule);
    }

    return wanted.map(({ subject, needed, window }) => ({
      window,
      incidents: needed.has('NO_LISTED_INCIDENT') ? (incidentsOf.get(subject.unitId) ?? []).filter((incident) => incident.occurredOn >= window.from && incident.occurredOn <= window.to) : [],
      effectiveModel: needed.has('EFFECTIVE_MODEL') ? (modelOf.get(key(subject.unitId, subject.year)) ?? null) : null,
      discipline: needed.has('NO_DISCIPLINED_OFFICER') ? (disciplineOf.get(key(subject.unitId, subject.year)) ?? null) : null,
      communeRule: needed.has('MANAGED_UNITS_R7') ? (ruleOf.get(key(subject.unitId, subject.year)) ?? null) : null,
    }));
  }

  /** Every criterion as it stands, derived ones with their inputs. */
  async evaluate(subject: CriteriaSubject, today: string): Promise<CriterionResultView[]> {
    const answers = subject.assessmentId ? await this.answers(subject.assessmentId) : [];
    return evaluateCriteria(subject.ruleSet.criteria, answers, await this.facts(subject, today));
  }

  async proposal(subject: CriteriaSubject, today: string): Promise<SafeStandardProposalView> {
    return proposeOutcome(await this.evaluate(subject, today));
  }
}
