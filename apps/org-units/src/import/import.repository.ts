import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitCreatedV1 } from '@antt/contracts';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { foldForSearch } from '../domain/unit/search-name';
import { writeClosureOfNewUnits } from '../domain/unit/unit-closure.repository';
import { assertCodesUnique, lockCodes } from '../domain/unit/unit-code.repository';
import { type UnitKind } from '../domain/unit/unit.types';
import { type ExistingUnit, type PlannedUnit } from './plan-import';

const SOURCE = 'org-units';

type Db = PrismaClient | Prisma.TransactionClient;

interface StoredUnitRow {
  id: string;
  code: string;
  kind: UnitKind;
  createdOn: string;
  dissolvedOn: string | null;
}

/**
 * PostgreSQL's own words for a failed statement (SQLSTATE, message, detail) when the driver gives them, else the
 * error's message: what the import report shows as the cause of a failed write.
 */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown; originalMessage?: unknown; detail?: unknown } } | undefined)?.cause;
    if (cause && typeof cause.originalMessage === 'string') {
      const detail = typeof cause.detail === 'string' ? ` (${cause.detail})` : '';
      return `${String(cause.originalCode ?? error.code)}: ${cause.originalMessage}${detail}`;
    }
    return `${error.code}: ${error.message.split('\n').filter((line) => line.trim().length > 0).slice(-1)[0] ?? error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What the importer reads: which codes are taken, and the stored units rows name as parent or managing unit. */
export class ImportReads {
  constructor(protected readonly db: Db) {}

  /** The codes among `codes` that a stored unit holds or held in some period (an import never reuses a code). */
  async takenCodes(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.$queryRaw<{ code: string }[]>`SELECT DISTINCT code FROM unit_version WHERE code = ANY(${[...codes]}::text[])`;
    return new Set(rows.map((row) => row.code));
  }

  /**
   * The stored units rows name by code, by code: the unit that holds the code in the latest period (a code can pass to
   * another unit once the first gave it up); the row checks then refuse it when it does not live on the row's date.
   */
  async unitsByCode(codes: readonly string[]): Promise<Map<string, ExistingUnit>> {
    return this.select(codes, Prisma.empty);
  }

  // One statement, so that the units are locked in id order whatever the order of `codes`.
  protected async select(codes: readonly string[], lock: Prisma.Sql): Promise<Map<string, ExistingUnit>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.$queryRaw<StoredUnitRow[]>`
      SELECT u.id::text AS id, h.code, u.kind::text AS kind, to_char(u.created_on, 'YYYY-MM-DD') AS "createdOn",
             to_char(u.dissolved_on, 'YYYY-MM-DD') AS "dissolvedOn"
      FROM unit u
      JOIN (SELECT DISTINCT ON (code) code, unit_id FROM unit_version WHERE code = ANY(${[...codes]}::text[]) ORDER BY code, valid_from DESC) h
        ON h.unit_id = u.id
      ORDER BY u.id ${lock}`;
    return new Map(rows.map((row) => [row.code, { id: row.id, kind: row.kind, createdOn: row.createdOn, dissolvedOn: row.dissolvedOn }]));
  }
}

/** The importer's transaction: locks the stored units rows hang under, then writes the new units in chunks. */
export class ImportTransaction extends ImportReads {
  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  /**
   * Like {@link unitsByCode}, with each unit found locked (`FOR SHARE`, id order) until the import commits: a dissolve,
   * merge or split of one of them (which takes `FOR UPDATE`) waits, then sees the imported children; the state
   * returned is the one committed after any such command that got there first.
   */
  async lockUnitsByCode(codes: readonly string[]): Promise<Map<string, ExistingUnit>> {
    return this.select(codes, Prisma.sql`FOR SHARE OF u`);
  }

  /**
   * Serialises the file's codes with every other write of them until the import commits (`lockCodes`): taken after
   * the stored units are locked, in the order single commands take them, and before the codes are checked.
   */
  async lockCodes(codes: readonly string[]): Promise<void> {
    await lockCodes(this.tx, codes);
  }

  /**
   * Inserts the units, their first versions, audit rows and one `created` outbox event each (multi-row `unnest`); their
   * codes locked first ({@link lockCodes}) and checked against every other unit's before the closure rows are written.
   */
  async insertUnits(units: readonly PlannedUnit[], actor: string, correlationId: string): Promise<void> {
    const events = units.map(
      (unit): NewEvent<typeof UnitCreatedV1> => ({
        contract: UnitCreatedV1,
        aggregateId: unit.id,
        correlationId,
        data: {
          unitId: unit.id,
          code: unit.code,
          kind: unit.kind,
          revision: 1,
          effectiveDate: unit.effectiveFrom,
          dissolvedOn: null,
          change: {},
          timeline: [
            {
              code: unit.code,
              validFrom: unit.effectiveFrom,
              validTo: null,
              name: unit.name,
              parentId: unit.parentId,
              managingUnitId: unit.managingUnitId,
              attributes: unit.attributes,
            },
          ],
        },
      }),
    );
    const col = <T>(pick: (unit: PlannedUnit) => T) => units.map(pick);
    const tx = this.tx;
    await tx.$executeRawUnsafe(
      `INSERT INTO unit (id, code, kind, created_on, revision)
       SELECT id, code, kind::"UnitKind", created_on::date, 1
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, code, kind, created_on)`,
      col((u) => u.id),
      col((u) => u.code),
      col((u) => u.kind),
      col((u) => u.effectiveFrom),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO unit_version (unit_id, code, kind, valid_from, name, search_name, parent_id, managing_unit_id,
         enterprise_size, school_level, armed_forces, resident_households, staff_count, commune_type)
       SELECT unit_id, code, kind::"UnitKind", valid_from::date, name, search_name, parent_id, managing_unit_id,
         enterprise_size::"EnterpriseSize", school_level::"SchoolLevel", armed_forces, resident_households, staff_count,
         commune_type::"CommuneType"
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[],
         $9::text[], $10::text[], $11::boolean[], $12::int[], $13::int[], $14::text[])
         AS t(unit_id, code, kind, valid_from, name, search_name, parent_id, managing_unit_id, enterprise_size,
           school_level, armed_forces, resident_households, staff_count, commune_type)`,
      col((u) => u.id),
      col((u) => u.code),
      col((u) => u.kind),
      col((u) => u.effectiveFrom),
      col((u) => u.name),
      col((u) => foldForSearch(u.name)),
      col((u) => u.parentId),
      col((u) => u.managingUnitId),
      col((u) => u.attributes.enterpriseSize),
      col((u) => u.attributes.schoolLevel),
      col((u) => u.attributes.armedForces),
      col((u) => u.attributes.residentHouseholds),
      col((u) => u.attributes.staffCount),
      col((u) => u.attributes.communeType),
    );
    await assertCodesUnique(tx, col((u) => u.id));
    await writeClosureOfNewUnits(
      tx,
      units.map((u) => ({ id: u.id, code: u.code, kind: u.kind, parentId: u.parentId, validFrom: u.effectiveFrom })),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO unit_change (id, unit_id, type, effective_date, actor, reason, correction, revision, details)
       SELECT gen_random_uuid(), unit_id, 'created', effective_date::date, $3, 'bulk import', false, 1, '{"source":"import"}'::jsonb
       FROM unnest($1::uuid[], $2::text[]) AS t(unit_id, effective_date)`,
      col((u) => u.id),
      col((u) => u.effectiveFrom),
      actor,
    );
    // The events kit writes them in order, in multi-row inserts, and wakes the relay on commit.
    await appendToOutbox(tx, events, { source: SOURCE });
  }

}

/** Bulk reads and writes of the importer: one transaction for the whole file. */
export class ImportRepository extends ImportReads {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  /** Runs `work` in one transaction: every unit of the file commits, or none. */
  async transaction<T>(work: (tx: ImportTransaction) => Promise<T>, timeoutMs: number): Promise<T> {
    return this.prisma.$transaction((tx) => work(new ImportTransaction(tx)), { timeout: timeoutMs, maxWait: 10_000 });
  }

  /** Refreshes the planner's statistics after a bulk load, so that tree queries do not plan for an empty table. */
  async refreshStatistics(): Promise<void> {
    await this.prisma.$executeRawUnsafe('ANALYZE unit, unit_version, unit_closure');
  }
}
