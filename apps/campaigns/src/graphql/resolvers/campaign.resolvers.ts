import { DEADLINE_LABELS, TARGET_LABELS } from '../../domain/campaign';
import { labelOf } from '../../domain/shared';
import { type CampaignResolvers, type CampaignScopePartResolvers, type CampaignStatusChangeResolvers, type DeadlineResolvers, type TargetResolvers } from '../__generated__/resolvers-types';

export const Campaign: CampaignResolvers = {
  __resolveReference: ({ id }, { caller, campaignQueries }) => campaignQueries.reference(caller, id),
  ownerUnit: (campaign) => ({ id: campaign.ownerUnitId }),
  ownerUnitCode: async (campaign, _, { campaignQueries }) => (await campaignQueries.ownerUnitOnStart(campaign))?.code ?? null,
  ownerUnitName: async (campaign, _, { campaignQueries }) => (await campaignQueries.ownerUnitOnStart(campaign))?.name ?? null,
  scopeUnit: (campaign) => ({ id: campaign.scopeUnitId }),
  scopeUnitOn: async (campaign, { on }, { campaignQueries }) => ({ id: await campaignQueries.scopeUnitOn(campaign, on) }),
  scopeUnitsOn: (campaign, { on }, { campaignQueries }) => campaignQueries.scopeUnitsOn(campaign, on),
  parentCampaign: (campaign, _, { caller, campaignQueries }) => campaignQueries.parent(caller, campaign),
  childCampaigns: (campaign, _, { caller, campaignQueries }) => campaignQueries.children(caller, campaign),
  statusLabel: (campaign) => labelOf('CampaignStatus', campaign.status),
  history: (campaign, _, { campaignQueries }) => campaignQueries.history(campaign),
  calendar: (campaign, { unitKind }, { campaignQueries }) => campaignQueries.calendar(campaign, unitKind),
  targets: (campaign, _, { campaignQueries }) => campaignQueries.targets(campaign),
  registrationSummary: (campaign, { unitId, asOf }, { caller, registrationQueries }) => registrationQueries.summary(caller, campaign, unitId, asOf),
  attainment: (campaign, args, { caller, attainment }) => attainment.ofCampaign(caller, campaign, args),
};

export const CampaignScopePart: CampaignScopePartResolvers = {
  unit: (part) => ({ id: part.unitId }),
  shareLabel: (part) => labelOf('ScopeShare', part.share),
  splitFromUnitId: (part) => part.from?.unitId ?? null,
  splitBefore: (part) => part.from?.before ?? null,
};

export const CampaignStatusChange: CampaignStatusChangeResolvers = {
  toLabel: (change) => labelOf('CampaignStatus', change.to),
};

export const Deadline: DeadlineResolvers = {
  label: (deadline) => DEADLINE_LABELS[deadline.code] ?? deadline.code,
  overdue: (deadline, { asOf }, { campaignQueries }) => campaignQueries.overdue(deadline, asOf),
};

export const Target: TargetResolvers = {
  label: (target) => TARGET_LABELS[target.code] ?? target.code,
  indicatorLabel: (target) => labelOf('TargetIndicator', target.indicator),
};
