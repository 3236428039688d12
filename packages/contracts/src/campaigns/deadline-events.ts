import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';
import { CAMPAIGN_EXAMPLE_IDS as ids } from './examples';

const TOPIC = 'campaigns.deadline';
const AGGREGATE = 'UnitDeadline';

const notice = {
  campaignId: z.uuid().describe('The campaign whose calendar binds the unit (the deepest launched one of the family covering it).'),
  rootCampaignId: z.uuid().describe('The top campaign of the family.'),
  deadlineCode: z.string().min(1).describe('The deadline, e.g. REGISTRATION, CLASSIFICATION_UNITS.'),
  dueOn: CalendarDateSchema.describe('Last day on time.'),
  unitId: z.uuid().describe('The unit that must act; also the record key.'),
  unitKind: UnitKindSchema,
};

/** `campaigns.deadline.approaching.v1` */
export const DeadlineApproachingV1 = defineEvent({
  type: 'campaigns.deadline.approaching',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A deadline of a launched campaign is a configured number of days away (DEADLINE_NOTICE_DAYS) for a unit it binds; ' +
    'published once per campaign family, deadline and unit, whatever the number of replicas. For REGISTRATION only units ' +
    'not yet registered are reminded.',
  payload: z.object({ ...notice, daysLeft: z.int().min(0).describe('Days from the day of the notice to the deadline.') }),
  example: {
    campaignId: ids.vuThu2024,
    rootCampaignId: ids.thaiBinh2024,
    deadlineCode: 'REGISTRATION',
    dueOn: '2024-01-12',
    unitId: ids.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    daysLeft: 7,
  },
});

/** `campaigns.deadline.overdue.v1` */
export const DeadlineOverdueV1 = defineEvent({
  type: 'campaigns.deadline.overdue',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A unit missed a deadline the campaigns service can judge (REGISTRATION: not registered after the day); published once ' +
    'per campaign family, deadline and unit. Deadlines judged by other services (resolutions, evaluations) are theirs to flag.',
  payload: z.object({ ...notice, daysOverdue: z.int().min(1).describe('Days since the deadline.') }),
  example: {
    campaignId: ids.vuThu2024,
    rootCampaignId: ids.thaiBinh2024,
    deadlineCode: 'REGISTRATION',
    dueOn: '2024-01-12',
    unitId: ids.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    daysOverdue: 1,
  },
});

/** Every deadline event contract, in catalogue order. */
export const DEADLINE_EVENTS = [DeadlineApproachingV1, DeadlineOverdueV1] as const;
