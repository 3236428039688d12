import { type UnitKind } from '@antt/contracts';
import { type Caller, requireCaller } from '@antt/auth';
import {
  type CampaignPolicy,
  type CampaignQueryService,
  type CampaignRepository,
  type CampaignView,
  type ScopePart,
  type TargetView,
  scopeContains,
  scopePartsOn,
  scopeSubtreeOn,
  soleScopeUnit,
} from '../campaign';
import { type CampaignInput } from '../shared';
import { attainmentErrors } from './attainment.errors';
import { type AttainmentRepository } from './attainment.repository';
import { LEVEL_KINDS, cutToScope, evaluationYear, judgeKinds, levelCounts, mergeParts, shortfallReason } from './attainment.rules';
import {
  type AttainmentScope,
  type AttainmentView,
  type LevelAttainmentView,
  type ShortfallPageView,
  type ShortfallUnitView,
  type SubtreeFacts,
  type TargetAttainmentView,
  type UnitAttainmentView,
} from './attainment.types';

/** What a caller may narrow an attainment read to. */
export interface AttainmentArgs {
  asOf?: string | null;
  level?: UnitKind | null;
  kind?: UnitKind | null;
}

/**
 * Target attainment (R15–R18, R10), read on the unit tree as of a date inside the campaign's period: for each target its
 * numerator, denominator, percent and met, per unit kind and per level, the level units with their own figures, and the units
 * pulling it down. A caller sees its own subtree only; a unit outside is answered as absent.
 */
export class AttainmentQueryService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly campaignQueries: CampaignQueryService,
    private readonly attainment: AttainmentRepository,
    private readonly policy: CampaignPolicy,
    private readonly input: CampaignInput,
  ) {}

  /**
   * At the campaign's scope when the caller sees it whole, else at the caller's own unit (a commune in the provincial campaign).
   * A scope split by a reform (ADR 0010 addendum) is read as one under the stored scope unit, each part's subtree cut to what
   * came from the split unit, by a caller who sees every part; others read at their own unit inside it, cut the same way.
   */
  async ofCampaign(caller: Caller, campaign: CampaignView, args: AttainmentArgs): Promise<AttainmentView> {
    const { asOf, level, kind } = this.arguments(campaign, args);
    const { parts, keep } = await this.scopeOn(campaign, asOf);
    const sole = soleScopeUnit(parts);
    const directory = this.campaigns.directory;
    if (sole !== null || parts.length === 0) {
      const scope = sole ?? campaign.scopeUnitId;
      if (await this.policy.canReadUnit(directory, caller, scope, asOf)) return this.read(campaign, [scope], keep, asOf, level, kind);
    } else {
      let seesAll = true;
      for (const part of parts) seesAll = seesAll && (await this.policy.canReadUnit(directory, caller, part.unitId, asOf));
      if (seesAll) return this.read(campaign, parts.map((part) => part.unitId), keep, asOf, level, kind, parts.find((part) => part.from)?.from ?? null);
    }
    const unitId = requireCaller(caller).jurisdictionUnitId;
    if (!(await scopeContains(directory, parts, unitId, asOf))) throw attainmentErrors.unitOutsideCampaign(unitId, asOf);
    return this.read(campaign, [unitId], keep, asOf, level, kind);
  }

  /** At a unit (its subtree); null when the caller may not see the unit. The campaign must exist and be visible to the caller. */
  async ofUnit(caller: Caller, unitId: string, rawCampaignId: string, args: AttainmentArgs): Promise<AttainmentView | null> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const campaign = await this.campaignQueries.reference(caller, campaignId);
    if (!campaign) throw attainmentErrors.campaignNotFound(campaignId);
    const { asOf, level, kind } = this.arguments(campaign, args);
    if (!(await this.policy.canReadUnit(this.campaigns.directory, caller, unitId, asOf))) return null;
    const { parts, keep } = await this.scopeOn(campaign, asOf);
    if (!(await scopeContains(this.campaigns.directory, parts, unitId, asOf))) throw attainmentErrors.unitOutsideCampaign(unitId, asOf);
    return this.read(campaign, [unitId], keep, asOf, level, kind);
  }

  /** The scope on `asOf` followed to its parts, and the units a PARTIAL part keeps (null when every part is whole). */
  private async scopeOn(campaign: CampaignView, asOf: string): Promise<{ parts: ScopePart[]; keep: Set<string> | null }> {
    const directory = this.campaigns.directory;
    const parts = await scopePartsOn(directory, campaign, asOf);
    if (!parts.some((part) => part.share === 'PARTIAL')) return { parts, keep: null };
    return { parts, keep: new Set((await scopeSubtreeOn(directory, parts, asOf)).keys()) };
  }

  /** The level units of `level` (default the level the attainment was read for, else the target's first level below the unit read at). */
  levelUnits(target: TargetAttainmentView, args: { level?: UnitKind | null; onlyUnmet?: boolean | null; first?: number | null }): UnitAttainmentView[] {
    const first = this.input.pageSize(args.first, 500, 50);
    const level = this.level(args.level, 'level') ?? target.scope.level ?? this.defaultLevel(target);
    if (!level) return [];
    const rows = target.scope.levelUnits
      .filter((unit) => unit.kind === level)
      .map((unit) => ({ unitId: unit.unitId, code: unit.code, name: unit.name, kind: unit.kind, ...judgeKinds(target, unit.byKind, target.countedKinds) }))
      .filter((row) => !args.onlyUnmet || row.met === false);
    const rank = (row: UnitAttainmentView) => (row.met === false ? 0 : row.met === null ? 2 : 1);
    rows.sort((a, b) => rank(a) - rank(b) || (a.percent ?? 101) - (b.percent ?? 101) || a.code.localeCompare(b.code));
    return rows.slice(0, first);
  }

  /** The units counted in the target's denominator and not in its numerator, by code; `after` is the previous page's cursor. */
  shortfall(target: TargetAttainmentView, args: { first?: number | null; after?: string | null }): ShortfallPageView {
    const first = this.input.pageSize(args.first, 500, 20);
    const after = args.after ? decodeCursor(args.after) : null;
    const kinds = new Set(target.countedKinds);
    // Units come sorted by code and id: the page is the first matches after the cursor.
    const missing: ShortfallUnitView[] = [];
    for (const unit of target.scope.units) {
      if (!kinds.has(unit.kind)) continue;
      if (after && compareKeys(unit.code, unit.unitId, after.code, after.unitId) <= 0) continue;
      const reason = shortfallReason(target.indicator, unit);
      if (reason === null) continue;
      missing.push({ unitId: unit.unitId, code: unit.code, name: unit.name, kind: unit.kind, reason, classification: unit.classification });
      if (missing.length > first) break;
    }
    const page = missing.slice(0, first);
    const last = page.at(-1);
    return {
      totalCount: target.denominator - target.numerator,
      units: page,
      endCursor: last ? encodeCursor(last.code, last.unitId) : null,
      hasNextPage: missing.length > first,
    };
  }

  private arguments(campaign: CampaignView, args: AttainmentArgs) {
    const asked = this.input.optionalDate(args.asOf, 'asOf');
    if (asked !== null && (asked < campaign.periodStart || asked > campaign.periodEnd)) {
      throw attainmentErrors.dateOutsidePeriod(asked, campaign.periodStart, campaign.periodEnd);
    }
    return { asOf: this.campaignQueries.viewDate(campaign, asked), level: this.level(args.level, 'level'), kind: args.kind ?? null };
  }

  private level(value: UnitKind | null | undefined, field: string): UnitKind | null {
    if (value === null || value === undefined) return null;
    if (!LEVEL_KINDS.includes(value)) throw attainmentErrors.notALevel(field, value, LEVEL_KINDS);
    return value;
  }

  /** The target's first level below the unit read at (a province read shows its districts, a district its communes). */
  private defaultLevel(target: TargetAttainmentView): UnitKind | null {
    const root = target.scope.levelUnits[0];
    const below = target.levels.filter((level) => target.scope.levelUnits.some((unit) => unit.kind === level && unit.depth > 0));
    return below[0] ?? root?.kind ?? null;
  }

  /**
   * Reads at one unit (`roots` of one), or at a split scope's parts under the stored scope unit (`roots` of several); `keep`
   * cuts every subtree to the units a PARTIAL part holds.
   */
  private async read(
    campaign: CampaignView,
    roots: readonly string[],
    keep: ReadonlySet<string> | null,
    asOf: string,
    level: UnitKind | null,
    kind: UnitKind | null,
    splitFrom: ScopePart['from'] = null,
  ): Promise<AttainmentView> {
    const [targets, familyCampaignIds] = await Promise.all([this.campaigns.targets(campaign.id), this.campaigns.familyBelow(campaign.id)]);
    const counted = (target: TargetView) => target.unitKinds.filter((k) => kind === null || k === kind);
    const kinds = [...new Set(targets.flatMap(counted))];
    const year = evaluationYear(campaign.periodStart);
    const unitId = roots.length === 1 ? (roots[0] as string) : (splitFrom?.unitId ?? campaign.scopeUnitId);
    const subtree = async (rootUnitId: string): Promise<SubtreeFacts> => {
      const found = await this.attainment.subtreeFacts({ rootUnitId, asOf, levelKinds: LEVEL_KINDS, rootCampaignId: campaign.rootCampaignId, familyCampaignIds, year, countedKinds: kinds });
      return keep ? cutToScope(found, keep) : found;
    };
    let facts: SubtreeFacts = { levels: [], units: [] };
    if (kinds.length > 0 && roots.length === 1) facts = await subtree(unitId);
    else if (kinds.length > 0) facts = mergeParts(await this.splitRoot(unitId, splitFrom?.before ?? campaign.periodStart), await Promise.all(roots.map(subtree)));
    const counts = levelCounts(facts);
    const root = counts[0];
    // A split scope's root is the stored (dissolved) scope unit: it carries the totals but is no level unit of its own.
    const levelUnits = roots.length > 1 ? counts.slice(1) : counts;
    const scope: AttainmentScope = { campaignId: campaign.id, rootCampaignId: campaign.rootCampaignId, familyCampaignIds, unitId, asOf, year, kind, level, levelUnits, units: facts.units };
    const views = targets
      .filter((target) => counted(target).length > 0)
      .map((target): TargetAttainmentView => {
        const countedKinds = counted(target);
        const byKind = root?.byKind ?? new Map();
        const levels = level ? [level] : target.levels;
        const byLevel = levels.map((lvl): LevelAttainmentView => {
          const figures = levelUnits.filter((unit) => unit.kind === lvl).map((unit) => judgeKinds(target, unit.byKind, countedKinds));
          const unitsMet = figures.filter((f) => f.met === true).length;
          const unitsNotMet = figures.filter((f) => f.met === false).length;
          return { level: lvl, units: figures.length, unitsMet, unitsNotMet };
        });
        return {
          code: target.code,
          indicator: target.indicator,
          comparator: target.comparator,
          threshold: target.threshold,
          unitKinds: target.unitKinds,
          countedKinds,
          levels: target.levels,
          ...judgeKinds(target, byKind, countedKinds),
          byKind: countedKinds.filter((k) => byKind.has(k)).map((k) => ({ kind: k, ...judgeKinds(target, byKind, [k]) })),
          byLevel: byLevel.filter((row) => row.units > 0),
          scope,
        };
      });
    return { campaignId: campaign.id, unitId, asOf, year, kind, level, targets: views };
  }

  /** A split scope's root: the unit that was split (the scope unit, or the unit it went whole into), as it stood the day before. */
  private async splitRoot(unitId: string, before: string): Promise<SubtreeFacts['levels'][number]> {
    const entry = await this.campaigns.directory.unitAt(unitId, before);
    return { unitId, code: entry?.code ?? '', name: entry?.name ?? '', kind: (entry?.kind ?? 'DISTRICT') as UnitKind, depth: 0 };
  }
}

/** Shortfall order: by code, then id (codes of units of different kinds may coincide). */
function compareKeys(codeA: string, idA: string, codeB: string, idB: string): number {
  if (codeA !== codeB) return codeA < codeB ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

function encodeCursor(code: string, unitId: string): string {
  return Buffer.from(JSON.stringify([code, unitId]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { code: string; unitId: string } {
  try {
    const [code, unitId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof code === 'string' && typeof unitId === 'string') return { code, unitId };
  } catch {
    // fall through: refused below
  }
  throw attainmentErrors.invalidCursor();
}
