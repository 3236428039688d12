import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema } from '../org-units/unit-state';

/**
 * Contracts of the awards service (issue 9): the workflow of nominations for an award. Collectives only carry unit ids;
 * no event ever carries a nominee's personal data. Keyed by nomination id.
 */
const TOPIC = 'awards.nomination';
const AGGREGATE = 'Nomination';

/** Who a nomination is for. */
export const RECIPIENT_KINDS = ['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'] as const;

const ids = {
  nomination: '5b0c7d3e-2f4a-4c11-9a51-3e7b2a9c0d41',
  campaign: 'a0f3d027-d4fc-40b2-97a4-f3bf2a3b4c11',
  unit: '0b7d8f1e-7a43-4a57-a7ef-1c2c6f0b1a22',
  nominator: '6f1e9b2d-3c55-4e8a-9d7f-2a4b6c8e0f13',
};

const nomination = {
  nominationId: z.uuid().describe('Nomination id; also the record key.'),
  campaignId: z.uuid().describe('The campaign (award season) the nomination belongs to.'),
  formCode: z.string().min(1).max(60).describe('Award form of the catalogue, e.g. CERTIFICATE_OF_MERIT.'),
  recipientKind: z.enum(RECIPIENT_KINDS).describe('COLLECTIVE (a unit), HOUSEHOLD or INDIVIDUAL.'),
  unitId: z.uuid().describe('The unit nominated, or the unit of the nominated household or person.'),
  nominatingUnitId: z.uuid().describe('The level that nominated.'),
  revision: z.int().min(1).describe('Grows with every move of the nomination.'),
};

const failedCondition = z.object({
  name: z.string().min(1).describe('Name of the eligibility condition that failed, e.g. "classification ≥ GOOD".'),
  fact: z.string().min(1).describe('The fact it was evaluated on, e.g. classification.'),
  actual: z.string().nullable().describe('The value of the fact (null when the fact is absent).'),
});

const example = { nominationId: ids.nomination, campaignId: ids.campaign, formCode: 'CERTIFICATE_OF_MERIT', recipientKind: 'COLLECTIVE', unitId: ids.unit, nominatingUnitId: ids.nominator, revision: 2 } as const;

/** `awards.nomination.submitted.v1` */
export const NominationSubmittedV1 = defineEvent({
  type: 'awards.nomination.submitted',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The nominating level submitted a complete dossier (R27); carries the eligibility evaluated at submission (R23).',
  payload: z.object({
    ...nomination,
    submittedOn: CalendarDateSchema.describe('Date of the submission.'),
    eligible: z.boolean().describe('Whether every condition of the scheme held at submission.'),
    failedConditions: z.array(failedCondition).describe('Every failed condition by name, with the fact that failed it.'),
  }),
  example: { ...example, submittedOn: '2024-12-10', eligible: true, failedConditions: [] },
});

/** `awards.nomination.returned.v1` */
export const NominationReturnedV1 = defineEvent({
  type: 'awards.nomination.returned',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The nomination was returned to the nominating level, with a reason (R30).',
  payload: z.object({ ...nomination, returnedOn: CalendarDateSchema, reason: z.string().min(1).max(1000).describe('Why (no personal data).') }),
  example: { ...example, returnedOn: '2024-12-12', reason: 'Thiếu biên bản họp hội đồng' },
});

/** `awards.nomination.appraised.v1` */
export const NominationAppraisedV1 = defineEvent({
  type: 'awards.nomination.appraised',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: "The emulation-reward board of Home Affairs appraised the nomination: eligible or not, with a reason.",
  payload: z.object({ ...nomination, appraisedOn: CalendarDateSchema, eligible: z.boolean(), reason: z.string().min(1).max(1000).nullable() }),
  example: { ...example, appraisedOn: '2024-12-15', eligible: true, reason: null },
});

/** `awards.nomination.decided.v1` */
export const NominationDecidedV1 = defineEvent({
  type: 'awards.nomination.decided',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The competent authority decided the award (the quota place was taken atomically); the award exists from now on.',
  payload: z.object({
    ...nomination,
    decisionNumber: z.string().min(1).max(100).describe('Number of the decision, e.g. "3012/QĐ-UBND".'),
    decidedOn: CalendarDateSchema,
    authority: z.string().min(1).max(300).describe('The deciding authority, e.g. "Chủ tịch Ủy ban nhân dân tỉnh".'),
  }),
  example: { ...example, decisionNumber: '3012/QĐ-UBND', decidedOn: '2024-12-28', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' },
});

/** `awards.nomination.rejected.v1` */
export const NominationRejectedV1 = defineEvent({
  type: 'awards.nomination.rejected',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'The nomination was rejected for good, with a reason (ineligible at decision, no quota left, or by the council).',
  payload: z.object({ ...nomination, rejectedOn: CalendarDateSchema, reason: z.string().min(1).max(1000), failedConditions: z.array(failedCondition) }),
  example: { ...example, rejectedOn: '2024-12-28', reason: 'Không đạt điều kiện khi quyết định', failedConditions: [{ name: 'classification ≥ GOOD', fact: 'classification', actual: 'AVERAGE' }] },
});

/** `awards.award.revoked.v1` */
export const AwardRevokedV1 = defineEvent({
  type: 'awards.award.revoked',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A decided award was revoked (R26): by a revocation decision, or by cascade because the award relied on a revoked one ' +
    '(`cascadedFromNominationId`). Flags whether the artifact and the bonus are to be recovered.',
  payload: z.object({
    ...nomination,
    revokedOn: CalendarDateSchema.describe('Date the revocation takes effect.'),
    revocationDecision: z.string().min(1).max(100).describe('Number of the revocation decision (the cascade carries the original one).'),
    reason: z.string().min(1).max(1000).describe('Why (no personal data).'),
    recoverArtifact: z.boolean().describe('The certificate or flag is to be recovered.'),
    recoverMoney: z.boolean().describe('The bonus paid is to be recovered.'),
    cascadedFromNominationId: z.uuid().nullable().describe('The revoked award this one depended on; null for the award revoked by the decision.'),
  }),
  example: {
    ...example,
    revision: 3,
    revokedOn: '2025-03-01',
    revocationDecision: '45/QĐ-UBND',
    reason: 'Kê khai thành tích không trung thực',
    recoverArtifact: true,
    recoverMoney: true,
    cascadedFromNominationId: null,
  },
});

/** Every awards event contract, in catalogue order. */
export const NOMINATION_EVENTS = [NominationSubmittedV1, NominationReturnedV1, NominationAppraisedV1, NominationDecidedV1, NominationRejectedV1, AwardRevokedV1] as const;
