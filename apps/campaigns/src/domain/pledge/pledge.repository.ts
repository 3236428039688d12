import { type UnitKind } from '@antt/contracts';
import { type SqlClient } from '@antt/unit-directory';
import { type CampaignStatus, type CampaignView } from '../campaign';
import { type PledgeCounts, type PledgeRecord, type PledgeStatus, type SignerKind } from './pledge.types';


/** A pledge ready to insert (personal fields already canonical, the citizen ID already encrypted). */
export interface NewPledge {
  id: string;
  campaignId: string;
  rootCampaignId: string;
  unitId: string;
  unitKind: string;
  signerKind: SignerKind;
  signedOn: string;
  dedupKey: string;
  citizenIdEnc: string | null;
  fullName: string;
  phone: string | null;
  birthYear: number | null;
  householdCode: string | null;
}

/** A unit a batch names, checked on one date against the caller's jurisdiction and the campaign's scope. */
export interface UnitOnDate {
  unitId: string;
  onDate: string;
  kind: string;
  withinJurisdiction: boolean;
  withinScope: boolean;
}

interface RawPledge {
  id: string;
  campaign_id: string;
  root_campaign_id: string;
  unit_id: string;
  unit_kind: string;
  signer_kind: string;
  signed_on: string;
  status: string;
  citizen_id_enc: string | null;
  full_name: string | null;
  phone: string | null;
  birth_year: number | null;
  household_code: string | null;
  erased_at: string | null;
}

const COLUMNS = `id::text, campaign_id::text, root_campaign_id::text, unit_id::text, unit_kind, signer_kind, signed_on::text, status,
  citizen_id_enc, full_name, phone, birth_year, household_code, erased_at::text`;

const fromRaw = (row: RawPledge): PledgeRecord => ({
  id: row.id,
  campaignId: row.campaign_id,
  rootCampaignId: row.root_campaign_id,
  unitId: row.unit_id,
  unitKind: row.unit_kind as UnitKind,
  signerKind: row.signer_kind as SignerKind,
  signedOn: row.signed_on,
  status: row.status as PledgeStatus,
  citizenIdEnc: row.citizen_id_enc,
  fullName: row.full_name,
  phone: row.phone,
  birthYear: row.birth_year,
  householdCode: row.household_code,
  erasedAt: row.erased_at,
});

/**
 * The pledge holding one duplicate key, looked up row by row (LATERAL, both columns of the unique index): right after a large
 * import the statistics are stale and a set-wise lookup was planned as a read of the whole family and a filter (seen: 120,000
 * rows read for 1,000 keys). `only` is a condition on the outer row (a one-time filter: rows just inserted are not looked up).
 */
const HOLDER = (key: string, family: string, only = 'true') =>
  `SELECT dedup_key, unit_id, signer_kind FROM pledge WHERE ${only} AND dedup_key = ${key} AND root_campaign_id = ${family} LIMIT 1`;

const LIVE = (alias: string, date: string) => `${alias}.valid_from <= ${date} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${date})`;

/**
 * Pledges. Bulk writes are one multi-row `INSERT … SELECT FROM json_to_recordset(…) ON CONFLICT DO NOTHING` per batch (the unique
 * (family, duplicate key) index decides duplicates, also between concurrent imports); counts are grouped in SQL.
 */
export class PledgeRepository {
  constructor(private readonly db: SqlClient) {}

  /** The same repository on a transaction's connection (Prisma's or the bulk path's). */
  within(tx: SqlClient): PledgeRepository {
    return new PledgeRepository(tx);
  }

  /** Locks the campaign row against a concurrent status change (FOR SHARE: imports do not block each other) and reads it. */
  async lockCampaign(id: string): Promise<CampaignView | null> {
    const rows = await this.db.$queryRawUnsafe<Array<Record<string, string | string[] | number | null>>>(
      `SELECT id::text, parent_campaign_id::text AS "parentCampaignId", root_campaign_id::text AS "rootCampaignId", title,
              legal_bases AS "legalBases", owner_unit_id::text AS "ownerUnitId", scope_unit_id::text AS "scopeUnitId",
              period_start::text AS "periodStart", period_end::text AS "periodEnd", status, revision
       FROM campaign WHERE id = $1::uuid FOR SHARE`,
      id,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id as string,
      parentCampaignId: row.parentCampaignId as string | null,
      rootCampaignId: row.rootCampaignId as string,
      title: row.title as string,
      legalBases: row.legalBases as string[],
      ownerUnitId: row.ownerUnitId as string,
      scopeUnitId: row.scopeUnitId as string,
      periodStart: row.periodStart as string,
      periodEnd: row.periodEnd as string,
      status: row.status as CampaignStatus,
      revision: Number(row.revision),
    };
  }

  /** Unit ids by their (current) code in the directory. */
  async unitIdsByCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<Array<{ code: string; unit_id: string }>>(
      `SELECT code, unit_id::text FROM directory_unit WHERE code = ANY($1::text[])`,
      [...codes],
    );
    return new Map(rows.map((row) => [row.code, row.unit_id]));
  }

  /**
   * Every (unit, date) pair of a batch in one statement: the unit's kind on the date and whether its chain of ancestors on that
   * date holds the jurisdiction root (null: any) and the campaign's scope unit on that date (`scopeOf`: a scope followed to
   * the unit it merged into, see `scopeOn`). A pair missing from the answer did not exist.
   */
  async unitsOnDates(pairs: ReadonlyArray<{ unitId: string; onDate: string }>, jurisdictionRootId: string | null, scopeOf: (onDate: string) => string): Promise<UnitOnDate[]> {
    if (pairs.length === 0) return [];
    const rows = await this.db.$queryRawUnsafe<Array<{ unit_id: string; on_date: string; kind: string; in_jurisdiction: boolean; in_scope: boolean }>>(
      `WITH RECURSIVE input AS (
         SELECT DISTINCT unit_id, on_date, scope_id FROM unnest($1::uuid[], $2::date[], $4::uuid[]) AS t(unit_id, on_date, scope_id)
       ), up AS (
         SELECT i.unit_id AS start_id, i.on_date, i.scope_id, v.unit_id, v.parent_id, 0 AS depth
         FROM input i JOIN directory_unit_version v ON v.unit_id = i.unit_id AND ${LIVE('v', 'i.on_date')}
         UNION ALL
         SELECT up.start_id, up.on_date, up.scope_id, v.unit_id, v.parent_id, up.depth + 1
         FROM up JOIN directory_unit_version v ON v.unit_id = up.parent_id AND ${LIVE('v', 'up.on_date')}
         WHERE up.depth < 32
       )
       SELECT up.start_id::text AS unit_id, up.on_date::text, u.kind,
              ($3::uuid IS NULL OR bool_or(up.unit_id = $3::uuid)) AS in_jurisdiction, bool_or(up.unit_id = up.scope_id) AS in_scope
       FROM up JOIN directory_unit u ON u.unit_id = up.start_id
       GROUP BY up.start_id, up.on_date, u.kind`,
      pairs.map((pair) => pair.unitId),
      pairs.map((pair) => pair.onDate),
      jurisdictionRootId,
      pairs.map((pair) => scopeOf(pair.onDate)),
    );
    return rows.map((row) => ({ unitId: row.unit_id, onDate: row.on_date, kind: row.kind, withinJurisdiction: row.in_jurisdiction, withinScope: row.in_scope }));
  }

  /** The pledges already holding some of `dedupKeys` in the family: their key, unit and signer kind. */
  async existingKeys(rootCampaignId: string, dedupKeys: readonly string[]): Promise<Map<string, { unitId: string; signerKind: string }>> {
    if (dedupKeys.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<Array<{ dedup_key: string; unit_id: string; signer_kind: string }>>(
      `SELECT p.dedup_key, p.unit_id::text, p.signer_kind
       FROM unnest($2::text[]) AS k(dedup_key)
       CROSS JOIN LATERAL (${HOLDER('k.dedup_key', '$1::uuid')}) p`,
      rootCampaignId,
      [...dedupKeys],
    );
    return new Map(rows.map((row) => [row.dedup_key, { unitId: row.unit_id, signerKind: row.signer_kind }]));
  }

  /**
   * Inserts the pledges in one statement; a key already held (a re-run, or a concurrent import) is skipped. Returns the ids
   * written and, for the keys skipped, the unit and signer kind holding them, read by the same statement (null when the holder
   * committed after the statement's snapshot: ask {@link existingKeys}). The rows travel as one JSON parameter
   * (`json_to_recordset`): one text value costs the driver far less than thirteen arrays of a thousand values each.
   */
  async insertMany(pledges: readonly NewPledge[], signedBy: string): Promise<{ written: Set<string>; held: Map<string, { unitId: string; signerKind: string } | null> }> {
    if (pledges.length === 0) return { written: new Set(), held: new Map() };
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string; dedup_key: string; inserted: boolean; held_unit_id: string | null; held_signer_kind: string | null }>>(
      `WITH input AS (
         SELECT * FROM json_to_recordset($1::json) AS t("id" uuid, "campaignId" uuid, "rootCampaignId" uuid, "unitId" uuid, "unitKind" text,
           "signerKind" text, "signedOn" date, "dedupKey" text, "citizenIdEnc" text, "fullName" text, "phone" text, "birthYear" int,
           "householdCode" text)
       ), inserted AS (
         INSERT INTO pledge (id, campaign_id, root_campaign_id, unit_id, unit_kind, signer_kind, signed_on, status, dedup_key,
                             citizen_id_enc, full_name, phone, birth_year, household_code, signed_by)
         SELECT i."id", i."campaignId", i."rootCampaignId", i."unitId", i."unitKind", i."signerKind", i."signedOn", 'ACTIVE', i."dedupKey",
                i."citizenIdEnc", i."fullName", i."phone", i."birthYear", i."householdCode", $2
         FROM input i
         ON CONFLICT (root_campaign_id, dedup_key) DO NOTHING
         RETURNING id
       )
       SELECT i."id"::text AS id, i."dedupKey" AS dedup_key, (n.id IS NOT NULL) AS inserted,
              p.unit_id::text AS held_unit_id, p.signer_kind AS held_signer_kind
       FROM input i
       LEFT JOIN inserted n ON n.id = i."id"
       LEFT JOIN LATERAL (${HOLDER('i."dedupKey"', 'i."rootCampaignId"', 'n.id IS NULL')}) p ON true`,
      JSON.stringify(pledges),
      signedBy,
    );
    const written = new Set<string>();
    const held = new Map<string, { unitId: string; signerKind: string } | null>();
    for (const row of rows) {
      if (row.inserted) written.add(row.id);
      else held.set(row.dedup_key, row.held_unit_id && row.held_signer_kind ? { unitId: row.held_unit_id, signerKind: row.held_signer_kind } : null);
    }
    return { written, held };
  }

  /** Counts per unit in the family (erased pledges included), signed on or before `asOf` when given. */
  async countsByUnit(rootCampaignId: string, unitIds: readonly string[], asOf: string | null = null): Promise<Map<string, PledgeCounts>> {
    const rows = await this.db.$queryRawUnsafe<Array<{ unit_id: string; signer_kind: string; total: number; erased: number }>>(
      `SELECT unit_id::text, signer_kind, count(*)::int AS total, count(*) FILTER (WHERE status = 'ERASED')::int AS erased
       FROM pledge WHERE root_campaign_id = $1::uuid AND unit_id = ANY($2::uuid[]) AND ($3::date IS NULL OR signed_on <= $3::date)
       GROUP BY unit_id, signer_kind`,
      rootCampaignId,
      [...unitIds],
      asOf,
    );
    const counts = new Map<string, PledgeCounts>(unitIds.map((unitId) => [unitId, { staff: 0, pupils: 0, residents: 0, households: 0, erased: 0 }]));
    for (const row of rows) {
      const count = counts.get(row.unit_id) as PledgeCounts;
      const field = ({ STAFF: 'staff', PUPIL: 'pupils', RESIDENT: 'residents', HOUSEHOLD: 'households' } as const)[row.signer_kind as SignerKind];
      if (field) count[field] += Number(row.total);
      count.erased += Number(row.erased);
    }
    return counts;
  }

  async find(id: string): Promise<PledgeRecord | null> {
    const rows = await this.db.$queryRawUnsafe<RawPledge[]>(`SELECT ${COLUMNS} FROM pledge WHERE id = $1::uuid`, id);
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  async lock(id: string): Promise<PledgeRecord | null> {
    const rows = await this.db.$queryRawUnsafe<RawPledge[]>(`SELECT ${COLUMNS} FROM pledge WHERE id = $1::uuid FOR UPDATE`, id);
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  /** A unit's pledges in the family, oldest signature first, at most `first`. */
  async ofUnit(rootCampaignId: string, unitId: string, first: number): Promise<PledgeRecord[]> {
    const rows = await this.db.$queryRawUnsafe<RawPledge[]>(
      `SELECT ${COLUMNS} FROM pledge WHERE root_campaign_id = $1::uuid AND unit_id = $2::uuid ORDER BY signed_on, id LIMIT $3`,
      rootCampaignId,
      unitId,
      first,
    );
    return rows.map(fromRaw);
  }

  /** Removes every personal field; the row stays (ERASED) and keeps counting. The duplicate key can no longer name the person. */
  async erase(id: string, erasedBy: string, reason: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE pledge SET status = 'ERASED', dedup_key = 'erased:' || id::text, citizen_id_enc = NULL, full_name = NULL, phone = NULL,
              birth_year = NULL, household_code = NULL, erased_at = now(), erased_by = $2, erase_reason = $3
       WHERE id = $1::uuid`,
      id,
      erasedBy,
      reason,
    );
  }
}
