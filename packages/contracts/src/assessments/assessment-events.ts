import { z } from 'zod';
import { defineEvent } from '../define-event';
import { EXAMPLE_IDS } from '../org-units/examples';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';

/**
 * Contracts of the assessments service (issue 8), declared before it exists so that its consumers (campaigns' target
 * attainment) are built against them. State-carrying: each event holds the whole current decision of one unit for one
 * evaluation year, with a `revision` that grows with every change; a consumer replaces what it holds when the revision is
 * higher and ignores redeliveries and older revisions. No personal data: units, dates, decision numbers only.
 */
const TOPIC = 'assessments.assessment';

/** Where a unit's safe-standard recognition for a year stands (Circular 124). */
export const RECOGNITION_STATUSES = ['RECOGNISED', 'NOT_RECOGNISED', 'REVOKED'] as const;
/** Movement classification (Decision 510). */
export const CLASSIFICATIONS = ['EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK'] as const;

/** Fixed ids so the generated catalogue is stable. */
export const ASSESSMENT_EXAMPLE_IDS = {
  vuThu: EXAMPLE_IDS.vuThu,
  thonHoiThuong: EXAMPLE_IDS.thonHoiThuong,
  vuHoi: EXAMPLE_IDS.vuHoi,
  thaiBinh2024: 'a0f3d027-d4fc-40b2-97a4-f3bf2a3b4c11',
} as const;

const decision = {
  unitId: z.uuid().describe('The unit assessed; also the record key, so every decision about one unit is in order.'),
  unitKind: UnitKindSchema,
  year: z.int().min(2000).max(2100).describe('Evaluation year (the movement-year the decision is for, R3: at most one per unit).'),
  campaignId: z.uuid().nullable().describe('The campaign the unit was assessed in, when known; the year is what binds.'),
  decidingUnitId: z.uuid().describe("The unit whose People's Committee (or competent level) decided, resolved from the tree on the decision date (R2)."),
  decisionNumber: z.string().min(1).max(100).nullable().describe('Number of the decision, e.g. "125/QĐ-UBND"; null when not yet numbered.'),
  revision: z.int().min(1).describe('Grows with every change of this unit and year; a consumer keeps the highest.'),
};

/** `assessments.recognition.decided.v1` */
export const RecognitionDecidedV1 = defineEvent({
  type: 'assessments.recognition.decided',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description:
    'The competent People\'s Committee decided whether a unit reached the "safe for security and order" standard for a year ' +
    '(Circular 124): RECOGNISED (with the recognition date), NOT_RECOGNISED, or REVOKED (a recognition cancelled later, with ' +
    'the date it ends; `recognisedOn` keeps the date it held from). An audited correction of the outcome (NOT_RECOGNISED to ' +
    'RECOGNISED or the reverse, R30) is the same event with a higher revision. Carries the whole current state of the unit and year.',
  payload: z
    .object({
      ...decision,
      status: z.enum(RECOGNITION_STATUSES).describe('RECOGNISED, NOT_RECOGNISED or REVOKED.'),
      decidedOn: CalendarDateSchema.describe('Date of the latest decision (the recognition, refusal, revocation or correction).'),
      recognisedOn: CalendarDateSchema.nullable().describe('Date the recognition holds from; null when never recognised.'),
      revokedOn: CalendarDateSchema.nullable().describe('Date a revocation takes effect; null unless REVOKED.'),
      reason: z.string().min(1).max(1000).nullable().describe('Why not recognised or revoked (no personal data); null when recognised.'),
    })
    .refine((data) => (data.status === 'NOT_RECOGNISED' ? data.recognisedOn === null : data.recognisedOn !== null), {
      message: 'recognisedOn is set exactly when the unit was recognised (RECOGNISED or REVOKED)',
      path: ['recognisedOn'],
    })
    .refine((data) => (data.status === 'REVOKED') === (data.revokedOn !== null), { message: 'revokedOn is set exactly when REVOKED', path: ['revokedOn'] })
    .refine((data) => data.revokedOn === null || data.recognisedOn === null || data.revokedOn >= data.recognisedOn, {
      message: 'a recognition is revoked after it was granted',
      path: ['revokedOn'],
    }),
  example: {
    unitId: ASSESSMENT_EXAMPLE_IDS.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    year: 2024,
    campaignId: ASSESSMENT_EXAMPLE_IDS.thaiBinh2024,
    decidingUnitId: ASSESSMENT_EXAMPLE_IDS.vuHoi,
    decisionNumber: '125/QĐ-UBND',
    revision: 1,
    status: 'RECOGNISED',
    decidedOn: '2024-12-05',
    recognisedOn: '2024-12-05',
    revokedOn: null,
    reason: null,
  },
});

/** `assessments.classification.decided.v1` */
export const ClassificationDecidedV1 = defineEvent({
  type: 'assessments.classification.decided',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description:
    'A unit\'s movement was classified for a year (Decision 510): EXCELLENT, GOOD, AVERAGE or WEAK, with the score on the ' +
    '100-point scale and the rule set whose bands decided it (R14, editable data). The 5% Excellent and 50% Good figures are ' +
    'targets, not caps (R15). A correction is a higher revision of the same unit and year.',
  payload: z.object({
    ...decision,
    classification: z.enum(CLASSIFICATIONS).describe('EXCELLENT, GOOD, AVERAGE or WEAK.'),
    score: z.number().min(0).max(100).nullable().describe('Total score (R11); null when classified without a score sheet.'),
    ruleSetVersion: z.string().min(1).max(100).describe('The rule set whose score bands applied (R14).'),
    decidedOn: CalendarDateSchema.describe('Date of the classification decision.'),
  }),
  example: {
    unitId: ASSESSMENT_EXAMPLE_IDS.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    year: 2024,
    campaignId: ASSESSMENT_EXAMPLE_IDS.thaiBinh2024,
    decidingUnitId: ASSESSMENT_EXAMPLE_IDS.vuHoi,
    decisionNumber: '131/QĐ-UBND',
    revision: 1,
    classification: 'GOOD',
    score: 86.5,
    ruleSetVersion: 'QD510-2022',
    decidedOn: '2024-11-20',
  },
});

/** Every assessments event contract, in catalogue order. */
export const ASSESSMENT_EVENTS = [RecognitionDecidedV1, ClassificationDecidedV1] as const;
