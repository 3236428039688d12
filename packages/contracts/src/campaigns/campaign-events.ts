import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';
import { CAMPAIGN_EXAMPLE_IDS as ids } from './examples';

const TOPIC = 'campaigns.campaign';
const AGGREGATE = 'Campaign';

/** What a target measures (R16–R18, R15). */
export const TARGET_INDICATORS = ['REGISTRATION_RATE', 'SAFE_STANDARD_RATE', 'EXCELLENT_RATE', 'GOOD_RATE', 'NEW_RURAL_SECURITY_RATE'] as const;
/** How a target's percent is compared with its threshold. */
export const TARGET_COMPARATORS = ['GT', 'GTE'] as const;

/** One named deadline of a campaign's calendar. */
export const CampaignDeadlineSchema = z.object({
  code: z.string().min(1).describe('Stable code, e.g. REGISTRATION, Q1_RESOLUTION, CLASSIFICATION_COMMUNE.'),
  dueOn: CalendarDateSchema.describe('Last day on time.'),
  unitKinds: z.array(UnitKindSchema).describe('Kinds of unit it binds; empty: every kind.'),
});

/** One target of a campaign. */
export const CampaignTargetSchema = z.object({
  code: z.string().min(1).describe('Stable code, e.g. SAFE_STANDARD_RESIDENTIAL.'),
  indicator: z.enum(TARGET_INDICATORS).describe('What is measured.'),
  unitKinds: z.array(UnitKindSchema).min(1).describe('Kinds of unit counted.'),
  levels: z.array(UnitKindSchema).min(1).describe('Levels at which it is consolidated and judged.'),
  comparator: z.enum(TARGET_COMPARATORS).describe('GT: more than the threshold; GTE: at least.'),
  threshold: z.number().min(0).max(100).describe('Percent.'),
});

const campaignState = {
  campaignId: z.uuid().describe('Campaign id; also the record key.'),
  parentCampaignId: z.uuid().nullable().describe('The campaign of the level above this one was launched under; null for the top.'),
  title: z.string().min(1).describe('Title of the plan, in Vietnamese.'),
  legalBases: z.array(z.string().min(1)).describe('Plans, decisions and directives it implements.'),
  ownerUnitId: z.uuid().describe('Unit whose steering committee owns the campaign.'),
  scopeUnitId: z.uuid().describe('Unit whose subtree, as of the campaign dates, takes part.'),
  periodStart: CalendarDateSchema.describe('First day.'),
  periodEnd: CalendarDateSchema.describe('Last day.'),
};

/** `campaigns.campaign.launched.v1` */
export const CampaignLaunchedV1 = defineEvent({
  type: 'campaigns.campaign.launched',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A steering committee launched a campaign (DRAFT → LAUNCHED): its scope, period, calendar and targets are now binding. ' +
    'A child campaign carries the calendar and targets it inherited, with its stricter overrides applied.',
  payload: z.object({
    ...campaignState,
    launchedOn: CalendarDateSchema.describe('Date of the launch.'),
    deadlines: z.array(CampaignDeadlineSchema).describe('The calendar in force.'),
    targets: z.array(CampaignTargetSchema).describe('The targets in force.'),
  }),
  example: {
    campaignId: ids.vuThu2024,
    parentCampaignId: ids.thaiBinh2024,
    title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc huyện Vũ Thư năm 2024',
    legalBases: ['Kế hoạch số 12/KH-BCĐ138 ngày 05/01/2024 của Ban Chỉ đạo 138 tỉnh Thái Bình'],
    ownerUnitId: ids.vuThu,
    scopeUnitId: ids.vuThu,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    launchedOn: '2024-01-08',
    deadlines: [{ code: 'REGISTRATION', dueOn: '2024-01-12', unitKinds: [] }],
    targets: [
      {
        code: 'SAFE_STANDARD_RESIDENTIAL',
        indicator: 'SAFE_STANDARD_RATE',
        unitKinds: ['RESIDENTIAL_AREA', 'COMMUNE'],
        levels: ['DISTRICT', 'COMMUNE'],
        comparator: 'GT',
        threshold: 85,
      },
    ],
  },
});

/** `campaigns.campaign.closed.v1` */
export const CampaignClosedV1 = defineEvent({
  type: 'campaigns.campaign.closed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A launched campaign was closed (LAUNCHED → CLOSED): nothing more is registered in it.',
  payload: z.object({
    ...campaignState,
    closedOn: CalendarDateSchema.describe('Date of the closure.'),
    reason: z.string().min(1).describe('Why, as the steering committee recorded it.'),
  }),
  example: {
    campaignId: ids.thaiBinh2024,
    parentCampaignId: null,
    title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
    legalBases: ['Quyết định số 2447/QĐ-TTg'],
    ownerUnitId: ids.province,
    scopeUnitId: ids.province,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    closedOn: '2024-12-31',
    reason: 'Kết thúc năm thi đua 2024',
  },
});

/** Every campaign event contract, in catalogue order. */
export const CAMPAIGN_EVENTS = [CampaignLaunchedV1, CampaignClosedV1] as const;
