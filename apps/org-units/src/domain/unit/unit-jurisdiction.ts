import { type JurisdictionChecker } from '@antt/auth';
import DataLoader from 'dataloader';
import { type UnitReader } from './unit.repository';

interface WithinKey {
  unitId: string;
  rootId: string;
  asOf: string;
}

/**
 * The org-units {@link JurisdictionChecker}, answered from org-units' own tables. Checks made during one request are
 * batched: one walk up the tree per (root, date) for all units asked about together.
 *
 * For reads, a jurisdiction inherits the past of the units that went WHOLE into its unit: on a date before a merge, the
 * new province's staff see the subtrees of the provinces it absorbed (so a 2024 figure can be carried to 2025). Writes
 * never inherit: they are checked by `UnitPolicy.assertCanWrite` on the tree itself.
 */
export class UnitJurisdictionChecker implements JurisdictionChecker {
  private readonly loader: DataLoader<WithinKey, boolean, string>;

  constructor(reader: UnitReader) {
    this.loader = new DataLoader(
      async (keys) => {
        const groups = new Map<string, WithinKey[]>();
        for (const key of keys) {
          const group = `${key.rootId}|${key.asOf}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const answers = new Map<string, boolean>();
        for (const group of groups.values()) {
          const { rootId, asOf } = group[0] as WithinKey;
          const inherited = (await reader.lineageAcross(rootId, 'origins', asOf)).filter((origin) => origin.share === 'WHOLE');
          const within = await reader.idsWithinSubtree(
            group.map((k) => k.unitId),
            [rootId, ...inherited.map((origin) => origin.unitId)],
            asOf,
          );
          for (const key of group) answers.set(cacheKey(key), within.has(key.unitId));
        }
        return keys.map((key) => answers.get(cacheKey(key)) ?? false);
      },
      { cacheKeyFn: cacheKey },
    );
  }

  isWithin(unitId: string, ancestorUnitId: string, asOf: Date | string): Promise<boolean> {
    const date = typeof asOf === 'string' ? asOf : asOf.toISOString().slice(0, 10);
    if (unitId === ancestorUnitId) return Promise.resolve(true);
    return this.loader.load({ unitId, rootId: ancestorUnitId, asOf: date });
  }
}

function cacheKey(key: WithinKey): string {
  return `${key.unitId}|${key.rootId}|${key.asOf}`;
}
