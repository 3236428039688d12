import { type UnitKind } from '@antt/contracts';

export type NoticeKind = 'APPROACHING' | 'OVERDUE';

/** One notice due to one unit for one deadline of a campaign family. */
export interface Notice {
  kind: NoticeKind;
  rootCampaignId: string;
  campaignId: string;
  code: string;
  dueOn: string;
  unitId: string;
  unitKind: UnitKind;
  /** Days left (APPROACHING) or days overdue (OVERDUE). */
  days: number;
}
