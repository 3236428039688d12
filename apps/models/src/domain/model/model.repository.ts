import { type EventContract } from '@antt/contracts';
import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, refreshStatisticPeriods, toDbDate } from '../shared';
import { type Audit, type DissolutionDecisionView, type HostChangeView, type ModelStatus, type ModelTypeView, type ModelView, type StatusChangeView } from './model.types';

/** The envelope `source` of every models event. */
export const EVENT_SOURCE = 'models';

type Db = PrismaClient | Prisma.TransactionClient;
type ModelRow = Prisma.SelfManagementModelGetPayload<object>;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

export function modelFromRow(row: ModelRow): ModelView {
  return {
    id: row.id,
    name: row.name,
    typeCode: row.typeCode,
    hostUnitId: row.hostUnitId,
    foundedOn: fromDbDate(row.foundedOn),
    description: row.description,
    status: row.status as ModelStatus,
    statusOn: fromDbDate(row.statusOn),
    statusReason: row.statusReason,
    replicatedFromId: row.replicatedFromId,
    lineageRootId: row.lineageRootId,
    dissolutionProposedOn: row.dissolutionProposedOn ? fromDbDate(row.dissolutionProposedOn) : null,
    decision:
      row.decisionNumber && row.decisionDate && row.decidedByUnitId
        ? { number: row.decisionNumber, date: fromDbDate(row.decisionDate), decidedByUnitId: row.decidedByUnitId }
        : null,
    revision: row.revision,
  };
}

export interface ModelFilter {
  status?: ModelStatus | null;
  typeCode?: string | null;
  first?: number;
}

/** Reads shared by the repository and its transactions. */
export class ModelReader {
  constructor(protected readonly db: Db) {}

  /** The unit directory on the same connection (inside a transaction: the transaction's snapshot). */
  get directory(): UnitDirectory {
    return new UnitDirectory(this.db);
  }

  async find(id: string): Promise<ModelView | null> {
    const row = await this.db.selfManagementModel.findUnique({ where: { id } });
    return row ? modelFromRow(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<ModelView[]> {
    return (await this.db.selfManagementModel.findMany({ where: { id: { in: [...ids] } } })).map(modelFromRow);
  }

  /** Models hosted by any of `hostUnitIds` (null: every host), by name. */
  async hostedBy(hostUnitIds: readonly string[] | null, filter: ModelFilter): Promise<ModelView[]> {
    const rows = await this.db.selfManagementModel.findMany({
      where: {
        ...(hostUnitIds ? { hostUnitId: { in: [...hostUnitIds] } } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.typeCode ? { typeCode: filter.typeCode } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...(filter.first !== undefined ? { take: filter.first } : {}),
    });
    return rows.map(modelFromRow);
  }

  async replicas(modelId: string): Promise<ModelView[]> {
    return (await this.db.selfManagementModel.findMany({ where: { replicatedFromId: modelId }, orderBy: { createdAt: 'asc' } })).map(modelFromRow);
  }

  async types(): Promise<ModelTypeView[]> {
    return this.db.modelType.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true, description: true, active: true } });
  }

  async type(code: string): Promise<ModelTypeView | null> {
    return this.db.modelType.findUnique({ where: { code }, select: { code: true, name: true, description: true, active: true } });
  }

  async history(modelId: string): Promise<StatusChangeView[]> {
    const rows = await this.db.modelStatusChange.findMany({ where: { modelId }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({ from: row.fromStatus as ModelStatus | null, to: row.toStatus as ModelStatus, actor: row.actor, on: fromDbDate(row.onDate), reason: row.reason }));
  }

  async hostHistory(modelId: string): Promise<HostChangeView[]> {
    const rows = await this.db.modelHostChange.findMany({ where: { modelId }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({ fromUnitId: row.fromUnitId, toUnitId: row.toUnitId, effectiveOn: fromDbDate(row.effectiveOn) }));
  }
}

/** Reads and writes inside one interactive transaction, outbox included. */
export class ModelTransaction extends ModelReader {
  /** Models this transaction locked or wrote: their statistics periods are derived again before it commits (ADR 0017). */
  private readonly touched = new Set<string>();

  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  /** Notes a model whose statistics may change (every command that changes a model, its sites, teams or trainings locks it). */
  touch(modelId: string): void {
    this.touched.add(modelId);
  }

  /** Derives the statistics periods of the touched models again (called once, at the end of the command's transaction). */
  async refreshStatistics(): Promise<void> {
    if (this.touched.size > 0) await refreshStatisticPeriods(this.tx, [...this.touched]);
  }

  /** The transaction's client, for the review store writing in the same transaction. */
  get client(): Prisma.TransactionClient {
    return this.tx;
  }

  /** Locks the model row against concurrent changes and returns it. */
  async lock(id: string): Promise<ModelView | null> {
    const locked = await this.tx.$queryRawUnsafe<Array<{ id: string }>>('SELECT id::text FROM self_management_model WHERE id = $1::uuid FOR UPDATE', id);
    if (locked.length === 0) return null;
    this.touch(id);
    return this.find(id);
  }

  async insert(model: ModelView, audit: Audit): Promise<void> {
    this.touch(model.id);
    await this.tx.selfManagementModel.create({
      data: {
        id: model.id,
        name: model.name,
        typeCode: model.typeCode,
        hostUnitId: model.hostUnitId,
        foundedOn: toDbDate(model.foundedOn),
        description: model.description,
        status: model.status,
        statusOn: toDbDate(model.statusOn),
        statusReason: model.statusReason,
        replicatedFromId: model.replicatedFromId,
        lineageRootId: model.lineageRootId,
        revision: model.revision,
      },
    });
    await this.recordStatus(model.id, null, model.status, audit);
  }

  /** Moves the model to `to` on `audit.on`, bumps its revision and records the change. */
  async changeStatus(model: ModelView, to: ModelStatus, audit: Audit, decision: DissolutionDecisionView | null = null): Promise<ModelView> {
    const row = await this.tx.selfManagementModel.update({
      where: { id: model.id },
      data: {
        status: to,
        statusOn: toDbDate(audit.on),
        statusReason: audit.reason,
        ...(decision ? { decisionNumber: decision.number, decisionDate: toDbDate(decision.date), decidedByUnitId: decision.decidedByUnitId } : {}),
        revision: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    await this.recordStatus(model.id, model.status, to, audit);
    return modelFromRow(row);
  }

  async putType(type: ModelTypeView): Promise<ModelTypeView> {
    const data = { name: type.name, description: type.description, active: type.active };
    return this.tx.modelType.upsert({
      where: { code: type.code },
      create: { code: type.code, ...data },
      update: data,
      select: { code: true, name: true, description: true, active: true },
    });
  }

  async setDissolutionProposal(modelId: string, proposedOn: string | null): Promise<void> {
    await this.tx.selfManagementModel.update({
      where: { id: modelId },
      data: { dissolutionProposedOn: proposedOn ? toDbDate(proposedOn) : null, revision: { increment: 1 }, updatedAt: new Date() },
    });
  }

  private async recordStatus(modelId: string, from: ModelStatus | null, to: ModelStatus, audit: Audit): Promise<void> {
    await this.tx.modelStatusChange.create({
      data: { modelId, fromStatus: from, toStatus: to, actor: audit.actor, actorUnitId: audit.actorUnitId, onDate: toDbDate(audit.on), reason: audit.reason },
    });
  }

  async appendEvents(events: ReadonlyArray<NewEvent<EventContract>>): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

/** Entry point of model persistence: reads outside transactions, writes through {@link transaction}. */
export class ModelRepository extends ModelReader {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  /** Runs `work` in one interactive transaction: state, audit and outbox rows commit or roll back together. */
  transaction<T>(work: (tx: ModelTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      const transaction = new ModelTransaction(tx);
      const result = await work(transaction);
      await transaction.refreshStatistics();
      return result;
    }, TRANSACTION_OPTIONS);
  }
}
