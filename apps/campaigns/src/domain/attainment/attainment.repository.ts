import { type UnitKind } from '@antt/contracts';
import { type SqlClient } from '@antt/unit-directory';
import { LEVEL_COUNTS, SHORTFALL } from './attainment.sql';
import { type KindCounts, type LevelUnitCounts, type ShortfallReason, type ShortfallUnitView } from './attainment.types';

/** What one attainment read counts: a subtree on a date, for a campaign family and an evaluation year. */
export interface AttainmentQuery {
  rootUnitId: string;
  asOf: string;
  levelKinds: readonly UnitKind[];
  rootCampaignId: string;
  familyCampaignIds: readonly string[];
  year: number;
  countedKinds: readonly UnitKind[];
}

interface LevelRow {
  row_type: 'L' | 'C';
  unit_id: string;
  code: string | null;
  name: string | null;
  kind: UnitKind;
  depth: number | null;
  units: number;
  registered: number;
  eligible: number;
  recognised: number;
  excellent: number;
  good_or_better: number;
}

interface ShortfallRow {
  unit_id: string;
  code: string;
  name: string;
  kind: UnitKind;
  classification: string | null;
  reason: ShortfallReason;
}

const params = (q: AttainmentQuery) => [q.rootUnitId, q.asOf, [...q.levelKinds], q.rootCampaignId, [...q.familyCampaignIds], q.year, [...q.countedKinds]];

/** Reads of the attainment read model: a few set-based statements over the unit directory and campaigns' own tables. */
export class AttainmentRepository {
  constructor(private readonly db: SqlClient) {}

  /** The root and every level unit below it, each with the counts of the units below it per kind (root first). */
  async levelCounts(query: AttainmentQuery): Promise<LevelUnitCounts[]> {
    const rows = await this.db.$queryRawUnsafe<LevelRow[]>(LEVEL_COUNTS, ...params(query));
    const units = new Map<string, LevelUnitCounts>();
    for (const row of rows) {
      if (row.row_type === 'L') units.set(row.unit_id, { unitId: row.unit_id, code: row.code ?? '', name: row.name ?? '', kind: row.kind, depth: Number(row.depth), byKind: new Map() });
    }
    for (const row of rows) {
      if (row.row_type !== 'C') continue;
      const counts: KindCounts = {
        kind: row.kind,
        units: Number(row.units),
        registered: Number(row.registered),
        eligible: Number(row.eligible),
        recognised: Number(row.recognised),
        excellent: Number(row.excellent),
        goodOrBetter: Number(row.good_or_better),
      };
      units.get(row.unit_id)?.byKind.set(row.kind, counts);
    }
    return [...units.values()].sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
  }

  /** Up to `limit` units of a target's denominator missing from its numerator, by code and id after `after`. */
  async shortfall(query: AttainmentQuery, indicator: string, after: { code: string; unitId: string } | null, limit: number): Promise<ShortfallUnitView[]> {
    const rows = await this.db.$queryRawUnsafe<ShortfallRow[]>(SHORTFALL, ...params(query), indicator, after?.code ?? null, after?.unitId ?? null, limit);
    return rows.map((row) => ({ unitId: row.unit_id, code: row.code, name: row.name, kind: row.kind, reason: row.reason, classification: row.classification }));
  }
}
