import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';

/** The kinds of unit that review as a level (their People's Committee / police). */
export const REVIEW_LEVEL_KINDS: readonly string[] = ['COMMUNE', 'DISTRICT', 'PROVINCE'];

/**
 * The review chain of a unit's assessment on `date`, first level first: the level managing the unit (its managing unit, else its
 * parent), then every level above it on the dated tree. A 2024 village: commune → district → province; a 2024 commune: district →
 * province; from 01/07/2025 (no district level) a village: commune → province, a commune: province. Empty when nothing manages it.
 */
export async function reviewChainOf(directory: UnitDirectory, unit: Pick<DirectoryEntry, 'managingUnitId' | 'parentId'>, date: string): Promise<string[]> {
  const first = unit.managingUnitId ?? unit.parentId;
  if (first === null) return [];
  const above = await directory.ancestorsOf(first, date);
  return [first, ...above.filter((entry) => entry.depth > 0 && REVIEW_LEVEL_KINDS.includes(entry.kind)).map((entry) => entry.unitId)];
}
