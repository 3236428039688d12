import { type UnitKind } from '@antt/contracts';
import { type SqlClient } from '@antt/unit-directory';
import { FACT, SUBTREE_SHAPE, UNIT_FACTS } from './attainment.sql';
import { type CountedUnit, type LevelUnit, type SubtreeFacts } from './attainment.types';

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
type ShapeTuple = [string, string, string, UnitKind, boolean, number[]];

/** A counted unit as the directory alone places it (no facts). */
type ShapeUnit = Omit<CountedUnit, 'flags' | 'classification'> & { eligible: boolean };

/** The directory-only part of a subtree read on a date, valid while the directory's generation is `generation`. */
interface SubtreeShape {
  generation: string;
  levels: LevelUnit[];
  units: ShapeUnit[];
  unitIds: string[];
}

/** How many counted units the shapes kept in memory may hold together (a province is ~5,300, the country ~110,000). */
export const DEFAULT_SHAPE_CACHE_UNITS = 400_000;

/**
 * Reads of the attainment read model. A read is two parts: the subtree's shape on the date (the walk, R1 scope, the level
 * units above each unit: the directory only, about two thirds of the work) and the facts of its units (registrations,
 * recognitions, classifications). Shapes are kept in memory, least recently used first out, and used only while the
 * directory generation read with the facts is the one they were read at (ADR 0013 addendum): a read whose shape is kept costs
 * one statement that reads the facts by the units' keys; a directory write costs the next read one more statement.
 */
export class AttainmentRepository {
  private readonly shapes = new Map<string, SubtreeShape>();
  private cachedUnits = 0;

  constructor(
    private readonly db: SqlClient,
    private readonly maxCachedUnits = DEFAULT_SHAPE_CACHE_UNITS,
  ) {}

  /** The level units and the counted units of a subtree on a date, with their facts. */
  async subtreeFacts(query: AttainmentQuery): Promise<SubtreeFacts> {
    const key = [query.rootUnitId, query.asOf, query.levelKinds.join(','), query.countedKinds.join(',')].join('|');
    let shape = this.cached(key);
    for (let attempt = 0; ; attempt += 1) {
      if (!shape) {
        shape = await this.readShape(query);
        // No generation row (a database the migration did not seed): nothing can tell when the shape goes stale; not kept.
        if (shape.generation !== '') this.keep(key, shape);
      }
      const facts = await this.readFacts(shape, query);
      // A generation other than the shape's: the directory changed since it was read. Read the shape again, once; if the
      // directory is being written all the while, answer with the shape just read (a read racing a write).
      if (facts.generation === shape.generation || attempt === 1) return combine(shape, facts.items);
      this.forget(key);
      shape = undefined;
    }
  }

  private async readShape(query: AttainmentQuery): Promise<SubtreeShape> {
    const [row] = await this.db.$queryRawUnsafe<Array<{ generation: string | null; levels: string; units: string }>>(
      SUBTREE_SHAPE,
      query.rootUnitId,
      query.asOf,
      [...query.levelKinds],
      [...query.countedKinds],
    );
    const levels = (JSON.parse(row?.levels ?? '[]') as LevelTuple[]).map(([unitId, code, name, kind, depth]) => ({ unitId, code, name, kind, depth: Number(depth) }));
    const units = (JSON.parse(row?.units ?? '[]') as ShapeTuple[]).map(([unitId, code, name, kind, eligible, above]) => ({ unitId, code, name, kind, eligible, above }));
    return { generation: row?.generation ?? '', levels, units, unitIds: units.map((unit) => unit.unitId) };
  }

  private async readFacts(shape: SubtreeShape, query: AttainmentQuery): Promise<{ generation: string; items: string[] }> {
    const [row] = await this.db.$queryRawUnsafe<Array<{ generation: string | null; facts: string | null }>>(
      UNIT_FACTS,
      shape.unitIds,
      query.asOf,
      query.rootCampaignId,
      [...query.familyCampaignIds],
      query.year,
    );
    const text = row?.facts ?? '';
    return { generation: row?.generation ?? '', items: text === '' ? [] : text.split(',') };
  }

  private cached(key: string): SubtreeShape | undefined {
    const shape = this.shapes.get(key);
    if (shape) {
      // Most recently used last: eviction takes from the front.
      this.shapes.delete(key);
      this.shapes.set(key, shape);
    }
    return shape;
  }

  private keep(key: string, shape: SubtreeShape): void {
    this.forget(key);
    if (shape.units.length > this.maxCachedUnits) return;
    for (const [oldest, old] of this.shapes) {
      if (this.cachedUnits + shape.units.length <= this.maxCachedUnits) break;
      this.shapes.delete(oldest);
      this.cachedUnits -= old.units.length;
    }
    this.shapes.set(key, shape);
    this.cachedUnits += shape.units.length;
  }

  private forget(key: string): void {
    const shape = this.shapes.get(key);
    if (!shape) return;
    this.shapes.delete(key);
    this.cachedUnits -= shape.units.length;
  }
}

/** A shape with its units' facts (`items`, in the shape's order: flags, then `:classification` when there is one). */
function combine(shape: SubtreeShape, items: readonly string[]): SubtreeFacts {
  if (items.length !== shape.units.length) throw new Error(`attainment facts for ${items.length} units, the shape has ${shape.units.length}`);
  const units = shape.units.map((unit, index): CountedUnit => {
    const item = items[index] as string;
    const colon = item.indexOf(':');
    const flags = Number(colon < 0 ? item : item.slice(0, colon)) | (unit.eligible ? FACT.eligible : 0);
    return { unitId: unit.unitId, code: unit.code, name: unit.name, kind: unit.kind, flags, classification: colon < 0 ? null : item.slice(colon + 1), above: unit.above };
  });
  return { levels: shape.levels, units };
}
