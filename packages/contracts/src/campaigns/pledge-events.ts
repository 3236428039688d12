import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema, UnitKindSchema } from '../org-units/unit-state';
import { CAMPAIGN_EXAMPLE_IDS as ids } from './examples';

const count = (what: string) => z.int().min(0).describe(what);

/** `campaigns.pledge-coverage.changed.v1` */
export const PledgeCoverageChangedV1 = defineEvent({
  type: 'campaigns.pledge-coverage.changed',
  version: 1,
  topic: 'campaigns.pledge-coverage',
  aggregateType: 'UnitPledgeCoverage',
  description:
    "A unit's pledge counts in a campaign family changed: one event per unit per committed import batch or signature, " +
    'carrying the new totals (erased pledges still count) and the org-units counts they are measured against. Never any ' +
    'personal data: no names, phones, citizen IDs or hashes.',
  payload: z.object({
    campaignId: z.uuid().describe('The top campaign of the family the pledges count in.'),
    unitId: z.uuid().describe('The unit; also the record key.'),
    unitKind: UnitKindSchema,
    pledgedStaff: count('Staff members and pupils who pledged (compared with staffCount).'),
    pledgedPupils: count('Of pledgedStaff, pupils.'),
    pledgedResidents: count('Residents who pledged individually.'),
    pledgedHouseholds: count('Households that pledged (compared with residentHouseholds; R5 needs all).'),
    erased: count('Pledges whose personal data was erased on request (still counted above).'),
    added: count('Pledges this change added.'),
    staffCount: z.int().min(0).nullable().describe('org-units staffCount of the unit on countedOn; null when not published.'),
    residentHouseholds: z.int().min(0).nullable().describe('org-units residentHouseholds of the unit on countedOn; null when not published.'),
    countedOn: CalendarDateSchema.describe('The date the org-units counts were read for (today, clamped into the campaign period).'),
  }),
  example: {
    campaignId: ids.thaiBinh2024,
    unitId: ids.thonHoiThuong,
    unitKind: 'RESIDENTIAL_AREA',
    pledgedStaff: 0,
    pledgedPupils: 0,
    pledgedResidents: 12,
    pledgedHouseholds: 398,
    erased: 1,
    added: 250,
    staffCount: null,
    residentHouseholds: 412,
    countedOn: '2024-02-15',
  },
});

/** Every pledge event contract, in catalogue order. */
export const PLEDGE_EVENTS = [PledgeCoverageChangedV1] as const;
