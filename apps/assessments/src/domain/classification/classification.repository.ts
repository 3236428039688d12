import { type UnitKind } from '@antt/contracts';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type Classification, type ClassificationRevisionView, type ClassificationView } from './classification.types';

type Db = PrismaClient | Prisma.TransactionClient;
type ClassificationRow = Prisma.UnitClassificationGetPayload<object>;

function classificationFromRow(row: ClassificationRow): ClassificationView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitKind: row.unitKind as UnitKind,
    year: row.year,
    assessmentId: row.assessmentId,
    classification: row.classification as Classification,
    score: row.score,
    ruleSetCode: row.ruleSetCode,
    decidingUnitId: row.decidingUnitId,
    decidedOn: fromDbDate(row.decidedOn),
    decisionNumber: row.decisionNumber,
    revision: row.revision,
  };
}

/** Published classifications, on the client or transaction it is given. */
export class ClassificationStore {
  constructor(private readonly db: Db) {}

  async ofUnitAndYear(unitId: string, year: number): Promise<ClassificationView | null> {
    const row = await this.db.unitClassification.findUnique({ where: { unitId_year: { unitId, year } } });
    return row ? classificationFromRow(row) : null;
  }

  /** Records a revision (the original or a correction) as it was published; never changed afterwards. */
  async addRevision(classification: ClassificationView, actor: { subject: string; unitId: string }, reason: string | null): Promise<void> {
    await this.db.classificationRevision.create({
      data: {
        classificationId: classification.id,
        revision: classification.revision,
        classification: classification.classification,
        score: classification.score,
        decidedOn: toDbDate(classification.decidedOn),
        decisionNumber: classification.decisionNumber,
        reason,
        actor: actor.subject,
        actorUnitId: actor.unitId,
      },
    });
  }

  async revisions(classificationId: string): Promise<ClassificationRevisionView[]> {
    const rows = await this.db.classificationRevision.findMany({ where: { classificationId }, orderBy: { revision: 'asc' } });
    return rows.map((row) => ({
      revision: row.revision,
      classification: row.classification as Classification,
      score: row.score,
      decidedOn: fromDbDate(row.decidedOn),
      decisionNumber: row.decisionNumber,
      reason: row.reason,
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      at: row.at,
    }));
  }

  /** Replaces the current state by a correction (the revisions keep every earlier one). */
  async update(classification: ClassificationView): Promise<void> {
    await this.db.unitClassification.update({
      where: { id: classification.id },
      data: {
        classification: classification.classification,
        score: classification.score,
        decidedOn: toDbDate(classification.decidedOn),
        decisionNumber: classification.decisionNumber,
        revision: classification.revision,
      },
    });
  }

  async insert(classification: ClassificationView): Promise<void> {
    await this.db.unitClassification.create({
      data: {
        id: classification.id,
        unitId: classification.unitId,
        unitKind: classification.unitKind,
        year: classification.year,
        assessmentId: classification.assessmentId,
        classification: classification.classification,
        score: classification.score,
        ruleSetCode: classification.ruleSetCode,
        decidingUnitId: classification.decidingUnitId,
        decidedOn: toDbDate(classification.decidedOn),
        decisionNumber: classification.decisionNumber,
        revision: classification.revision,
      },
    });
  }
}
