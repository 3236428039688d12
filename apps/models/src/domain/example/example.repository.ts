import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type AdvancedExampleKind, type AdvancedExampleView } from './example.types';

type Db = PrismaClient | Prisma.TransactionClient;

const fromRow = (row: Prisma.AdvancedExampleGetPayload<object>): AdvancedExampleView => ({
  id: row.id,
  kind: row.kind as AdvancedExampleKind,
  name: row.name,
  unitId: row.unitId,
  modelId: row.modelId,
  achievement: row.achievement,
  recognisedByUnitId: row.recognisedByUnitId,
  recognisedOn: fromDbDate(row.recognisedOn),
  decisionNumber: row.decisionNumber,
});

/** Advanced examples, on the client or transaction it is given. */
export class ExampleStore {
  constructor(private readonly db: Db) {}

  async ofUnits(unitIds: readonly string[] | null, year: number | null): Promise<AdvancedExampleView[]> {
    const rows = await this.db.advancedExample.findMany({
      where: {
        ...(unitIds ? { unitId: { in: [...unitIds] } } : {}),
        ...(year ? { recognisedOn: { gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) } } : {}),
      },
      orderBy: [{ recognisedOn: 'desc' }, { id: 'asc' }],
    });
    return rows.map(fromRow);
  }

  async insert(example: AdvancedExampleView, actor: string): Promise<void> {
    await this.db.advancedExample.create({
      data: {
        id: example.id,
        kind: example.kind,
        name: example.name,
        unitId: example.unitId,
        modelId: example.modelId,
        achievement: example.achievement,
        recognisedByUnitId: example.recognisedByUnitId,
        recognisedOn: toDbDate(example.recognisedOn),
        decisionNumber: example.decisionNumber,
        actor,
      },
    });
  }
}
