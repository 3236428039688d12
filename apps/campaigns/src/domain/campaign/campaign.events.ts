import { CampaignClosedV1, CampaignLaunchedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type CampaignView, type DeadlineSpec, type TargetSpec } from './campaign.types';

const state = (campaign: CampaignView) => ({
  campaignId: campaign.id,
  parentCampaignId: campaign.parentCampaignId,
  title: campaign.title,
  legalBases: campaign.legalBases,
  ownerUnitId: campaign.ownerUnitId,
  scopeUnitId: campaign.scopeUnitId,
  periodStart: campaign.periodStart,
  periodEnd: campaign.periodEnd,
});

/** `campaigns.campaign.launched.v1`, carrying the calendar and targets in force. */
export function campaignLaunched(
  campaign: CampaignView,
  launchedOn: string,
  deadlines: readonly DeadlineSpec[],
  targets: readonly TargetSpec[],
  correlationId: string | undefined,
): NewEvent<EventContract> {
  return {
    contract: CampaignLaunchedV1,
    aggregateId: campaign.id,
    correlationId,
    data: {
      ...state(campaign),
      launchedOn,
      deadlines: deadlines.map(({ code, dueOn, unitKinds }) => ({ code, dueOn, unitKinds })),
      targets: targets.map(({ code, indicator, unitKinds, levels, comparator, threshold }) => ({ code, indicator, unitKinds, levels, comparator, threshold })),
    },
  };
}

/** `campaigns.campaign.closed.v1` */
export function campaignClosed(campaign: CampaignView, closedOn: string, reason: string, correlationId: string | undefined): NewEvent<EventContract> {
  return { contract: CampaignClosedV1, aggregateId: campaign.id, correlationId, data: { ...state(campaign), closedOn, reason } };
}
