import { Prisma } from '../../generated/prisma/client';

/** Columns of a unit seen on a date (`u` = unit, `v` = unit_version), named as {@link ViewRow}. */
export const VIEW_COLUMNS = Prisma.sql`u.id::text AS id, u.code, u.kind::text AS kind, u.created_on::text AS "createdOn",
  u.dissolved_on::text AS "dissolvedOn", u.revision, v.valid_from::text AS "validFrom", v.valid_to::text AS "validTo",
  v.name, v.parent_id::text AS "parentId", v.managing_unit_id::text AS "managingUnitId",
  v.enterprise_size::text AS "enterpriseSize", v.school_level::text AS "schoolLevel", v.armed_forces AS "armedForces",
  v.resident_households AS "residentHouseholds", v.staff_count AS "staffCount"`;

/** `v` holds on `asOf`. */
export function liveOn(alias: string, asOf: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}.valid_from <= ${asOf}::date AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${asOf}::date)`;
}

/**
 * `slim`: the units on `asOf` (all of them, or the subtree of `scope`) with only what ordering and filters need:
 * `node_id`, code, kind, and — when `withVersionColumns` — "searchName" and "parentId" (uuid). It reads unit_version
 * alone: code and kind are copied there so that each step of the walk is an index-only probe of
 * (parent_id, valid_from, valid_to, unit_id, code, kind) and no join to `unit` tempts the planner into scanning the
 * whole table. The probe is a LATERAL subquery behind `OFFSET 0` (which keeps it from being flattened into a join):
 * the planner guesses a recursive walk's size from the first level alone, and once a province has a few hundred
 * communes directly under it (after the 2025 reform) it otherwise hashes the whole of unit_version at every level, so
 * a read would cost the size of the country instead of the size of the subtree. The tree has no cycles on any date,
 * so UNION ALL is safe. The rows a caller keeps are fetched whole afterwards.
 */
export function slimUnitsCte(
  scope: { rootId: string; includeRoot: boolean } | null,
  asOf: string,
  withVersionColumns: boolean,
): Prisma.Sql {
  const columns = withVersionColumns
    ? Prisma.sql`v.unit_id AS node_id, v.code, v.kind::text AS kind, v.search_name AS "searchName", v.parent_id AS "parentId"`
    : Prisma.sql`v.unit_id AS node_id, v.code, v.kind::text AS kind`;
  if (!scope) return Prisma.sql`slim AS (SELECT ${columns} FROM unit_version v WHERE ${liveOn('v', asOf)})`;
  const seed = scope.includeRoot ? Prisma.sql`v.unit_id = ${scope.rootId}::uuid` : Prisma.sql`v.parent_id = ${scope.rootId}::uuid`;
  return Prisma.sql`slim AS (
      SELECT ${columns} FROM unit_version v WHERE ${seed} AND ${liveOn('v', asOf)}
      UNION ALL
      SELECT c.* FROM slim CROSS JOIN LATERAL (
        SELECT ${columns} FROM unit_version v WHERE v.parent_id = slim.node_id AND ${liveOn('v', asOf)} OFFSET 0
      ) c
    )`;
}

/** Escapes LIKE wildcards in a search term. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Escapes LIKE wildcards for a prefix match. */
export function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
