import { appendToOutbox, type NewEvent } from '@antt/events';
import { type EventContract } from '@antt/contracts';
import { fromDbDate, toDbDate } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type DossierView, type NominationStatus, type NominationView, type StoredEligibility, type TransitionView } from './nomination.types';

export const EVENT_SOURCE = 'awards';
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 60_000 };

type Row = Awaited<ReturnType<PrismaClient['nomination']['findMany']>>[number];
type Db = PrismaClient | Prisma.TransactionClient;

export function nominationFromRow(row: Row): NominationView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    formCode: row.formCode,
    recipientKind: row.recipientKind as NominationView['recipientKind'],
    unitId: row.unitId,
    subjectKey: row.subjectKey,
    nomineeEnc: row.nomineeEnc,
    nomineeRole: row.nomineeRole as NominationView['nomineeRole'],
    nominatingUnitId: row.nominatingUnitId,
    legalGround: row.legalGround,
    achievement: row.achievement,
    dossier: row.dossier as unknown as DossierView,
    status: row.status as NominationStatus,
    eligibility: (row.eligibility as unknown as StoredEligibility | null) ?? null,
    appraisalEligible: row.appraisalEligible,
    appraisalReason: row.appraisalReason,
    votesFor: row.votesFor,
    votesAgainst: row.votesAgainst,
    votesAbstain: row.votesAbstain,
    decisionNumber: row.decisionNumber,
    decidedOn: row.decidedOn ? fromDbDate(row.decidedOn) : null,
    decidingAuthority: row.decidingAuthority,
    closingReason: row.closingReason,
    dependsOn: row.dependsOn,
    revokedOn: row.revokedOn ? fromDbDate(row.revokedOn) : null,
    revocationDecision: row.revocationDecision,
    revocationReason: row.revocationReason,
    recoverArtifact: row.recoverArtifact,
    recoverMoney: row.recoverMoney,
    revision: row.revision,
  };
}

export interface Audit {
  actor: string;
  actorUnitId: string;
  reason: string | null;
}

/** Nominations and their audit; every write inside one transaction with its outbox rows. */
export class NominationStore {
  constructor(protected readonly db: Db) {}

  /** The unit directory on the same connection. */
  get directory(): UnitDirectory {
    return new UnitDirectory(this.db);
  }

  async find(id: string): Promise<NominationView | null> {
    const row = await this.db.nomination.findUnique({ where: { id } });
    return row ? nominationFromRow(row) : null;
  }

  async ofCampaign(campaignId: string, status: NominationStatus | null): Promise<NominationView[]> {
    const rows = await this.db.nomination.findMany({ where: { campaignId, ...(status ? { status } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(nominationFromRow);
  }

  /** A subject's awards (decided and revoked), across campaigns: a unit's own (collective) or a person's or household's. */
  async decidedFor(subjectKey: string): Promise<NominationView[]> {
    const rows = await this.db.nomination.findMany({ where: { subjectKey, status: { in: ['DECIDED', 'REVOKED'] } }, orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }] });
    return rows.map(nominationFromRow);
  }

  async history(id: string): Promise<TransitionView[]> {
    const rows = await this.db.nominationTransition.findMany({ where: { nominationId: id }, orderBy: { seq: 'asc' } });
    return rows.map((row) => ({
      fromStatus: row.fromStatus as NominationStatus | null,
      toStatus: row.toStatus as NominationStatus,
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      at: row.at.toISOString(),
      reason: row.reason,
    }));
  }

  /** Nominations per form and status in the campaign; with `unitIds`, only those of these units. */
  async countsByForm(campaignId: string, unitIds: readonly string[] | null = null): Promise<Array<{ formCode: string; status: string; count: number }>> {
    const rows = await this.db.nomination.groupBy({ by: ['formCode', 'status'], where: { campaignId, ...(unitIds ? { unitId: { in: [...unitIds] } } : {}) }, _count: { _all: true } });
    return rows.map((row) => ({ formCode: row.formCode, status: row.status, count: row._count._all }));
  }
}

export class NominationTransaction extends NominationStore {
  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  get client(): Prisma.TransactionClient {
    return this.tx;
  }

  /** Locks and returns the decided awards that relied on `awardId` (R26 cascade). */
  async lockDependants(awardId: string): Promise<NominationView[]> {
    const rows = await this.tx.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM nomination WHERE depends_on @> ARRAY[$1::uuid] AND status = 'DECIDED' ORDER BY id FOR UPDATE`,
      awardId,
    );
    const found: NominationView[] = [];
    for (const row of rows) {
      const nomination = await this.find(row.id);
      if (nomination) found.push(nomination);
    }
    return found;
  }

  /** Locks the nomination row against concurrent moves and returns it. */
  async lock(id: string): Promise<NominationView | null> {
    const rows = await this.tx.$queryRawUnsafe<Array<{ id: string }>>('SELECT id::text FROM nomination WHERE id = $1::uuid FOR UPDATE', id);
    return rows.length > 0 ? this.find(id) : null;
  }

  /** Serialises every write about one subject (a unit, a person, a household) in one campaign (R19 checks see each other's results). */
  async lockSubject(campaignId: string, subjectKey: string): Promise<void> {
    await this.tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('nomination:' || $1 || ':' || $2))`, campaignId, subjectKey);
  }

  /** The other nominations of the subject in the campaign that are decided or still open. */
  async sameSubject(campaignId: string, subjectKey: string, exceptId: string | null): Promise<NominationView[]> {
    const rows = await this.tx.nomination.findMany({
      where: { campaignId, subjectKey, status: { notIn: ['REJECTED', 'RETURNED'] }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    return rows.map(nominationFromRow);
  }

  async insert(n: NominationView, audit: Audit): Promise<void> {
    await this.tx.nomination.create({
      data: {
        id: n.id,
        campaignId: n.campaignId,
        formCode: n.formCode,
        recipientKind: n.recipientKind,
        unitId: n.unitId,
        subjectKey: n.subjectKey,
        nomineeEnc: n.nomineeEnc,
        nomineeRole: n.nomineeRole,
        nominatingUnitId: n.nominatingUnitId,
        legalGround: n.legalGround,
        achievement: n.achievement,
        dossier: n.dossier as never,
        status: n.status,
        revision: n.revision,
      },
    });
    await this.tx.nominationTransition.create({ data: { nominationId: n.id, fromStatus: null, toStatus: n.status, ...audit } });
  }

  /** Writes the nomination's new state (revision + 1) and its transition; returns the new state. */
  async move(from: NominationView, next: NominationView, audit: Audit): Promise<NominationView> {
    const row = await this.tx.nomination.update({
      where: { id: from.id },
      data: {
        dossier: next.dossier as never,
        status: next.status,
        eligibility: (next.eligibility ?? undefined) as never,
        appraisalEligible: next.appraisalEligible,
        appraisalReason: next.appraisalReason,
        votesFor: next.votesFor,
        votesAgainst: next.votesAgainst,
        votesAbstain: next.votesAbstain,
        decisionNumber: next.decisionNumber,
        decidedOn: next.decidedOn ? toDbDate(next.decidedOn) : null,
        decidingAuthority: next.decidingAuthority,
        closingReason: next.closingReason,
        dependsOn: next.dependsOn,
        revokedOn: next.revokedOn ? toDbDate(next.revokedOn) : null,
        revocationDecision: next.revocationDecision,
        revocationReason: next.revocationReason,
        recoverArtifact: next.recoverArtifact,
        recoverMoney: next.recoverMoney,
        revision: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    if (from.status !== next.status) {
      await this.tx.nominationTransition.create({ data: { nominationId: from.id, fromStatus: from.status, toStatus: next.status, ...audit } });
    }
    return nominationFromRow(row);
  }

  /**
   * Takes one place of `formCode` in the campaign, atomically: one conditional upsert, so that concurrent decisions never
   * take more places than the quota (the row lock orders them; the loser sees the updated count and gets nothing).
   */
  async takePlace(campaignId: string, formCode: string, quota: number | null): Promise<boolean> {
    if (quota === 0) return false;
    const rows = await this.tx.$queryRawUnsafe<Array<{ used: number }>>(
      `INSERT INTO award_quota_use (campaign_id, form_code, used) VALUES ($1::uuid, $2, 1)
       ON CONFLICT (campaign_id, form_code) DO UPDATE SET used = award_quota_use.used + 1
       WHERE $3::int IS NULL OR award_quota_use.used < $3::int
       RETURNING used`,
      campaignId,
      formCode,
      quota,
    );
    return rows.length > 0;
  }

  async appendEvents(events: ReadonlyArray<NewEvent<EventContract>>): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

export class NominationRepository extends NominationStore {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  transaction<T>(work: (tx: NominationTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new NominationTransaction(tx)), TRANSACTION_OPTIONS);
  }
}
