import { z } from 'zod';

/** Kinds of organisational unit. */
export const UNIT_KINDS = [
  'PROVINCE',
  'DISTRICT',
  'COMMUNE',
  'RESIDENTIAL_AREA',
  'AGENCY',
  'ENTERPRISE',
  'SCHOOL',
  'DEPARTMENT',
  'SECURITY_TEAM',
] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS).describe('Kind of unit.');
export type UnitKind = z.output<typeof UnitKindSchema>;

export const ENTERPRISE_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
/** Commune-level subtypes: xã, phường, thị trấn (until 1 July 2025), đặc khu (special zone, from then). */
export const COMMUNE_TYPES = ['XA', 'PHUONG', 'THI_TRAN', 'DAC_KHU'] as const;
export const SCHOOL_LEVELS = [
  'NURSERY',
  'PRESCHOOL',
  'PRIMARY',
  'LOWER_SECONDARY',
  'UPPER_SECONDARY',
  'MULTI_LEVEL',
  'VOCATIONAL',
  'HIGHER_EDUCATION',
] as const;

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDateSchema = z.iso.date();

/** Attributes that decide Circular 124 scope and the counts later rules need; null when not applicable or unknown. */
export const UnitAttributesSchema = z.object({
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable().describe('Enterprise size class (enterprises only).'),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable().describe('School level (schools only).'),
  armedForces: z.boolean().nullable().describe('Whether an agency belongs to the armed forces (agencies only).'),
  residentHouseholds: z.int().min(0).nullable().describe('Resident households (residential areas, communes).'),
  staffCount: z.int().min(0).nullable().describe('Staff (agencies, enterprises, schools).'),
  communeType: z
    .enum(COMMUNE_TYPES)
    .nullable()
    .optional()
    .describe('Commune-level subtype (communes only): XA, PHUONG, THI_TRAN (until 2025-07-01), DAC_KHU (from then). Absent in events published before it existed.'),
}).describe('Attributes deciding Circular 124 scope, and counts; null where not applicable.');
export type UnitAttributes = z.output<typeof UnitAttributesSchema>;

/** One effective-dated version of a unit: valid from `validFrom` (inclusive) to `validTo` (exclusive; null = open). */
export const UnitVersionSchema = z.object({
  code: z
    .string()
    .min(1)
    .optional()
    .describe('The code the unit held during this version (a code can change; the payload\'s `code` is the latest). Absent in events published before codes were dated.'),
  validFrom: CalendarDateSchema.describe('First day this version holds.'),
  validTo: CalendarDateSchema.nullable().describe('First day it no longer holds; null while current.'),
  name: z.string().min(1).describe('Vietnamese name, e.g. "Xã Vũ Hội".'),
  parentId: z.uuid().nullable().describe('Parent unit id; null for the province.'),
  managingUnitId: z.uuid().nullable().describe('Managing unit of an agency, enterprise or school; null otherwise.'),
  attributes: UnitAttributesSchema,
});
export type UnitVersion = z.output<typeof UnitVersionSchema>;

/**
 * The unit's whole state, carried by every org-units event so that a consumer replaces what it holds when `revision`
 * is higher than its own.
 */
export function unitPayload<TChange extends z.ZodType>(change: TChange) {
  return z.object({
    unitId: z.uuid().describe('Unit id; also the record key.'),
    code: z.string().min(1).describe('Administrative or registry code.'),
    kind: UnitKindSchema,
    revision: z.int().min(1).describe('Increases by one with every change of the unit.'),
    effectiveDate: CalendarDateSchema.describe('Date the change takes effect.'),
    dissolvedOn: CalendarDateSchema.nullable().describe('Date the unit ceased to exist; null while it exists.'),
    change,
    timeline: z.array(UnitVersionSchema).min(1).describe('Every version of the unit, oldest first.'),
  });
}
