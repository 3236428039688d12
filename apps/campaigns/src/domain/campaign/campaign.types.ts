import { type TARGET_COMPARATORS, type TARGET_INDICATORS, type UnitKind } from '@antt/contracts';

export const CAMPAIGN_STATUSES = ['DRAFT', 'LAUNCHED', 'CLOSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** A campaign as stored, dates as `YYYY-MM-DD`. */
export interface CampaignView {
  id: string;
  parentCampaignId: string | null;
  rootCampaignId: string;
  title: string;
  legalBases: string[];
  ownerUnitId: string;
  scopeUnitId: string;
  periodStart: string;
  periodEnd: string;
  status: CampaignStatus;
  revision: number;
}

export interface DeadlineSpec {
  code: string;
  dueOn: string;
  unitKinds: UnitKind[];
}

export interface DeadlineView extends DeadlineSpec {
  inherited: boolean;
}

export interface TargetSpec {
  code: string;
  indicator: TargetIndicator;
  unitKinds: UnitKind[];
  levels: UnitKind[];
  comparator: TargetComparator;
  threshold: number;
}

export interface TargetView extends TargetSpec {
  inherited: boolean;
}

export interface StatusChangeView {
  from: CampaignStatus | null;
  to: CampaignStatus;
  actor: string;
  at: string;
  on: string;
  reason: string | null;
}

export interface CreateCampaignInput {
  title: string;
  legalBases: readonly string[];
  ownerUnitId: string;
  scopeUnitId?: string | null;
  parentCampaignId?: string | null;
  periodStart: string;
  periodEnd: string;
}

export interface SetDeadlineInput {
  campaignId: string;
  code: string;
  dueOn: string;
  unitKinds?: readonly UnitKind[] | null;
}

export interface SetTargetInput extends Omit<TargetSpec, 'unitKinds' | 'levels'> {
  campaignId: string;
  unitKinds: readonly UnitKind[];
  levels: readonly UnitKind[];
}
