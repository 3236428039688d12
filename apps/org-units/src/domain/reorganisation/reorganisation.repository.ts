import { type RawSql } from '../../infrastructure/raw-sql';
import { type UnitReader, type UnitTransaction } from '../unit/unit.repository';
import { liveOn } from '../unit/unit-tree.sql';
import { attributesFromRow } from '../unit/unit-rows';
import { type UnitAttributes, type UnitKind } from '../unit/unit.types';
import { type SnapshotUnit, type TreeSnapshot } from './plan-engine';
import { type PlanOperation, type PlanReport, type PlanStatus, type ReorganisationPlan } from './plan.types';

type Db = RawSql;

interface SnapshotRow {
  id: string;
  code: string;
  kind: UnitKind;
  createdOn: string;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
  enterpriseSize: UnitAttributes['enterpriseSize'];
  schoolLevel: UnitAttributes['schoolLevel'];
  armedForces: boolean | null;
  residentHouseholds: number | null;
  staffCount: number | null;
  communeType: UnitAttributes['communeType'];
  later: boolean;
}

/** A reorganisation_plan row as {@link PLAN_COLUMNS} reads it. */
interface PlanRow {
  id: string;
  name: string;
  legalBasis: string;
  effectiveDate: string;
  status: string;
  operations: unknown;
  correctsPlanId: string | null;
  createdBy: string;
  authorUnitId: string | null;
  createdAt: Date;
  appliedBy: string | null;
  appliedAt: Date | null;
  summary: unknown;
}

const PLAN_COLUMNS = `id::text AS id, name, legal_basis AS "legalBasis", effective_date::text AS "effectiveDate", status::text AS status,
  operations, corrects_plan_id::text AS "correctsPlanId", created_by AS "createdBy", author_unit_id::text AS "authorUnitId", created_at AS "createdAt",
  applied_by AS "appliedBy", applied_at AS "appliedAt", summary`;

/** The tree on a date, in one read (the plan engine works on it in memory). */
export async function loadTreeSnapshot(db: Db, date: string): Promise<TreeSnapshot> {
  const rows = await db.$queryRaw<SnapshotRow[]>`
    SELECT u.id::text AS id, v.code, u.kind::text AS kind, u.created_on::text AS "createdOn", v.name,
      v.parent_id::text AS "parentId", v.managing_unit_id::text AS "managingUnitId",
      v.enterprise_size::text AS "enterpriseSize", v.school_level::text AS "schoolLevel", v.armed_forces AS "armedForces",
      v.resident_households AS "residentHouseholds", v.staff_count AS "staffCount", v.commune_type::text AS "communeType",
      u.dissolved_on IS NOT NULL OR EXISTS (SELECT 1 FROM unit_version w WHERE w.unit_id = u.id AND w.valid_from > ${date}::date) AS later
    FROM unit u JOIN unit_version v ON v.unit_id = u.id AND ${liveOn('v', date)}`;
  const codes = await db.$queryRaw<{ code: string }[]>`SELECT DISTINCT code FROM unit_version WHERE valid_from > ${date}::date`;
  const units: SnapshotUnit[] = rows.map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind,
    createdOn: row.createdOn,
    name: row.name,
    parentId: row.parentId,
    managingUnitId: row.managingUnitId,
    attributes: attributesFromRow(row),
    laterChanges: row.later,
  }));
  return { date, units, codesHeldLater: new Set(codes.map((row) => row.code)) };
}

export interface NewPlan {
  id: string;
  name: string;
  legalBasis: string;
  effectiveDate: string;
  operations: PlanOperation[];
  correctsPlanId: string | null;
  createdBy: string;
  /** The recording caller's jurisdiction unit; null for SYSTEM_ADMIN. */
  authorUnitId: string | null;
}

/** Which plans a caller reads: every plan, or the APPLIED ones and the DRAFTs recorded inside the given units. */
export type PlanVisibility = { readonly all: true } | { readonly all: false; readonly draftsFrom: readonly string[] };

/** Whether `visibility` lets the caller read the plan (the filter {@link ReorganisationPlanStore.list} applies in SQL). */
export function isVisible(plan: Pick<ReorganisationPlan, 'status' | 'authorUnitId'>, visibility: PlanVisibility): boolean {
  return visibility.all || plan.status === 'APPLIED' || (plan.authorUnitId !== null && visibility.draftsFrom.includes(plan.authorUnitId));
}

function planFromRow(row: PlanRow): ReorganisationPlan {
  return {
    id: row.id,
    name: row.name,
    legalBasis: row.legalBasis,
    effectiveDate: row.effectiveDate,
    status: row.status as PlanStatus,
    operations: row.operations as unknown as PlanOperation[],
    correctsPlanId: row.correctsPlanId,
    createdBy: row.createdBy,
    authorUnitId: row.authorUnitId,
    createdAt: row.createdAt,
    appliedBy: row.appliedBy,
    appliedAt: row.appliedAt,
    summary: (row.summary as unknown as PlanReport | null) ?? null,
  };
}

/** Plans: stored as drafts, read, locked and marked applied inside the applying transaction. */
export class ReorganisationPlanStore {
  constructor(private readonly db: Db) {}

  async insert(plan: NewPlan): Promise<ReorganisationPlan> {
    const [row] = await this.db.$queryRawUnsafe<PlanRow[]>(
      `INSERT INTO reorganisation_plan (id, name, legal_basis, effective_date, operations, operation_count, corrects_plan_id, created_by, author_unit_id)
       VALUES ($1::uuid, $2, $3, $4::date, $5::jsonb, $6, $7::uuid, $8, $9::uuid)
       RETURNING ${PLAN_COLUMNS}`,
      plan.id,
      plan.name,
      plan.legalBasis,
      plan.effectiveDate,
      JSON.stringify(plan.operations),
      plan.operations.length,
      plan.correctsPlanId,
      plan.createdBy,
      plan.authorUnitId,
    );
    return planFromRow(row as PlanRow);
  }

  async find(id: string): Promise<ReorganisationPlan | null> {
    const [row] = await this.db.$queryRawUnsafe<PlanRow[]>(`SELECT ${PLAN_COLUMNS} FROM reorganisation_plan WHERE id = $1::uuid`, id);
    return row ? planFromRow(row) : null;
  }

  /** The units DRAFTs were recorded in (their authors' jurisdictions), to decide which of them a caller reads. */
  async draftAuthorUnits(): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ unitId: string }[]>(
      `SELECT DISTINCT author_unit_id::text AS "unitId" FROM reorganisation_plan WHERE status = 'DRAFT' AND author_unit_id IS NOT NULL`,
    );
    return rows.map((row) => row.unitId);
  }

  /** Newest first, those `visibility` lets the caller read (as {@link isVisible}). */
  async list(first: number, visibility: PlanVisibility): Promise<ReorganisationPlan[]> {
    const rows = visibility.all
      ? await this.db.$queryRawUnsafe<PlanRow[]>(`SELECT ${PLAN_COLUMNS} FROM reorganisation_plan ORDER BY effective_date DESC, created_at DESC LIMIT $1`, first)
      : await this.db.$queryRawUnsafe<PlanRow[]>(
          `SELECT ${PLAN_COLUMNS} FROM reorganisation_plan
           WHERE status = 'APPLIED' OR author_unit_id = ANY($2::uuid[])
           ORDER BY effective_date DESC, created_at DESC LIMIT $1`,
          first,
          visibility.draftsFrom,
        );
    return rows.map(planFromRow);
  }

  /** The plan, row-locked for the applying transaction. */
  async lock(id: string): Promise<ReorganisationPlan | null> {
    const [row] = await this.db.$queryRawUnsafe<PlanRow[]>(`SELECT ${PLAN_COLUMNS} FROM reorganisation_plan WHERE id = $1::uuid FOR UPDATE`, id);
    return row ? planFromRow(row) : null;
  }

  /** Marks the plan APPLIED with its audit: who, when, what it did (`summary`) and every unit it changed. */
  async markApplied(id: string, appliedBy: string, at: Date, summary: PlanReport, changedUnitIds: readonly string[]): Promise<ReorganisationPlan> {
    const [row] = await this.db.$queryRawUnsafe<PlanRow[]>(
      `UPDATE reorganisation_plan SET status = 'APPLIED', applied_by = $2, applied_at = $3::timestamptz, summary = $4::jsonb,
         changed_unit_ids = $5::text[]::uuid[]
       WHERE id = $1::uuid RETURNING ${PLAN_COLUMNS}`,
      id,
      appliedBy,
      at.toISOString(),
      JSON.stringify(summary),
      changedUnitIds,
    );
    if (!row) throw new Error(`reorganisation plan ${id} vanished while locked`);
    return planFromRow(row);
  }
}

/**
 * Refreshes the planner's statistics of the tree after a plan rewrote a large part of it, as the bulk import does:
 * autovacuum would get there, but only after reads had been planned for the tree as it was.
 */
export async function refreshTreeStatistics(db: Db): Promise<void> {
  await db.$executeRawUnsafe('ANALYZE unit, unit_version');
}

/** One plan applied at a time across the service's replicas (a transaction-scoped advisory lock). */
export async function lockReorganisations(db: Db): Promise<void> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('org-units.reorganisation'))::text`;
}

/** The units live under or managed by `unitIds` on `date`, read again inside the applying transaction. */
export async function liveDependentsOn(reader: UnitReader | UnitTransaction, unitIds: readonly string[], date: string): Promise<string[]> {
  // One after the other: a transaction's queries share one connection.
  const children = await reader.childIdsLiveFrom(unitIds, date);
  const managed = await reader.managedIdsLiveFrom(unitIds, date);
  return [...new Set([...children, ...managed])];
}
