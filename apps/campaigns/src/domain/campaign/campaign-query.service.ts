import { type Caller } from '@antt/auth';
import { type Clock, createEntityLoader, isUuid } from '@antt/service-kit';
import { type DirectoryEntry } from '@antt/unit-directory';
import { type CampaignInput, clampDate } from '../shared';
import { type CampaignPolicy } from './campaign.policy';
import { type ScopePart, scopeOn, scopePartsOn } from './campaign-scope';
import { type CampaignRepository } from './campaign.repository';
import { deadlineFor } from './campaign.rules';
import { type CampaignStatus, type CampaignView, type DeadlineView, type StatusChangeView, type TargetView } from './campaign.types';

/**
 * Reads of campaigns, one instance per request: whatever the caller may not see is answered as absent (null, or left out of
 * lists). Campaigns named by id (references from other subgraphs, registrations) are fetched in batches.
 */
export class CampaignQueryService {
  private readonly byId = createEntityLoader((ids: readonly string[]) => this.campaigns.findMany(ids), (campaign) => campaign.id);
  /** Directory entries by `unitId@date`, one query per date in a batch. */
  private readonly unitOn = createEntityLoader(
    async (keys: readonly string[]) => {
      const idsByDate = new Map<string, string[]>();
      for (const key of keys) {
        const [unitId, date] = key.split('@') as [string, string];
        idsByDate.set(date, [...(idsByDate.get(date) ?? []), unitId]);
      }
      const found = await Promise.all(
        [...idsByDate].map(async ([date, ids]) => [...(await this.campaigns.directory.unitsAt(ids, date)).values()].map((entry) => ({ key: `${entry.unitId}@${date}`, entry }))),
      );
      return found.flat();
    },
    (row) => row.key,
  );

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly policy: CampaignPolicy,
    private readonly clock: Clock,
    private readonly input: CampaignInput,
  ) {}

  /** The date a campaign is read on by default: today, clamped into its period (a 2024 campaign keeps the 2024 tree). */
  viewDate(campaign: CampaignView, asOf?: string | null): string {
    return clampDate(asOf ?? this.clock.today(), campaign.periodStart, campaign.periodEnd);
  }

  async campaign(caller: Caller, rawId: string): Promise<CampaignView | null> {
    const id = this.input.id(rawId, 'id');
    return this.visible(caller, await this.byId.load(id));
  }

  /** A campaign named by id by another subgraph or a registration; null when absent or not visible. */
  async reference(caller: Caller, id: string): Promise<CampaignView | null> {
    return isUuid(id) ? this.visible(caller, await this.byId.load(id.toLowerCase())) : null;
  }

  async list(caller: Caller, filter: { year?: number | null; status?: CampaignStatus | null; first?: number | null }): Promise<CampaignView[]> {
    const first = this.input.pageSize(filter.first, 200, 50);
    const visible: CampaignView[] = [];
    for (const campaign of await this.campaigns.list(filter)) {
      if (visible.length >= first) break;
      if (await this.visible(caller, campaign)) visible.push(campaign);
    }
    return visible;
  }

  async parent(caller: Caller, campaign: CampaignView): Promise<CampaignView | null> {
    return campaign.parentCampaignId ? this.visible(caller, await this.byId.load(campaign.parentCampaignId)) : null;
  }

  async children(caller: Caller, campaign: CampaignView): Promise<CampaignView[]> {
    const children = await this.campaigns.children(campaign.id);
    const visible = await Promise.all(children.map((child) => this.visible(caller, child)));
    return visible.filter((child): child is CampaignView => child !== null);
  }

  /** The owner unit as campaigns' directory holds it on the campaign's first day, whoever reads it (the plan names it). */
  async ownerUnitOnStart(campaign: CampaignView): Promise<DirectoryEntry | null> {
    return (await this.unitOn.load(`${campaign.ownerUnitId}@${campaign.periodStart}`))?.entry ?? null;
  }

  /** The unit the campaign's scope is on `on` (default today), clamped into its period ({@link scopeOn}: the stored scope unit when split). */
  async scopeUnitOn(campaign: CampaignView, on?: string | null): Promise<string> {
    const date = this.viewDate(campaign, on ? this.input.date(on, 'on') : null);
    return scopeOn(this.campaigns.directory, campaign, date);
  }

  /** The units the campaign's scope leads to on `on` (default today, clamped into its period), each with its share and route ({@link scopePartsOn}). */
  async scopeUnitsOn(campaign: CampaignView, on?: string | null): Promise<ScopePart[]> {
    const date = this.viewDate(campaign, on ? this.input.date(on, 'on') : null);
    return scopePartsOn(this.campaigns.directory, campaign, date);
  }

  history(campaign: CampaignView): Promise<StatusChangeView[]> {
    return this.campaigns.history(campaign.id);
  }

  async calendar(campaign: CampaignView, unitKind?: string | null): Promise<DeadlineView[]> {
    const deadlines = await this.campaigns.deadlines(campaign.id);
    if (!unitKind) return deadlines;
    const codes = [...new Set(deadlines.map((d) => d.code))];
    return codes.map((code) => deadlineFor(deadlines, code, unitKind)).filter((d): d is DeadlineView => d !== undefined);
  }

  targets(campaign: CampaignView): Promise<TargetView[]> {
    return this.campaigns.targets(campaign.id);
  }

  overdue(deadline: DeadlineView, asOf?: string | null): boolean {
    const date = asOf ? this.input.date(asOf, 'asOf') : this.clock.today();
    return date > deadline.dueOn;
  }

  private async visible(caller: Caller, campaign: CampaignView | null): Promise<CampaignView | null> {
    if (!campaign) return null;
    return (await this.policy.canRead(this.campaigns.directory, caller, campaign, this.viewDate(campaign))) ? campaign : null;
  }
}
