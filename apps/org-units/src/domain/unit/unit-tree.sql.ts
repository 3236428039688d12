import { Prisma } from '../../generated/prisma/client';

/** Columns of a unit seen on a date (`u` = unit, `v` = unit_version), named as {@link ViewRow}. */
export const VIEW_COLUMNS = Prisma.sql`u.id::text AS id, v.code, u.kind::text AS kind, u.created_on::text AS "createdOn",
  u.dissolved_on::text AS "dissolvedOn", u.revision, v.valid_from::text AS "validFrom", v.valid_to::text AS "validTo",
  v.name, v.parent_id::text AS "parentId", v.managing_unit_id::text AS "managingUnitId",
  v.enterprise_size::text AS "enterpriseSize", v.school_level::text AS "schoolLevel", v.armed_forces AS "armedForces",
  v.resident_households AS "residentHouseholds", v.staff_count AS "staffCount", v.commune_type::text AS "communeType"`;

/** `v` holds on `asOf`. */
export function liveOn(alias: string, asOf: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}.valid_from <= ${asOf}::date AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${asOf}::date)`;
}

/**
 * `slim`: the units on `asOf` (all of them, or the subtree of `scope`) with only what ordering and filters need:
 * `node_id`, code, kind, and — when `withVersionColumns` — "searchName" and "parentId" (uuid). A subtree is the range of
 * `scope.rootId` in unit_closure (ADR 0008), read in code order from the (ancestor_id, code, valid_from, valid_to,
 * descendant_id, kind) index, so a page stops after its rows and a count is an index-only scan; without a
 * scope it is unit_version alone. Code and kind are copied into both tables so that no join to `unit` is needed. The
 * rows a caller keeps are fetched whole afterwards.
 */
export function slimUnitsCte(
  scope: { rootId: string; includeRoot: boolean } | null,
  asOf: string,
  withVersionColumns: boolean,
): Prisma.Sql {
  if (!scope) {
    const columns = withVersionColumns
      ? Prisma.sql`v.unit_id AS node_id, v.code, v.kind::text AS kind, v.search_name AS "searchName", v.parent_id AS "parentId"`
      : Prisma.sql`v.unit_id AS node_id, v.code, v.kind::text AS kind`;
    return Prisma.sql`slim AS (SELECT ${columns} FROM unit_version v WHERE ${liveOn('v', asOf)})`;
  }
  const inSubtree = Prisma.sql`c.ancestor_id = ${scope.rootId}::uuid${scope.includeRoot ? Prisma.empty : Prisma.sql` AND c.descendant_id <> ${scope.rootId}::uuid`} AND ${liveOn('c', asOf)}`;
  if (!withVersionColumns) {
    return Prisma.sql`slim AS (SELECT c.descendant_id AS node_id, c.code, c.kind::text AS kind FROM unit_closure c WHERE ${inSubtree})`;
  }
  return Prisma.sql`slim AS (
      SELECT c.descendant_id AS node_id, c.code, c.kind::text AS kind, v.search_name AS "searchName", v.parent_id AS "parentId"
      FROM unit_closure c JOIN unit_version v ON v.unit_id = c.descendant_id AND ${liveOn('v', asOf)}
      WHERE ${inSubtree}
    )`;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Escapes LIKE wildcards in a search term. */
export function likeContains(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** Escapes LIKE wildcards for a prefix match. */
export function likePrefix(term: string): string {
  return `${escapeLike(term)}%`;
}

/**
 * A LIKE pattern, matched against `' ' || search_name`, for `words` each starting a word, in this order: ["hung", "yen"]
 * → `% hung% yen%`, which "tinh hung yen" matches and "huyen hung ha" does not.
 */
export function likeWordStarts(words: readonly string[]): string {
  return `${words.map((word) => `% ${escapeLike(word)}`).join('')}%`;
}

/** Administrative kinds from the top down; a search ranks them in this order, every other kind after them. */
const LEVEL_ORDER = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'] as const;

/** The rank of a `kind` column (text) in {@link LEVEL_ORDER}: 1 for a province, …, 5 for the other kinds. */
export function kindLevel(kindColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce(array_position(${[...LEVEL_ORDER]}::text[], ${kindColumn}), ${LEVEL_ORDER.length + 1})`;
}
