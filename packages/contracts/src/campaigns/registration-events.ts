import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';
import { CAMPAIGN_EXAMPLE_IDS as ids } from './examples';

const TOPIC = 'campaigns.registration';
const AGGREGATE = 'Registration';

const registration = {
  registrationId: z.uuid().describe('Registration id; also the record key.'),
  campaignId: z.uuid().describe('The campaign registered in.'),
  unitId: z.uuid().describe('The unit that registered.'),
  unitKind: UnitKindSchema,
};

/** `campaigns.registration.submitted.v1` */
export const RegistrationSubmittedV1 = defineEvent({
  type: 'campaigns.registration.submitted',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A unit registered to strive for the safe standard and/or for classification in a campaign (đăng ký phấn đấu), by ' +
    'itself or in bulk by its managing level; `late` when registered after the registration deadline for its kind.',
  payload: z.object({
    ...registration,
    forSafeStandard: z.boolean().describe('Registered for the safe standard (Circular 124).'),
    forClassification: z.boolean().describe('Registered for the movement classification (Decision 510).'),
    registeredOn: CalendarDateSchema.describe('Date of the registration.'),
    late: z.boolean().describe('Registered after the REGISTRATION deadline.'),
    submittedByUnitId: z.uuid().describe('The unit whose officer submitted it (the unit itself, or its managing level).'),
  }),
  example: {
    registrationId: ids.registration,
    campaignId: ids.vuThu2024,
    unitId: ids.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    forSafeStandard: true,
    forClassification: true,
    registeredOn: '2024-01-10',
    late: false,
    submittedByUnitId: ids.thonHoiThuong,
  },
});

/** `campaigns.registration.withdrawn.v1` */
export const RegistrationWithdrawnV1 = defineEvent({
  type: 'campaigns.registration.withdrawn',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A registration was withdrawn before the registration deadline, with a reason.',
  payload: z.object({
    ...registration,
    withdrawnOn: CalendarDateSchema.describe('Date of the withdrawal.'),
    reason: z.string().min(1).describe('Why.'),
  }),
  example: {
    registrationId: ids.registration,
    campaignId: ids.vuThu2024,
    unitId: ids.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    withdrawnOn: '2024-01-11',
    reason: 'Đăng ký nhầm đơn vị',
  },
});

/** Every registration event contract, in catalogue order. */
export const REGISTRATION_EVENTS = [RegistrationSubmittedV1, RegistrationWithdrawnV1] as const;
