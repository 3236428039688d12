import { type UnitKind } from '@antt/contracts';
import { type SqlClient } from '@antt/unit-directory';
import { SUBTREE_FACTS } from './attainment.sql';
import { type SubtreeFacts } from './attainment.types';

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

type LevelTuple = [string, string, string, UnitKind, number];
type UnitTuple = [string, string, string, UnitKind, number, string | null, number[]];

/** Reads of the attainment read model: one set-based statement per subtree and date. */
export class AttainmentRepository {
  constructor(private readonly db: SqlClient) {}

  /** The level units and the counted units of a subtree on a date, with their facts. */
  async subtreeFacts(query: AttainmentQuery): Promise<SubtreeFacts> {
    const [row] = await this.db.$queryRawUnsafe<Array<{ levels: string; units: string }>>(
      SUBTREE_FACTS,
      query.rootUnitId,
      query.asOf,
      [...query.levelKinds],
      query.rootCampaignId,
      [...query.familyCampaignIds],
      query.year,
      [...query.countedKinds],
    );
    const parse = <T>(value: string | undefined): T => JSON.parse(value ?? '[]') as T;
    return {
      levels: parse<LevelTuple[]>(row?.levels).map(([unitId, code, name, kind, depth]) => ({ unitId, code, name, kind, depth: Number(depth) })),
      units: parse<UnitTuple[]>(row?.units).map(([unitId, code, name, kind, flags, classification, above]) => ({ unitId, code, name, kind, flags, classification, above })),
    };
  }
}
