import {
  AwardRevokedV1,
  type EventContract,
  NominationAppraisedV1,
  NominationDecidedV1,
  NominationRejectedV1,
  NominationReturnedV1,
  NominationSubmittedV1,
} from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type FailedCondition } from '../scheme';
import { type NominationView } from './nomination.types';

// Unit ids, codes and dates only: no nominee's personal data ever goes into an event.
const base = (n: NominationView) => ({
  nominationId: n.id,
  campaignId: n.campaignId,
  formCode: n.formCode,
  recipientKind: n.recipientKind,
  unitId: n.unitId,
  nominatingUnitId: n.nominatingUnitId,
  revision: n.revision,
});
const event = (contract: EventContract, n: NominationView, data: Record<string, unknown>, correlationId: string | undefined): NewEvent<EventContract> => ({
  contract,
  aggregateId: n.id,
  correlationId,
  data: { ...base(n), ...data } as never,
});

export const nominationEvents = {
  submitted: (n: NominationView, on: string, correlationId: string | undefined) =>
    event(NominationSubmittedV1, n, { submittedOn: on, eligible: n.eligibility?.eligible ?? false, failedConditions: n.eligibility?.failed ?? [] }, correlationId),
  returned: (n: NominationView, on: string, reason: string, correlationId: string | undefined) => event(NominationReturnedV1, n, { returnedOn: on, reason }, correlationId),
  appraised: (n: NominationView, on: string, correlationId: string | undefined) =>
    event(NominationAppraisedV1, n, { appraisedOn: on, eligible: n.appraisalEligible, reason: n.appraisalReason }, correlationId),
  decided: (n: NominationView, correlationId: string | undefined) =>
    event(NominationDecidedV1, n, { decisionNumber: n.decisionNumber, decidedOn: n.decidedOn, authority: n.decidingAuthority }, correlationId),
  rejected: (n: NominationView, on: string, reason: string, failed: readonly FailedCondition[], correlationId: string | undefined) =>
    event(NominationRejectedV1, n, { rejectedOn: on, reason, failedConditions: failed }, correlationId),
  revoked: (n: NominationView, cascadedFrom: string | null, correlationId: string | undefined) =>
    event(
      AwardRevokedV1,
      n,
      {
        revokedOn: n.revokedOn,
        revocationDecision: n.revocationDecision,
        reason: n.revocationReason,
        recoverArtifact: n.recoverArtifact,
        recoverMoney: n.recoverMoney,
        cascadedFromNominationId: cascadedFrom,
      },
      correlationId,
    ),
};
