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

/** Rows named as {@link ViewRow} plus `node_id` (uuid) and `searchName`: what `base` and `tree` hold. */
const NODE_COLUMNS = Prisma.sql`u.id AS node_id, ${VIEW_COLUMNS}, v.search_name AS "searchName"`;

/** `base`: every unit on `asOf`, as {@link NODE_COLUMNS}. */
export function allUnitsCte(asOf: string): Prisma.Sql {
  return Prisma.sql`base AS (SELECT ${NODE_COLUMNS} FROM unit u JOIN unit_version v ON v.unit_id = u.id WHERE ${liveOn('v', asOf)})`;
}

/**
 * `base`: every descendant of `rootId` on `asOf` (the root itself when `includeRoot`), as {@link NODE_COLUMNS}. Each
 * step walks unit_version by (parent_id, valid_from, valid_to) and fetches the unit by primary key, so that the cost
 * follows the subtree's size, not the table's; the tree has no cycles on any date, so UNION ALL is safe.
 */
export function subtreeCte(rootId: string, asOf: string, includeRoot: boolean): Prisma.Sql {
  const seed = includeRoot
    ? Prisma.sql`v.unit_id = ${rootId}::uuid`
    : Prisma.sql`v.parent_id = ${rootId}::uuid`;
  return Prisma.sql`base AS (
    SELECT ${NODE_COLUMNS} FROM unit_version v JOIN unit u ON u.id = v.unit_id WHERE ${seed} AND ${liveOn('v', asOf)}
    UNION ALL
    SELECT ${NODE_COLUMNS} FROM base t JOIN unit_version v ON v.parent_id = t.node_id JOIN unit u ON u.id = v.unit_id
    WHERE ${liveOn('v', asOf)}
  )`;
}

/**
 * `slim`: the units on `asOf` (all of them, or the subtree of `scope`) with only what ordering and filters need:
 * `node_id`, code, kind, and — when `withVersionColumns` — "searchName" and "parentId". The recursion carries unit ids
 * alone and the wider columns are joined once at the end, so that a page of a large subtree costs little more than
 * counting it; the page's own rows are fetched whole afterwards.
 */
export function slimUnitsCte(
  scope: { rootId: string; includeRoot: boolean } | null,
  asOf: string,
  withVersionColumns: boolean,
): Prisma.Sql {
  const versionColumns = withVersionColumns ? Prisma.sql`, t.search_name AS "searchName", t.parent_id::text AS "parentId"` : Prisma.empty;
  if (!scope) {
    return Prisma.sql`slim AS (
      SELECT u.id AS node_id, u.code, u.kind::text AS kind ${versionColumns}
      FROM unit u JOIN unit_version t ON t.unit_id = u.id WHERE ${liveOn('t', asOf)}
    )`;
  }
  const seed = scope.includeRoot ? Prisma.sql`v.unit_id = ${scope.rootId}::uuid` : Prisma.sql`v.parent_id = ${scope.rootId}::uuid`;
  const versionJoin = withVersionColumns ? Prisma.sql`JOIN unit_version t ON t.unit_id = tree.node_id AND ${liveOn('t', asOf)}` : Prisma.empty;
  return Prisma.sql`tree(node_id) AS (
      SELECT v.unit_id FROM unit_version v WHERE ${seed} AND ${liveOn('v', asOf)}
      UNION ALL
      SELECT v.unit_id FROM tree JOIN unit_version v ON v.parent_id = tree.node_id WHERE ${liveOn('v', asOf)}
    ),
    slim AS (
      SELECT tree.node_id, u.code, u.kind::text AS kind ${versionColumns}
      FROM tree JOIN unit u ON u.id = tree.node_id ${versionJoin}
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
