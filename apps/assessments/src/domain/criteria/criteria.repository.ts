import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { evaluateCommuneRules } from '../derived/commune-rule';
import { type IncidentType } from '../incident/incident.types';
import { type RuleSetView, windowOf } from '../rule-set/rule-set.types';
import { fromDbDate, toDbDate } from '../shared';
import { derivationsOf, evaluateCriteria, proposeOutcome } from './criteria.rules';
import { type CriterionAnswerView, type CriterionResultView, type DerivedFacts, type DisciplineRecordView, type SafeStandardProposalView } from './criteria.types';

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
    const rows = await this.db.assessmentCriterion.findMany({ where: { assessmentId }, orderBy: { criterionCode: 'asc' } });
    return rows.map((row) => ({ criterionCode: row.criterionCode, selfMet: row.selfMet, met: row.met, evidence: row.evidence, overrideReason: row.overrideReason }));
  }

  /** The latest discipline record of a commune police for a year (the one that stands). */
  async latestDiscipline(communeId: string, year: number): Promise<DisciplineRecordView | null> {
    const row = await this.db.communePoliceDiscipline.findFirst({ where: { communeId, year }, orderBy: { seq: 'desc' } });
    return row ? disciplineFromRow(row) : null;
  }

  async facts(subject: CriteriaSubject, today: string): Promise<DerivedFacts> {
    const needed = derivationsOf(subject.ruleSet.criteria);
    const window = windowOf(subject.ruleSet, subject.year);
    const facts: DerivedFacts = { window, incidents: [], effectiveModel: null, discipline: null, communeRule: null };
    if (needed.has('NO_LISTED_INCIDENT')) {
      const rows = await this.db.securityIncident.findMany({
        where: { unitId: subject.unitId, occurredOn: { gte: toDbDate(window.from), lte: toDbDate(window.to) } },
        orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
      });
      facts.incidents = rows.map((row) => ({ id: row.id, unitId: row.unitId, type: row.type as IncidentType, occurredOn: fromDbDate(row.occurredOn), description: row.description }));
    }
    if (needed.has('EFFECTIVE_MODEL')) {
      const fact = await this.db.effectiveModelFact.findUnique({ where: { unitId_year: { unitId: subject.unitId, year: subject.year } } });
      facts.effectiveModel = fact ? { hasEffectiveModel: fact.hasEffectiveModel, revision: fact.revision } : null;
    }
    if (needed.has('NO_DISCIPLINED_OFFICER')) facts.discipline = await this.latestDiscipline(subject.unitId, subject.year);
    if (needed.has('MANAGED_UNITS_R7')) {
      const commune = await new UnitDirectory(this.db).unitAt(subject.unitId, `${subject.year}-11-15`);
      if (commune?.kind === 'COMMUNE') facts.communeRule = (await evaluateCommuneRules(this.db, [subject.unitId], subject.year, today))[0] ?? null;
    }
    return facts;
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
