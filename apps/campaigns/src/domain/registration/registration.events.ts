import { type EventContract, RegistrationSubmittedV1, RegistrationWithdrawnV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type RegistrationView } from './registration.types';

/** `campaigns.registration.submitted.v1` */
export function registrationSubmitted(registration: RegistrationView, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: RegistrationSubmittedV1,
    aggregateId: registration.id,
    correlationId,
    data: {
      registrationId: registration.id,
      campaignId: registration.campaignId,
      unitId: registration.unitId,
      unitKind: registration.unitKind,
      forSafeStandard: registration.forSafeStandard,
      forClassification: registration.forClassification,
      registeredOn: registration.registeredOn,
      late: registration.late,
      submittedByUnitId: registration.submittedByUnitId,
    },
  };
}

/** `campaigns.registration.withdrawn.v1` */
export function registrationWithdrawn(registration: RegistrationView, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: RegistrationWithdrawnV1,
    aggregateId: registration.id,
    correlationId,
    data: {
      registrationId: registration.id,
      campaignId: registration.campaignId,
      unitId: registration.unitId,
      unitKind: registration.unitKind,
      withdrawnOn: registration.withdrawnOn as string,
      reason: registration.withdrawReason as string,
    },
  };
}
