import { type UnitKind } from '@antt/contracts';
import { type Clock } from '@antt/service-kit';
import { type DirectoryEntry } from '@antt/unit-directory';
import { type CampaignRepository, type CampaignView, type DeadlineView, deadlineFor, scopePartsOn, scopeSubtreeOn } from '../campaign';
import { type RegistrationRepository } from '../registration';
import { clampDate } from '../shared';
import { type DeadlineRepository } from './deadline.repository';
import { boundKinds, noticeDue } from './deadline.rules';
import { type Notice } from './deadline.types';

/** What one run sent. */
export interface SchedulerRun {
  approaching: number;
  overdue: number;
}

/**
 * Publishes deadline notices for launched campaigns: a deadline is `noticeDays` away (APPROACHING) or the registration
 * deadline passed for a unit not registered (OVERDUE). Each unit answers to the deepest launched campaign of its family whose
 * scope holds it today (a commune under a district campaign gets the district's stricter deadline, once). Safe to run on
 * every replica at once and as often as wanted: a notice is recorded with its event exactly once (see DeadlineRepository).
 */
export class DeadlineScheduler {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly registrations: RegistrationRepository,
    private readonly notices: DeadlineRepository,
    private readonly clock: Clock,
    private readonly noticeDays: number,
  ) {}

  async runOnce(): Promise<SchedulerRun> {
    const today = this.clock.today();
    const launched = (await this.campaigns.list({ status: 'LAUNCHED' })).filter((c) => c.periodStart <= today && today <= c.periodEnd);
    const families = new Map<string, CampaignView[]>();
    for (const campaign of launched) families.set(campaign.rootCampaignId, [...(families.get(campaign.rootCampaignId) ?? []), campaign]);
    const due: Notice[] = [];
    for (const members of families.values()) due.push(...(await this.familyNotices(members, today)));
    const sent = await this.notices.send(due);
    return { approaching: sent.APPROACHING, overdue: sent.OVERDUE };
  }

  private async familyNotices(members: readonly CampaignView[], today: string): Promise<Notice[]> {
    const directory = this.campaigns.directory;
    const byId = new Map(members.map((c) => [c.id, c]));
    const depth = (c: CampaignView): number => (c.parentCampaignId && byId.has(c.parentCampaignId) ? 1 + depth(byId.get(c.parentCampaignId) as CampaignView) : 0);
    const responsible = new Map<string, { campaign: CampaignView; unit: DirectoryEntry }>();
    for (const campaign of [...members].sort((a, b) => depth(a) - depth(b))) {
      const date = clampDate(today, campaign.periodStart, campaign.periodEnd);
      const units = await scopeSubtreeOn(directory, await scopePartsOn(directory, campaign, date), date);
      for (const unit of units.values()) responsible.set(unit.unitId, { campaign, unit });
    }
    const rootCampaignId = members[0]?.rootCampaignId ?? '';
    const registered = new Set(
      (await this.registrations.inFamily(rootCampaignId, [...responsible.keys()])).filter((r) => r.status === 'SUBMITTED').map((r) => r.unitId),
    );
    const calendars = new Map<string, DeadlineView[]>();
    for (const campaign of members) calendars.set(campaign.id, await this.campaigns.deadlines(campaign.id));
    const codes = new Set([...calendars.values()].flat().map((d) => d.code));
    const notices: Notice[] = [];
    for (const { campaign, unit } of responsible.values()) {
      const calendar = calendars.get(campaign.id) ?? [];
      for (const code of codes) {
        const deadline = deadlineFor(calendar, code, unit.kind);
        if (!deadline || !boundKinds(deadline).includes(unit.kind as UnitKind)) continue;
        const notice = noticeDue(deadline, today, this.noticeDays, registered.has(unit.unitId));
        if (notice) {
          notices.push({ ...notice, rootCampaignId, campaignId: campaign.id, code, dueOn: deadline.dueOn, unitId: unit.unitId, unitKind: unit.kind as UnitKind });
        }
      }
    }
    return notices;
  }
}
