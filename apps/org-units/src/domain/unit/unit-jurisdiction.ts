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
          const within = await reader.idsWithinSubtree(
            group.map((k) => k.unitId),
            rootId,
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
