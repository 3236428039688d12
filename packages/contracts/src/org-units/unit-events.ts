import { z } from 'zod';
import { defineEvent } from '../define-event';
import { EXAMPLE_IDS as ids, NO_ATTRIBUTES } from './examples';
import { CalendarDateSchema, unitPayload } from './unit-state';

const TOPIC = 'org-units.unit';
const AGGREGATE = 'Unit';

/** Fields an `updated` event can report as changed. */
export const UNIT_UPDATABLE_FIELDS = [
  'code',
  'managingUnitId',
  'enterpriseSize',
  'schoolLevel',
  'armedForces',
  'residentHouseholds',
  'staffCount',
  'communeType',
] as const;

/** `org-units.unit.created.v1` */
export const UnitCreatedV1 = defineEvent({
  type: 'org-units.unit.created',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A unit was created (by a user, the bulk import, or as the result of a merge or split), effective on `effectiveDate`.',
  payload: unitPayload(z.object({}).describe('No change details: the timeline holds the first version.')),
  example: {
    unitId: ids.thonHoiThuong,
    code: 'TB-VT-VH-01',
    kind: 'RESIDENTIAL_AREA',
    revision: 1,
    effectiveDate: '2019-01-01',
    dissolvedOn: null,
    change: {},
    timeline: [
      {
        validFrom: '2019-01-01',
        validTo: null,
        name: 'Thôn Hội Thượng',
        parentId: ids.vuHoi,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 412 },
      },
    ],
  },
});

/** `org-units.unit.renamed.v1` */
export const UnitRenamedV1 = defineEvent({
  type: 'org-units.unit.renamed',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A unit took a new name from `effectiveDate`; a new timeline version starts that day.',
  payload: unitPayload(
    z.object({
      previousName: z.string().min(1).describe('Name before the change.'),
      name: z.string().min(1).describe('Name from the effective date.'),
    }),
  ),
  example: {
    unitId: ids.kienXuong,
    code: '345',
    kind: 'DISTRICT',
    revision: 4,
    effectiveDate: '2020-04-01',
    dissolvedOn: null,
    change: { previousName: 'Huyện Kiến Xương', name: 'Thị xã Kiến Xương' },
    timeline: [
      {
        validFrom: '1969-06-17',
        validTo: '2020-04-01',
        name: 'Huyện Kiến Xương',
        parentId: ids.province,
        managingUnitId: null,
        attributes: NO_ATTRIBUTES,
      },
      {
        validFrom: '2020-04-01',
        validTo: null,
        name: 'Thị xã Kiến Xương',
        parentId: ids.province,
        managingUnitId: null,
        attributes: NO_ATTRIBUTES,
      },
    ],
  },
});

/** `org-units.unit.moved.v1` */
export const UnitMovedV1 = defineEvent({
  type: 'org-units.unit.moved',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A unit was placed under another parent from `effectiveDate` (its descendants move with it).',
  payload: unitPayload(
    z.object({
      fromParentId: z.uuid().nullable().describe('Parent before the change.'),
      toParentId: z.uuid().nullable().describe('Parent from the effective date.'),
    }),
  ),
  example: {
    unitId: ids.thonHoiHa,
    code: 'TB-VT-VH-02',
    kind: 'RESIDENTIAL_AREA',
    revision: 2,
    effectiveDate: '2023-07-01',
    dissolvedOn: null,
    change: { fromParentId: ids.vuHoi, toParentId: ids.vuVinh },
    timeline: [
      {
        validFrom: '2019-01-01',
        validTo: '2023-07-01',
        name: 'Thôn Hội Hạ',
        parentId: ids.vuHoi,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 356 },
      },
      {
        validFrom: '2023-07-01',
        validTo: null,
        name: 'Thôn Hội Hạ',
        parentId: ids.vuVinh,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 356 },
      },
    ],
  },
});

/** `org-units.unit.updated.v1` */
export const UnitUpdatedV1 = defineEvent({
  type: 'org-units.unit.updated',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'Attributes of a unit changed from `effectiveDate` (code, managing unit, enterprise size, school level, armed-forces ' +
    'flag, resident households, staff count).',
  payload: unitPayload(
    z.object({
      changedFields: z.array(z.enum(UNIT_UPDATABLE_FIELDS)).min(1).describe('Fields whose value changed.'),
    }),
  ),
  example: {
    unitId: ids.mayThaiBinh,
    code: '1000214587',
    kind: 'ENTERPRISE',
    revision: 3,
    effectiveDate: '2024-01-01',
    dissolvedOn: null,
    change: { changedFields: ['enterpriseSize', 'staffCount'] },
    timeline: [
      {
        validFrom: '2015-03-10',
        validTo: '2024-01-01',
        name: 'Công ty Cổ phần May Thái Bình',
        parentId: ids.vuHoi,
        managingUnitId: ids.vuHoi,
        attributes: { ...NO_ATTRIBUTES, enterpriseSize: 'SMALL', staffCount: 85 },
      },
      {
        validFrom: '2024-01-01',
        validTo: null,
        name: 'Công ty Cổ phần May Thái Bình',
        parentId: ids.vuHoi,
        managingUnitId: ids.vuHoi,
        attributes: { ...NO_ATTRIBUTES, enterpriseSize: 'MEDIUM', staffCount: 240 },
      },
    ],
  },
});

/** `org-units.unit.merged.v1` */
export const UnitMergedV1 = defineEvent({
  type: 'org-units.unit.merged',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'This unit was absorbed into another (`change.intoUnitId`) on `effectiveDate`; it is dissolved that day and its ' +
    'lineage points to the surviving unit. One event per absorbed unit.',
  payload: unitPayload(z.object({ intoUnitId: z.uuid().describe('The unit that absorbed this one.') })),
  example: {
    unitId: ids.vuVinh,
    code: '12676',
    kind: 'COMMUNE',
    revision: 5,
    effectiveDate: '2025-07-01',
    dissolvedOn: '2025-07-01',
    change: { intoUnitId: ids.vuHoi },
    timeline: [
      {
        validFrom: '1999-01-01',
        validTo: '2025-07-01',
        name: 'Xã Vũ Vinh',
        parentId: ids.vuThu,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 2130 },
      },
    ],
  },
});

/** `org-units.unit.split.v1` */
export const UnitSplitV1 = defineEvent({
  type: 'org-units.unit.split',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'This unit was split into others (`change.intoUnitIds`, each announced by its own `created` event) on ' +
    '`effectiveDate`; it is dissolved that day.',
  payload: unitPayload(
    z.object({ intoUnitIds: z.array(z.uuid()).min(1).describe('Units that took over its territory or staff.') }),
  ),
  example: {
    unitId: ids.vuHoi,
    code: '12670',
    kind: 'COMMUNE',
    revision: 7,
    effectiveDate: '2026-01-01',
    dissolvedOn: '2026-01-01',
    change: { intoUnitIds: [ids.thonHoiThuong, ids.thonHoiHa] },
    timeline: [
      {
        validFrom: '1999-01-01',
        validTo: '2026-01-01',
        name: 'Xã Vũ Hội',
        parentId: ids.vuThu,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 2874 },
      },
    ],
  },
});

/** `org-units.unit.dissolved.v1` */
export const UnitDissolvedV1 = defineEvent({
  type: 'org-units.unit.dissolved',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description: 'A unit ceased to exist on `effectiveDate` without a successor (an enterprise closed, a team disbanded).',
  payload: unitPayload(z.object({ reason: z.string().min(1).describe('Why, in Vietnamese or English.') })),
  example: {
    unitId: ids.congAnVuThu,
    code: 'CA-VT-ANTT-03',
    kind: 'SECURITY_TEAM',
    revision: 2,
    effectiveDate: '2024-12-31',
    dissolvedOn: '2024-12-31',
    change: { reason: 'Giải thể tổ bảo vệ an ninh trật tự theo Nghị quyết của HĐND xã' },
    timeline: [
      {
        validFrom: '2022-05-15',
        validTo: '2024-12-31',
        name: 'Tổ bảo vệ an ninh, trật tự thôn Hội Thượng',
        parentId: ids.thonHoiThuong,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, staffCount: 6 },
      },
    ],
  },
});

/** `org-units.unit.corrected.v1` */
export const UnitCorrectedV1 = defineEvent({
  type: 'org-units.unit.corrected',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'History was rewritten by an explicit correction (a wrong date, name or parent in the past). Replace the whole ' +
    'timeline you hold; reports already issued for the affected dates may differ.',
  payload: unitPayload(z.object({ reason: z.string().min(1).describe('Why the history was corrected.') })),
  example: {
    unitId: ids.thptVuThu,
    code: '34000315',
    kind: 'SCHOOL',
    revision: 3,
    effectiveDate: '2010-09-05',
    dissolvedOn: null,
    change: { reason: 'Sửa ngày thành lập theo quyết định số 1123/QĐ-UBND' },
    timeline: [
      {
        validFrom: '2010-09-05',
        validTo: null,
        name: 'Trường THPT Vũ Tiên',
        parentId: ids.vuThu,
        managingUnitId: ids.province,
        attributes: { ...NO_ATTRIBUTES, schoolLevel: 'UPPER_SECONDARY', staffCount: 96 },
      },
    ],
  },
});

/** What a reorganisation plan did to one unit. */
export const REORGANISATION_CHANGES = ['created', 'renamed', 'recoded', 'moved', 'updated', 'merged', 'split', 'transferred', 'reclassified', 'dissolved', 'rehomed'] as const;

/** A lineage hop's share: whole or in part (org-units' `LineageShare`). */
export const LINEAGE_SHARES = ['WHOLE', 'PARTIAL'] as const;
/** What made a lineage hop (org-units' `LineageEventKind`). */
export const LINEAGE_EVENTS = ['MERGE', 'SPLIT', 'TRANSFER', 'RECLASSIFY'] as const;
/** One unit a reorganised unit went into, as `change.successors` of `org-units.unit.reorganised` carries it. */
export interface LineageSuccessor {
  unitId: string;
  share: (typeof LINEAGE_SHARES)[number];
  event: (typeof LINEAGE_EVENTS)[number];
}

/** `org-units.unit.reorganised.v1` */
export const UnitReorganisedV1 = defineEvent({
  type: 'org-units.unit.reorganised',
  version: 1,
  topic: TOPIC,
  aggregateType: AGGREGATE,
  description:
    'A reorganisation plan (a whole administrative reform on one date, e.g. 1 July 2025) changed the unit: one event per ' +
    'unit for the whole plan, listing what happened to it. The plan applies atomically, so every unit it touched has ' +
    'such an event with the same `planId`; replace the timeline you hold. No longer published: a plan now publishes ' +
    '`org-units.plan.applied`, whose `units` are this payload, a few hundred units per event. Keep handling it: the ' +
    'events published before stay in the topic and are read again by a replay.',
  payload: unitPayload(
    z.object({
      planId: z.uuid().describe('The reorganisation plan.'),
      planName: z.string().min(1).describe('Its name.'),
      legalBasis: z.string().min(1).describe('The resolution and its number.'),
      changes: z.array(z.enum(REORGANISATION_CHANGES)).min(1).describe('What happened to this unit, in plan order.'),
      successorIds: z.array(z.uuid()).describe('Units it went into (merged, split, reclassified, transferred in part).'),
      successors: z
        .array(
          z.object({
            unitId: z.uuid().describe('A unit of `successorIds`, in the same order.'),
            share: z.enum(LINEAGE_SHARES).describe('WHOLE: the unit went into it whole (it ends here); PARTIAL: only a part did.'),
            event: z.enum(LINEAGE_EVENTS).describe('What made the hop: a merge, a split, a transfer of part, a change of kind.'),
          }),
        )
        .optional()
        .describe(
          'The lineage of each successor, as org-units records it. Absent in events published before it was added: infer it ' +
            'from `changes` then (a unit dissolved by its last change, merged or reclassified, went WHOLE into the last successor).',
        ),
    }),
  ),
  example: {
    unitId: ids.vuHoi,
    code: '12670',
    kind: 'COMMUNE',
    revision: 5,
    effectiveDate: '2025-07-01',
    dissolvedOn: '2025-07-01',
    change: {
      planId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      planName: 'Sắp xếp đơn vị hành chính cấp xã tỉnh Hưng Yên năm 2025',
      legalBasis: 'Nghị quyết 1666/NQ-UBTVQH15',
      changes: ['merged'],
      successorIds: [ids.vuVinh],
      successors: [{ unitId: ids.vuVinh, share: 'WHOLE', event: 'MERGE' }],
    },
    timeline: [
      {
        validFrom: '2019-01-01',
        validTo: '2025-07-01',
        name: 'Xã Vũ Hội',
        parentId: ids.vuThu,
        managingUnitId: null,
        attributes: { ...NO_ATTRIBUTES, residentHouseholds: 2874 },
      },
    ],
  },
});

/** Most units one `org-units.plan.applied` event carries (org-units also keeps each event's JSON under 256 KiB). */
export const PLAN_APPLIED_MAX_UNITS = 500;

/** `org-units.plan.applied.v1` */
export const PlanAppliedV1 = defineEvent({
  type: 'org-units.plan.applied',
  version: 1,
  topic: TOPIC,
  aggregateType: 'ReorganisationPlan',
  description:
    'A reorganisation plan was applied: the new states of the units it changed, in parts of at most 500 units and 256 KiB ' +
    '(a national reform changes about 100,000 units: a few hundred events rather than one per unit). Each element of `units` is exactly the payload of ' +
    '`org-units.unit.reorganised.v1` for one unit, which this event replaces (org-units no longer publishes that one): ' +
    'replace the timeline you hold for each. The parts share the plan id as their key (one partition, in order) and ' +
    'together name every unit the plan touched once. A later event of a unit may reach you before its part (it is keyed ' +
    'by the unit): keep the highest `revision` per unit, as for every org-units event.',
  payload: z.object({
    planId: z.uuid().describe('The reorganisation plan; also the record key.'),
    planName: z.string().min(1).describe('Its name.'),
    legalBasis: z.string().min(1).describe('The resolution and its number.'),
    effectiveDate: CalendarDateSchema.describe('The date the plan takes effect.'),
    part: z.int().min(1).describe('This part, from 1, in the order published.'),
    unitCount: z.int().min(1).describe('Units the whole plan changed: the parts are all in once their `units` add up to it.'),
    units: z
      .array(UnitReorganisedV1.payload)
      .min(1)
      .max(PLAN_APPLIED_MAX_UNITS)
      .describe('The units of this part, each as `org-units.unit.reorganised.v1` carries it.'),
  }),
  example: {
    planId: UnitReorganisedV1.example.change.planId,
    planName: UnitReorganisedV1.example.change.planName,
    legalBasis: UnitReorganisedV1.example.change.legalBasis,
    effectiveDate: '2025-07-01',
    part: 1,
    unitCount: 1,
    units: [UnitReorganisedV1.example],
  },
});

/** Every org-units event contract, in catalogue order. */
export const ORG_UNITS_EVENTS = [
  UnitCreatedV1,
  UnitRenamedV1,
  UnitMovedV1,
  UnitUpdatedV1,
  UnitMergedV1,
  UnitSplitV1,
  UnitDissolvedV1,
  UnitCorrectedV1,
  UnitReorganisedV1,
  PlanAppliedV1,
] as const;

/** Payload of any org-units event about one unit (every type but `org-units.plan.applied`). */
export type UnitEventPayload = z.output<Exclude<(typeof ORG_UNITS_EVENTS)[number], typeof PlanAppliedV1>['payload']>;
