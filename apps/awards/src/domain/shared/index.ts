export { fromDbDate, toDbDate } from '@antt/service-kit';
export { AwardsInput } from './awards-input';
export { ENUM_LABELS, allLabels, labelOf, type LabelledEnum } from './labels';
export { awardErrors, AWARD_ERROR_REASONS, type AwardErrorReason } from './errors';
export { AwardsPolicy, NOMINATOR_ROLES, RECEIVER_ROLES, APPRAISER_ROLES, READER_ROLES } from './policy';

/** A unit as this subgraph returns it: a reference the gateway resolves through org-units. */
export interface UnitRef {
  id: string;
}

/** A campaign as this subgraph returns it: a reference the gateway resolves through campaigns. */
export interface CampaignRef {
  id: string;
}
