import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';
import { ASSESSMENT_EXAMPLE_IDS } from './assessment-events';

/**
 * The review flow of a unit's yearly self-assessment (Decision 510 Art. 11: the unit scores itself, the level above reviews it),
 * on a topic of its own so that readers of the decisions (`assessments.assessment`) never see the steps before them. Keyed by the
 * assessed unit. No personal data: units, dates, scores and reasons only.
 */
const TOPIC = 'assessments.review';

const step = {
  assessmentId: z.uuid().describe('The self-assessment.'),
  unitId: z.uuid().describe('The unit assessed; also the record key.'),
  unitKind: UnitKindSchema,
  year: z.int().min(2000).max(2100).describe('Evaluation year.'),
  ruleSetVersion: z.string().min(1).max(100).describe('The rule set the unit was scored against.'),
  reviewingUnitId: z
    .uuid()
    .describe(
      "The level of the review chain (from the tree on the submission date) whose turn it is: the first level on submission, the level that returned it, the chain's last level on approval.",
    ),
  totalScore: z.number().min(0).max(100).describe('Sum of the item scores, each clamped to its maximum (R11), at this step.'),
  revision: z.int().min(1).describe('Grows with every change of the assessment.'),
};

const example = {
  assessmentId: '5b0c1f7e-8f61-4f0a-9a59-2f3c4d5e6f70',
  unitId: ASSESSMENT_EXAMPLE_IDS.thonHoiThuong,
  unitKind: 'RESIDENTIAL_AREA' as const,
  year: 2024,
  ruleSetVersion: 'TB-2024-RESIDENTIAL_AREA',
  reviewingUnitId: ASSESSMENT_EXAMPLE_IDS.vuHoi,
  totalScore: 86.5,
  revision: 1,
};

/** `assessments.assessment.submitted.v1` */
export const AssessmentSubmittedV1 = defineEvent({
  type: 'assessments.assessment.submitted',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description: 'A unit submitted its self-assessment for a year (first time or after a return) to the level that reviews it.',
  payload: z.object({ ...step, submittedOn: CalendarDateSchema.describe('Date of submission.') }),
  example: { ...example, submittedOn: '2024-11-05' },
});

/** `assessments.assessment.returned.v1` */
export const AssessmentReturnedV1 = defineEvent({
  type: 'assessments.assessment.returned',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description: 'A level of the review chain returned a self-assessment to its unit with a reason; the unit may submit it again (the chain starts over).',
  payload: z.object({ ...step, returnedOn: CalendarDateSchema, reason: z.string().min(1).max(1000).describe('Why it was returned.') }),
  example: { ...example, revision: 2, returnedOn: '2024-11-08', reason: 'Thiếu biên bản họp dân' },
});

/** `assessments.assessment.approved.v1` */
export const AssessmentApprovedV1 = defineEvent({
  type: 'assessments.assessment.approved',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description:
    "The last level of the review chain approved a self-assessment (with its re-scores); its classification is published with it. Earlier levels' approvals pass it up the chain and are audited, not published.",
  payload: z.object({ ...step, approvedOn: CalendarDateSchema }),
  example: { ...example, revision: 2, approvedOn: '2024-11-18' },
});

/** A reminder about the step of a review chain whose turn it is: which level, which step, when it is due. */
const reminder = {
  assessmentId: z.uuid().describe('The self-assessment waiting on the level.'),
  unitId: z.uuid().describe('The unit assessed; also the record key.'),
  unitKind: UnitKindSchema,
  year: z.int().min(2000).max(2100).describe('Evaluation year.'),
  levelUnitId: z.uuid().describe('The level whose review is due (the unit of the current step of the chain).'),
  position: z.int().min(0).describe('The step in the review chain, 0 for the first level.'),
  deadline: CalendarDateSchema.describe("Last day on time for this level's review (its level's deadline in the review plan)."),
};

const reminderExample = {
  assessmentId: example.assessmentId,
  unitId: example.unitId,
  unitKind: example.unitKind,
  year: 2024,
  levelUnitId: ASSESSMENT_EXAMPLE_IDS.vuHoi,
  position: 0,
  deadline: '2024-11-20',
};

/** `assessments.review.due-soon.v1` */
export const ReviewDueSoonV1 = defineEvent({
  type: 'assessments.review.due-soon',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description:
    "The level whose turn it is in a self-assessment's review chain has its deadline a configured number of days away or " +
    'less (REVIEW_REMINDER_DAYS, default 3); published once per review step by the reminder scheduler, whatever the number ' +
    'of replicas. A step that becomes current after its deadline gets only the overdue reminder.',
  payload: z.object({ ...reminder, daysLeft: z.int().min(0).describe('Days from the day of the reminder to the deadline (0: due today).') }),
  example: { ...reminderExample, daysLeft: 3 },
});

/** `assessments.review.overdue.v1` */
export const ReviewOverdueV1 = defineEvent({
  type: 'assessments.review.overdue',
  version: 1,
  topic: TOPIC,
  aggregateType: 'Unit',
  description:
    "The level whose turn it is in a self-assessment's review chain let its deadline pass without approving or returning " +
    'it; published once per review step (from the day after the deadline, or when the step becomes current later). A step ' +
    'decided on time never gets it.',
  payload: z.object({ ...reminder, daysOverdue: z.int().min(1).describe('Days since the deadline.') }),
  example: { ...reminderExample, daysOverdue: 1 },
});

/** Every review-flow contract, in catalogue order. */
export const ASSESSMENT_REVIEW_EVENTS = [AssessmentSubmittedV1, AssessmentReturnedV1, AssessmentApprovedV1, ReviewDueSoonV1, ReviewOverdueV1] as const;
