import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type TrainingView } from './training.types';

type Db = PrismaClient | Prisma.TransactionClient;

const fromRow = (row: Prisma.ModelTrainingGetPayload<object>): TrainingView => ({
  id: row.id,
  modelId: row.modelId,
  heldOn: fromDbDate(row.heldOn),
  content: row.content,
  trainer: row.trainer,
  participants: row.participants,
});

/** Trainings, on the client or transaction it is given. */
export class TrainingStore {
  constructor(private readonly db: Db) {}

  async trainingsOf(modelId: string): Promise<TrainingView[]> {
    return (await this.db.modelTraining.findMany({ where: { modelId }, orderBy: [{ heldOn: 'desc' }, { id: 'asc' }] })).map(fromRow);
  }

  /** The last training of the model on or before `asOf`. */
  async lastOn(modelId: string, asOf: string): Promise<string | null> {
    const row = await this.db.modelTraining.findFirst({ where: { modelId, heldOn: { lte: toDbDate(asOf) } }, orderBy: { heldOn: 'desc' }, select: { heldOn: true } });
    return row ? fromDbDate(row.heldOn) : null;
  }

  async insert(training: TrainingView, actor: string): Promise<void> {
    await this.db.modelTraining.create({
      data: {
        id: training.id,
        modelId: training.modelId,
        heldOn: toDbDate(training.heldOn),
        content: training.content,
        trainer: training.trainer,
        participants: training.participants,
        actor,
      },
    });
  }
}
