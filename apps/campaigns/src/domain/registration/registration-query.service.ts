import { type UnitKind } from '@antt/contracts';
import { type Caller, requireCaller } from '@antt/auth';
import { type DirectoryEntry } from '@antt/unit-directory';
import { type CampaignPolicy, type CampaignQueryService, type CampaignRepository, type CampaignView, deadlineFor, type ScopePart, scopeContains, scopePartsOn, scopeSubtreeOn, soleScopeUnit } from '../campaign';
import { type CampaignInput } from '../shared';
import { registrationErrors } from './registration.errors';
import { type RegistrationRepository } from './registration.repository';
import { REGISTERING_KINDS, REGISTRATION_DEADLINE, registrationState } from './registration.rules';
import { type RegistrationKindCount, type RegistrationRowView, type RegistrationState, type RegistrationSummaryView, type RegistrationView } from './registration.types';

/** Reads of registrations, consolidated level by level on the unit directory as of the campaign's dates. */
export class RegistrationQueryService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly campaignQueries: CampaignQueryService,
    private readonly registrations: RegistrationRepository,
    private readonly policy: CampaignPolicy,
    private readonly input: CampaignInput,
  ) {}

  /** The unit's registration in the campaign's family; null when none, or when the caller may not see the campaign or the unit. */
  async registrationOf(caller: Caller, unitId: string, rawCampaignId: string): Promise<RegistrationView | null> {
    const campaign = await this.campaignQueries.campaign(caller, rawCampaignId);
    if (!campaign) return null;
    if (!(await this.policy.canReadUnit(this.campaigns.directory, caller, unitId, this.campaignQueries.viewDate(campaign)))) return null;
    const [registration] = await this.registrations.inFamily(campaign.rootCampaignId, [unitId]);
    return registration ?? null;
  }

  /**
   * Registrations of the units below `unitId` (default the campaign's scope) on `asOf` (default today, clamped into the period):
   * a commune sees its units, a district its communes and their units, the province everything. Registrations made in child
   * campaigns count for their parent.
   */
  async summary(caller: Caller, campaign: CampaignView, rawUnitId?: string | null, rawAsOf?: string | null): Promise<RegistrationSummaryView> {
    const asOf = this.campaignQueries.viewDate(campaign, this.input.optionalDate(rawAsOf, 'asOf'));
    const directory = this.campaigns.directory;
    const parts = await scopePartsOn(directory, campaign, asOf);
    const unitId = this.input.optionalId(rawUnitId, 'unitId') ?? (await this.defaultUnit(caller, parts, asOf));
    if (!(await this.policy.canReadUnit(directory, caller, unitId, asOf))) throw registrationErrors.unitNotFound(unitId, 'unitId', asOf);
    const units = await this.unitsOfScopeBelow(parts, unitId, asOf);
    const family = await this.campaigns.familyBelow(campaign.id);
    const byUnit = new Map((await this.registrations.inCampaigns(family, units.map((u) => u.unitId))).map((r) => [r.unitId, r]));
    const deadlines = await this.campaigns.deadlines(campaign.id);
    const rows: RegistrationRowView[] = units.map((unit) => {
      const registration = byUnit.get(unit.unitId) ?? null;
      const deadline = deadlineFor(deadlines, REGISTRATION_DEADLINE, unit.kind)?.dueOn;
      return { unitId: unit.unitId, code: unit.code, name: unit.name, kind: unit.kind as UnitKind, state: registrationState(registration, deadline, asOf), registration };
    });
    const kinds = new Map<UnitKind, RegistrationKindCount>();
    for (const row of rows) {
      const count = kinds.get(row.kind) ?? { kind: row.kind, expected: 0, registered: 0, late: 0, missing: 0 };
      count.expected += 1;
      if (row.state === 'REGISTERED' || row.state === 'LATE') count.registered += 1;
      if (row.state === 'LATE') count.late += 1;
      if (row.state !== 'REGISTERED' && row.state !== 'LATE') count.missing += 1;
      kinds.set(row.kind, count);
    }
    const byKind = REGISTERING_KINDS.flatMap((kind) => (kinds.has(kind) ? [kinds.get(kind) as RegistrationKindCount] : []));
    const sum = (key: 'expected' | 'registered' | 'late' | 'missing') => byKind.reduce((total, count) => total + count[key], 0);
    const expected = sum('expected');
    const registered = sum('registered');
    return {
      unitId,
      asOf,
      deadline: deadlineFor(deadlines, REGISTRATION_DEADLINE, 'COMMUNE')?.dueOn ?? null,
      expected,
      registered,
      late: sum('late'),
      missing: sum('missing'),
      percent: expected === 0 ? 100 : Math.round((registered / expected) * 10_000) / 100,
      byKind,
      allRows: rows,
    };
  }

  /**
   * The registering units below `unitId` (itself included) that the followed scope holds on `asOf`. Scope of one WHOLE part:
   * `unitId` must lie inside it, and its subtree is read as it is. Split scope (PARTIAL parts, or several): `unitId` may also
   * be a unit above the parts (the province consolidating a split district's campaign), and the rows are cut to the scope.
   */
  private async unitsOfScopeBelow(parts: readonly ScopePart[], unitId: string, asOf: string): Promise<DirectoryEntry[]> {
    const directory = this.campaigns.directory;
    const single = parts.length === 1 && parts[0]?.share === 'WHOLE' ? parts[0].unitId : null;
    if (single !== null) {
      if (!(await directory.isWithin(unitId, single, asOf))) throw registrationErrors.unitOutsideCampaign(unitId, 'unitId', asOf);
      return directory.descendantsOf(unitId, asOf, REGISTERING_KINDS);
    }
    const inside = await scopeContains(directory, parts, unitId, asOf);
    const above = !inside && (await Promise.all(parts.map((part) => directory.isWithin(part.unitId, unitId, asOf)))).some(Boolean);
    if (!inside && !above) throw registrationErrors.unitOutsideCampaign(unitId, 'unitId', asOf);
    const scope = await scopeSubtreeOn(directory, parts, asOf);
    return (await directory.descendantsOf(unitId, asOf, REGISTERING_KINDS)).filter((unit) => scope.has(unit.unitId));
  }

  /**
   * The campaign's scope when the caller sees it whole (one part it may read), else the caller's own unit (a commune in the
   * provincial campaign, a district of a split scope, the province above a split district: the rows are cut to the scope).
   */
  private async defaultUnit(caller: Caller, parts: readonly ScopePart[], asOf: string): Promise<string> {
    const identity = requireCaller(caller);
    const scope = soleScopeUnit(parts);
    const seesScope = scope !== null && (await this.policy.canReadUnit(this.campaigns.directory, caller, scope, asOf));
    return seesScope ? scope : identity.jurisdictionUnitId;
  }

  rows(summary: RegistrationSummaryView, filter: { states?: readonly RegistrationState[] | null; kinds?: readonly string[] | null; first?: number | null }): RegistrationRowView[] {
    const first = this.input.pageSize(filter.first, 1000, 100);
    return summary.allRows
      .filter((row) => (!filter.states || filter.states.includes(row.state)) && (!filter.kinds || filter.kinds.includes(row.kind)))
      .slice(0, first);
  }
}
