import { type UnitKind } from '@antt/contracts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type RegistrationStatus, type RegistrationView } from './registration.types';

type Db = PrismaClient | Prisma.TransactionClient;
type RegistrationRow = Prisma.RegistrationGetPayload<object>;

function fromRow(row: RegistrationRow): RegistrationView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    rootCampaignId: row.rootCampaignId,
    unitId: row.unitId,
    unitKind: row.unitKind as UnitKind,
    forSafeStandard: row.forSafeStandard,
    forClassification: row.forClassification,
    registeredOn: fromDbDate(row.registeredOn),
    late: row.late,
    status: row.status as RegistrationStatus,
    submittedByUnitId: row.submittedByUnitId,
    withdrawnOn: row.withdrawnOn ? fromDbDate(row.withdrawnOn) : null,
    withdrawReason: row.withdrawReason,
  };
}

/** Above this many units, a consolidation reads its campaigns' registrations whole and filters them here. */
const MANY_UNITS = 500;

interface RawRegistration {
  id: string;
  campaign_id: string;
  root_campaign_id: string;
  unit_id: string;
  unit_kind: string;
  for_safe_standard: boolean;
  for_classification: boolean;
  registered_on: string;
  late: boolean;
  status: string;
  submitted_by_unit_id: string;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
}

/** The unique (family, unit) index refused a second registration: a concurrent request won. */
export function isDuplicateRegistration(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Registrations: one row per unit and campaign family, kept when withdrawn. Pass a transaction client to write. */
export class RegistrationRepository {
  constructor(private readonly db: Db) {}

  /** The same repository on a transaction's client. */
  within(tx: Prisma.TransactionClient): RegistrationRepository {
    return new RegistrationRepository(tx);
  }

  async inFamily(rootCampaignId: string, unitIds: readonly string[]): Promise<RegistrationView[]> {
    const rows = await this.db.registration.findMany({ where: { rootCampaignId, unitId: { in: [...unitIds] } } });
    return rows.map(fromRow);
  }

  /**
   * The registrations of units in any of `campaignIds`, in one raw statement: a province's consolidation asks for thousands of
   * units at once, and then sending their ids costs more than reading the campaigns' registrations and keeping those asked for.
   */
  async inCampaigns(campaignIds: readonly string[], unitIds: readonly string[]): Promise<RegistrationView[]> {
    const many = unitIds.length > MANY_UNITS;
    const rows = await this.db.$queryRawUnsafe<RawRegistration[]>(
      `SELECT id::text, campaign_id::text, root_campaign_id::text, unit_id::text, unit_kind, for_safe_standard, for_classification,
              registered_on::text, late, status, submitted_by_unit_id::text, withdrawn_on::text, withdraw_reason
       FROM registration WHERE campaign_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR unit_id = ANY($2::uuid[]))`,
      [...campaignIds],
      many ? null : [...unitIds],
    );
    const wanted = many ? new Set(unitIds) : null;
    return rows.filter((row) => wanted === null || wanted.has(row.unit_id)).map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      rootCampaignId: row.root_campaign_id,
      unitId: row.unit_id,
      unitKind: row.unit_kind as UnitKind,
      forSafeStandard: row.for_safe_standard,
      forClassification: row.for_classification,
      registeredOn: row.registered_on,
      late: row.late,
      status: row.status as RegistrationStatus,
      submittedByUnitId: row.submitted_by_unit_id,
      withdrawnOn: row.withdrawn_on,
      withdrawReason: row.withdraw_reason,
    }));
  }

  /** Locks and returns the unit's registration in the family. */
  async lockInFamily(rootCampaignId: string, unitId: string): Promise<RegistrationView | null> {
    const locked = await this.db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM registration WHERE root_campaign_id = $1::uuid AND unit_id = $2::uuid FOR UPDATE`,
      rootCampaignId,
      unitId,
    );
    const id = locked[0]?.id;
    return id ? fromRow(await this.db.registration.findUniqueOrThrow({ where: { id } })) : null;
  }

  /** Locks and returns the registrations of `unitIds` in the family, by unit. */
  async lockManyInFamily(rootCampaignId: string, unitIds: readonly string[]): Promise<Map<string, RegistrationView>> {
    const locked = await this.db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM registration WHERE root_campaign_id = $1::uuid AND unit_id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      rootCampaignId,
      [...unitIds],
    );
    if (locked.length === 0) return new Map();
    const rows = await this.db.registration.findMany({ where: { id: { in: locked.map((row) => row.id) } } });
    return new Map(rows.map((row) => [row.unitId, fromRow(row)]));
  }

  async insertMany(registrations: readonly RegistrationView[], submittedBy: string): Promise<void> {
    if (registrations.length === 0) return;
    await this.db.registration.createMany({ data: registrations.map((r) => ({ ...this.data(r), id: r.id, submittedBy })) });
  }

  /** A withdrawn registration submitted again: the row is reused, its withdrawal cleared. */
  async resubmit(registration: RegistrationView, submittedBy: string): Promise<void> {
    await this.db.registration.update({ where: { id: registration.id }, data: { ...this.data(registration), submittedBy, submittedAt: new Date(), withdrawnBy: null } });
  }

  async withdraw(registration: RegistrationView, withdrawnBy: string): Promise<void> {
    await this.db.registration.update({
      where: { id: registration.id },
      data: { status: 'WITHDRAWN', withdrawnOn: toDbDate(registration.withdrawnOn as string), withdrawReason: registration.withdrawReason, withdrawnBy },
    });
  }

  private data(r: RegistrationView) {
    return {
      campaignId: r.campaignId,
      rootCampaignId: r.rootCampaignId,
      unitId: r.unitId,
      unitKind: r.unitKind,
      forSafeStandard: r.forSafeStandard,
      forClassification: r.forClassification,
      registeredOn: toDbDate(r.registeredOn),
      late: r.late,
      status: r.status,
      submittedByUnitId: r.submittedByUnitId,
      withdrawnOn: r.withdrawnOn ? toDbDate(r.withdrawnOn) : null,
      withdrawReason: r.withdrawReason,
    };
  }
}
