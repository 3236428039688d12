import { type EventContract, type UnitKind } from '@antt/contracts';
import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import {
  type CampaignStatus,
  type CampaignView,
  type DeadlineView,
  type StatusChangeView,
  type TargetComparator,
  type TargetIndicator,
  type TargetView,
} from './campaign.types';

/** The envelope `source` of every campaigns event. */
export const EVENT_SOURCE = 'campaigns';

type Db = PrismaClient | Prisma.TransactionClient;
type CampaignRow = Prisma.CampaignGetPayload<object>;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

export function campaignFromRow(row: CampaignRow): CampaignView {
  return {
    id: row.id,
    parentCampaignId: row.parentCampaignId,
    rootCampaignId: row.rootCampaignId,
    title: row.title,
    legalBases: row.legalBases,
    ownerUnitId: row.ownerUnitId,
    scopeUnitId: row.scopeUnitId,
    periodStart: fromDbDate(row.periodStart),
    periodEnd: fromDbDate(row.periodEnd),
    status: row.status as CampaignStatus,
    revision: row.revision,
  };
}

/** Reads shared by the repository and its transactions. */
export class CampaignReader {
  constructor(protected readonly db: Db) {}

  /** The unit directory on the same connection (inside a transaction: the transaction's snapshot). */
  get directory(): UnitDirectory {
    return new UnitDirectory(this.db);
  }

  async find(id: string): Promise<CampaignView | null> {
    const row = await this.db.campaign.findUnique({ where: { id } });
    return row ? campaignFromRow(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<CampaignView[]> {
    return (await this.db.campaign.findMany({ where: { id: { in: [...ids] } } })).map(campaignFromRow);
  }

  async list(filter: { year?: number | null; status?: CampaignStatus | null }): Promise<CampaignView[]> {
    const rows = await this.db.campaign.findMany({
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.year
          ? { periodStart: { lte: toDbDate(`${filter.year}-12-31`) }, periodEnd: { gte: toDbDate(`${filter.year}-01-01`) } }
          : {}),
      },
      orderBy: [{ periodStart: 'desc' }, { createdAt: 'asc' }],
    });
    return rows.map(campaignFromRow);
  }

  async children(parentCampaignId: string): Promise<CampaignView[]> {
    return (await this.db.campaign.findMany({ where: { parentCampaignId }, orderBy: { createdAt: 'asc' } })).map(campaignFromRow);
  }

  /** The campaign and every campaign below it, at any depth. */
  async familyBelow(campaignId: string): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string }>>(
      `WITH RECURSIVE down AS (
         SELECT id FROM campaign WHERE id = $1::uuid
         UNION ALL SELECT c.id FROM campaign c JOIN down ON c.parent_campaign_id = down.id
       ) SELECT id::text FROM down`,
      campaignId,
    );
    return rows.map((row) => row.id);
  }

  async deadlines(campaignId: string): Promise<DeadlineView[]> {
    const rows = await this.db.campaignDeadline.findMany({ where: { campaignId }, orderBy: [{ dueOn: 'asc' }, { code: 'asc' }] });
    return rows.map((row) => ({ code: row.code, dueOn: fromDbDate(row.dueOn), unitKinds: row.unitKinds as UnitKind[], inherited: row.inherited }));
  }

  async targets(campaignId: string): Promise<TargetView[]> {
    const rows = await this.db.campaignTarget.findMany({ where: { campaignId }, orderBy: { code: 'asc' } });
    return rows.map((row) => ({
      code: row.code,
      indicator: row.indicator as TargetIndicator,
      unitKinds: row.unitKinds as UnitKind[],
      levels: row.levels as UnitKind[],
      comparator: row.comparator as TargetComparator,
      threshold: Number(row.threshold),
      inherited: row.inherited,
    }));
  }

  async history(campaignId: string): Promise<StatusChangeView[]> {
    const rows = await this.db.campaignStatusChange.findMany({ where: { campaignId }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({
      from: row.fromStatus as CampaignStatus | null,
      to: row.toStatus as CampaignStatus,
      actor: row.actor,
      at: row.at.toISOString(),
      on: fromDbDate(row.onDate),
      reason: row.reason,
    }));
  }
}

/** Reads and writes inside one interactive transaction, outbox included. */
export class CampaignTransaction extends CampaignReader {
  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  /** The transaction's client, for the registration repository writing in the same transaction. */
  get client(): Prisma.TransactionClient {
    return this.tx;
  }

  /** Locks the campaign row (`share`: against a concurrent status change only) and returns it. */
  async lock(id: string, mode: 'update' | 'share' = 'update'): Promise<CampaignView | null> {
    const locked = await this.tx.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM campaign WHERE id = $1::uuid FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
      id,
    );
    return locked.length > 0 ? this.find(id) : null;
  }

  async childFor(parentCampaignId: string, scopeUnitId: string): Promise<CampaignView | null> {
    const row = await this.tx.campaign.findFirst({ where: { parentCampaignId, scopeUnitId } });
    return row ? campaignFromRow(row) : null;
  }

  async insert(campaign: CampaignView): Promise<void> {
    await this.tx.campaign.create({
      data: {
        id: campaign.id,
        parentCampaignId: campaign.parentCampaignId,
        rootCampaignId: campaign.rootCampaignId,
        title: campaign.title,
        legalBases: campaign.legalBases,
        ownerUnitId: campaign.ownerUnitId,
        scopeUnitId: campaign.scopeUnitId,
        periodStart: toDbDate(campaign.periodStart),
        periodEnd: toDbDate(campaign.periodEnd),
        status: campaign.status,
        revision: campaign.revision,
      },
    });
  }

  /** Moves the campaign to `to`, bumps its revision and records the change (R30). */
  async changeStatus(campaign: CampaignView, to: CampaignStatus, audit: { actor: string; actorUnitId: string; on: string; reason: string | null }): Promise<CampaignView> {
    const row = await this.tx.campaign.update({
      where: { id: campaign.id },
      data: { status: to, revision: { increment: 1 }, updatedAt: new Date() },
    });
    await this.recordStatus(campaign.id, campaign.status, to, audit);
    return campaignFromRow(row);
  }

  async recordStatus(campaignId: string, from: CampaignStatus | null, to: CampaignStatus, audit: { actor: string; actorUnitId: string; on: string; reason: string | null }): Promise<void> {
    await this.tx.campaignStatusChange.create({
      data: { campaignId, fromStatus: from, toStatus: to, actor: audit.actor, actorUnitId: audit.actorUnitId, onDate: toDbDate(audit.on), reason: audit.reason },
    });
  }

  async touch(campaignId: string): Promise<CampaignView> {
    return campaignFromRow(await this.tx.campaign.update({ where: { id: campaignId }, data: { revision: { increment: 1 }, updatedAt: new Date() } }));
  }

  async putDeadlines(campaignId: string, deadlines: readonly DeadlineView[]): Promise<void> {
    for (const d of deadlines) {
      const data = { dueOn: toDbDate(d.dueOn), unitKinds: d.unitKinds, inherited: d.inherited };
      await this.tx.campaignDeadline.upsert({ where: { campaignId_code: { campaignId, code: d.code } }, create: { campaignId, code: d.code, ...data }, update: data });
    }
  }

  async putTargets(campaignId: string, targets: readonly TargetView[]): Promise<void> {
    for (const t of targets) {
      const data = { indicator: t.indicator, unitKinds: t.unitKinds, levels: t.levels, comparator: t.comparator, threshold: t.threshold, inherited: t.inherited };
      await this.tx.campaignTarget.upsert({ where: { campaignId_code: { campaignId, code: t.code } }, create: { campaignId, code: t.code, ...data }, update: data });
    }
  }

  async appendEvents(events: ReadonlyArray<NewEvent<EventContract>>): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

/** Entry point of campaign persistence: reads outside transactions, writes through {@link transaction}. */
export class CampaignRepository extends CampaignReader {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  get client(): PrismaClient {
    return this.prisma;
  }

  /** Runs `work` in one interactive transaction: state, audit and outbox rows commit or roll back together. */
  transaction<T>(work: (tx: CampaignTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new CampaignTransaction(tx)), TRANSACTION_OPTIONS);
  }
}
