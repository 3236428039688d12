import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema } from '../org-units/unit-state';
import { MODEL_EXAMPLE_IDS as ids } from './examples';

const TOPIC = 'models.model';
const AGGREGATE = 'SelfManagementModel';

/** Ratings of an effectiveness review. */
export const MODEL_RATINGS = ['EFFECTIVE', 'LESS_EFFECTIVE', 'INEFFECTIVE'] as const;

const modelState = {
  modelId: z.uuid().describe('Model id; also the record key.'),
  name: z.string().min(1).describe('Name of the model, in Vietnamese.'),
  typeCode: z.string().min(1).describe('Code of its type in the models catalogue (e.g. SECURITY_CAMERA).'),
  hostUnitId: z.uuid().describe('The unit that runs the model.'),
  foundedOn: CalendarDateSchema.describe('Founding date.'),
};

/** `models.model.created.v1` */
export const ModelCreatedV1 = defineEvent({
  type: 'models.model.created',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A self-management model was registered for its host unit (status ACTIVE).',
  payload: z.object(modelState),
  example: { modelId: ids.camera, name: 'Camera an ninh xã Vũ Hội', typeCode: 'SECURITY_CAMERA', hostUnitId: ids.vuHoi, foundedOn: '2022-03-26' },
});

/** `models.model.replicated.v1` */
export const ModelReplicatedV1 = defineEvent({
  type: 'models.model.replicated',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A model was replicated to another unit: a new model (this one), of the same type, whose lineage names its source.',
  payload: z.object({ ...modelState, sourceModelId: z.uuid().describe('The model it was replicated from.') }),
  example: {
    modelId: ids.cameraReplica,
    name: 'Camera an ninh thôn Hội Thượng',
    typeCode: 'SECURITY_CAMERA',
    hostUnitId: ids.thonHoiThuong,
    foundedOn: '2023-05-10',
    sourceModelId: ids.camera,
  },
});

/** `models.model.reviewed.v1` */
export const ModelReviewedV1 = defineEvent({
  type: 'models.model.reviewed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'The managing level rated a model for an evaluation window against a versioned criteria list. A later review of the same ' +
    'window supersedes it. `dissolutionProposed`: the configured number of INEFFECTIVE ratings in a row was reached.',
  payload: z.object({
    modelId: z.uuid().describe('Model id; also the record key.'),
    reviewId: z.uuid().describe('Id of this review.'),
    hostUnitId: z.uuid().describe('The host when reviewed.'),
    year: z.number().int().describe('Evaluation year; the window is the one of the host kind (Circular 124).'),
    windowStart: CalendarDateSchema,
    windowEnd: CalendarDateSchema,
    rating: z.enum(MODEL_RATINGS),
    criteriaSetCode: z.string().min(1),
    criteriaVersion: z.number().int().min(1),
    criteriaMet: z.array(z.string().min(1)).describe('Codes of the criteria the reviewer found met.'),
    reviewerUnitId: z.uuid().describe('The managing level that reviewed.'),
    reviewedOn: CalendarDateSchema,
    dissolutionProposed: z.boolean(),
  }),
  example: {
    modelId: ids.camera,
    reviewId: ids.review,
    hostUnitId: ids.vuHoi,
    year: 2024,
    windowStart: '2023-11-16',
    windowEnd: '2024-11-15',
    rating: 'EFFECTIVE',
    criteriaSetCode: 'MODEL_EFFECTIVENESS',
    criteriaVersion: 1,
    criteriaMet: ['REGULAR_ACTIVITY', 'SECURITY_RESULTS'],
    reviewerUnitId: ids.vuThu,
    reviewedOn: '2024-11-20',
    dissolutionProposed: false,
  },
});

/** `models.model.suspended.v1` */
export const ModelSuspendedV1 = defineEvent({
  type: 'models.model.suspended',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The managing level suspended an ACTIVE model (ACTIVE → SUSPENDED).',
  payload: z.object({ ...modelState, suspendedOn: CalendarDateSchema, reason: z.string().min(1) }),
  example: {
    modelId: ids.camera,
    name: 'Camera an ninh xã Vũ Hội',
    typeCode: 'SECURITY_CAMERA',
    hostUnitId: ids.vuHoi,
    foundedOn: '2022-03-26',
    suspendedOn: '2024-06-01',
    reason: 'Hệ thống camera hỏng, chờ sửa chữa',
  },
});

/** `models.model.dissolved.v1` */
export const ModelDissolvedV1 = defineEvent({
  type: 'models.model.dissolved',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: "A model was dissolved (→ DISSOLVED) by the managing level's decision.",
  payload: z.object({
    ...modelState,
    dissolvedOn: CalendarDateSchema,
    reason: z.string().min(1),
    decisionNumber: z.string().min(1).describe('Number of the decision, e.g. 45/QĐ-UBND.'),
    decisionDate: CalendarDateSchema,
    decidedByUnitId: z.uuid().describe('The managing level that decided.'),
  }),
  example: {
    modelId: ids.camera,
    name: 'Camera an ninh xã Vũ Hội',
    typeCode: 'SECURITY_CAMERA',
    hostUnitId: ids.vuHoi,
    foundedOn: '2022-03-26',
    dissolvedOn: '2024-12-01',
    reason: 'Hai năm liền không hiệu quả',
    decisionNumber: '45/QĐ-UBND',
    decisionDate: '2024-11-28',
    decidedByUnitId: ids.vuThu,
  },
});

/** `models.model.training-held.v1` */
export const ModelTrainingHeldV1 = defineEvent({
  type: 'models.model.training-held',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: "A training of a model's members was held (recorded by the host or a level above it).",
  payload: z.object({
    modelId: z.uuid().describe('Model id; also the record key.'),
    trainingId: z.uuid(),
    hostUnitId: z.uuid(),
    heldOn: CalendarDateSchema,
    content: z.string().min(1),
    trainer: z.string().min(1),
    participants: z.number().int().min(1),
  }),
  example: {
    modelId: ids.camera,
    trainingId: ids.training,
    hostUnitId: ids.vuHoi,
    heldOn: '2024-04-12',
    content: 'Kỹ năng phát hiện, tố giác tội phạm; sử dụng hệ thống camera',
    trainer: 'Công an huyện Vũ Thư',
    participants: 24,
  },
});

/** `models.model.resumed.v1` */
export const ModelResumedV1 = defineEvent({
  type: 'models.model.resumed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The managing level resumed a SUSPENDED model (SUSPENDED → ACTIVE).',
  payload: z.object({ ...modelState, resumedOn: CalendarDateSchema, reason: z.string().min(1) }),
  example: {
    modelId: ids.camera,
    name: 'Camera an ninh xã Vũ Hội',
    typeCode: 'SECURITY_CAMERA',
    hostUnitId: ids.vuHoi,
    foundedOn: '2022-03-26',
    resumedOn: '2024-08-01',
    reason: 'Hệ thống camera đã sửa xong',
  },
});

/** `models.model.site-closed.v1` */
export const ModelSiteClosedV1 = defineEvent({
  type: 'models.model.site-closed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A site (điểm) of a model closed: from `closedOn` it no longer counts.',
  payload: z.object({
    modelId: z.uuid().describe('Model id; also the record key.'),
    siteId: z.uuid(),
    hostUnitId: z.uuid(),
    unitId: z.uuid().describe('The unit the site lies in.'),
    closedOn: CalendarDateSchema,
    reason: z.string().min(1),
  }),
  example: { modelId: ids.camera, siteId: ids.site, hostUnitId: ids.vuHoi, unitId: ids.vuHoi, closedOn: '2024-09-30', reason: 'Chợ di dời' },
});

/** `models.model.team-disbanded.v1` */
export const ModelTeamDisbandedV1 = defineEvent({
  type: 'models.model.team-disbanded',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A team (tổ) of a model was disbanded: from `disbandedOn` neither it nor its members count.',
  payload: z.object({
    modelId: z.uuid().describe('Model id; also the record key.'),
    teamId: z.uuid(),
    hostUnitId: z.uuid(),
    disbandedOn: CalendarDateSchema,
    reason: z.string().min(1),
  }),
  example: { modelId: ids.camera, teamId: ids.team, hostUnitId: ids.vuHoi, disbandedOn: '2024-10-15', reason: 'Sáp nhập vào tổ khác' },
});

/** `models.model.team-members-changed.v1` */
export const ModelTeamMembersChangedV1 = defineEvent({
  type: 'models.model.team-members-changed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    "A team's member count (from `effectiveOn`) and its named members were edited. No personal data: the names stay in the models service; the event carries counts only.",
  payload: z.object({
    modelId: z.uuid().describe('Model id; also the record key.'),
    teamId: z.uuid(),
    hostUnitId: z.uuid(),
    effectiveOn: CalendarDateSchema.describe('The new count holds from this date.'),
    memberCount: z.number().int().min(1),
    previousMemberCount: z.number().int().min(1),
    namedMembers: z.number().int().min(0).describe('How many members are recorded by name (never more than memberCount).'),
  }),
  example: { modelId: ids.camera, teamId: ids.team, hostUnitId: ids.vuHoi, effectiveOn: '2024-07-01', memberCount: 15, previousMemberCount: 12, namedMembers: 3 },
});

export const MODEL_EVENTS = [
  ModelCreatedV1,
  ModelReplicatedV1,
  ModelReviewedV1,
  ModelSuspendedV1,
  ModelResumedV1,
  ModelDissolvedV1,
  ModelTrainingHeldV1,
  ModelSiteClosedV1,
  ModelTeamDisbandedV1,
  ModelTeamMembersChangedV1,
] as const;
