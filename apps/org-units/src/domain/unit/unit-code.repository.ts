import { type RawSql } from '../../infrastructure/raw-sql';
import { unitErrors } from './unit.errors';

/** Above this many codes a write takes the one lock that excludes every other code write instead of a lock per code. */
const MAX_CODE_LOCKS = 1000;
/**
 * Advisory locks keyed by two integers, a space of ours and a value, never meet the single-key locks (the closure's):
 * 'codz' for the lock over every code, 'code' for one code (its hashtext).
 */
const ALL_CODES_SPACE = 0x636f647a;
const CODE_SPACE = 0x636f6465;

/** The versions of a timeline as `code|from|to`, adjacent versions with the same code merged. */
export function codeSpans(versions: readonly { code: string; validFrom: string; validTo: string | null }[]): { code: string; from: string; to: string | null }[] {
  const spans: { code: string; from: string; to: string | null }[] = [];
  for (const version of [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) {
    const last = spans[spans.length - 1];
    if (last && last.to === version.validFrom && last.code === version.code) last.to = version.validTo;
    else spans.push({ code: version.code, from: version.validFrom, to: version.validTo });
  }
  return spans;
}

/** The codes `after` holds on some date on which `before` did not hold them: only those can collide with another unit. */
export function codesGained(
  before: readonly { code: string; validFrom: string; validTo: string | null }[],
  after: readonly { code: string; validFrom: string; validTo: string | null }[],
): string[] {
  const held = codeSpans(before);
  const covered = (span: { code: string; from: string; to: string | null }) =>
    held.some((h) => h.code === span.code && h.from <= span.from && (h.to === null || (span.to !== null && span.to <= h.to)));
  return [...new Set(codeSpans(after).filter((span) => !covered(span)).map((span) => span.code))];
}

/**
 * Serialises the writes of `codes` until the transaction ends: a transaction-scoped advisory lock per code, taken in
 * code order so that two writers cannot deadlock on them, under a shared lock that a write of more than {@link MAX_CODE_LOCKS}
 * codes (an import, a national plan) takes exclusively instead, so as not to fill PostgreSQL's lock table. Every check
 * of {@link assertCodesUnique} made after it sees the versions committed by the writers it waited for.
 */
export async function lockCodes(tx: RawSql, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)].sort();
  if (unique.length === 0) return;
  if (unique.length > MAX_CODE_LOCKS) {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ALL_CODES_SPACE}::int, 0)`;
    return;
  }
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock_shared(${ALL_CODES_SPACE}::int, 0)`;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(${CODE_SPACE}::int, hashtext(c)))::int AS locked
    FROM (SELECT c FROM unnest(${unique}::text[]) AS c ORDER BY c) AS ordered`;
}

/** Refuses (UNIT_CODE_TAKEN) when a version of one of `unitIds` shares its code with another unit's on some date. */
export async function assertCodesUnique(tx: RawSql, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const clash = await tx.$queryRaw<{ code: string }[]>`
    SELECT a.code FROM unit_version a
    JOIN unit_version b ON b.code = a.code AND b.unit_id <> a.unit_id
      AND b.valid_from < coalesce(a.valid_to, 'infinity'::date) AND a.valid_from < coalesce(b.valid_to, 'infinity'::date)
    WHERE a.unit_id = ANY(${[...new Set(unitIds)]}::text[]::uuid[])
    LIMIT 1`;
  if (clash[0]) throw unitErrors.codeTaken(clash[0].code);
}
