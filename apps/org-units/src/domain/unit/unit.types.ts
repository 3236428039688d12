import { type COMMUNE_TYPES, type ENTERPRISE_SIZES, type LINEAGE_EVENTS, type LINEAGE_SHARES, type SCHOOL_LEVELS, type UnitKind } from '@antt/contracts';
import { type CalendarDate } from '../shared/calendar-date';

export type { UnitKind } from '@antt/contracts';
export { UNIT_KINDS } from '@antt/contracts';
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export type CommuneType = (typeof COMMUNE_TYPES)[number];

export interface UnitAttributes {
  enterpriseSize: EnterpriseSize | null;
  schoolLevel: SchoolLevel | null;
  armedForces: boolean | null;
  residentHouseholds: number | null;
  staffCount: number | null;
  /** xã, phường, thị trấn, đặc khu: communes only. */
  communeType: CommuneType | null;
}

export const EMPTY_ATTRIBUTES: UnitAttributes = {
  enterpriseSize: null,
  schoolLevel: null,
  armedForces: null,
  residentHouseholds: null,
  staffCount: null,
  communeType: null,
};

/** What a unit looks like during one period. */
export interface UnitState {
  /** The code the unit holds during the period; no two units hold one code on the same date. */
  code: string;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
  attributes: UnitAttributes;
}

/** One effective-dated version: [validFrom, validTo), validTo null = open. */
export interface UnitVersion extends UnitState {
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
}

/** A unit with its whole history, oldest version first. */
export interface UnitRecord {
  id: string;
  /** The code of the latest version (a version holds the code of its period). */
  code: string;
  kind: UnitKind;
  createdOn: CalendarDate;
  dissolvedOn: CalendarDate | null;
  revision: number;
  timeline: UnitVersion[];
}

/** A unit seen on one date: the version that held then. This is what GraphQL `Unit` maps to. */
export interface UnitView extends Omit<UnitRecord, 'timeline'> {
  /** The date this view describes; nested fields (children, descendants, …) default to it. */
  asOf: CalendarDate;
  version: UnitVersion;
}

/** What made a lineage edge (the values of the `LineageEventKind` enum; published in `reorganised` events' `successors`). */
export type LineageEventKind = (typeof LINEAGE_EVENTS)[number];
/** Whether the predecessor went into the successor whole or only in part. */
export type LineageShare = (typeof LINEAGE_SHARES)[number];

export interface LineageLink {
  event: LineageEventKind;
  share: LineageShare;
  effectiveDate: CalendarDate;
  unitId: string;
}

/** A unit reached through lineage over one or more generations, with the date of the last hop and the share all the way. */
export interface LineageRelative {
  unitId: string;
  /** PARTIAL when any hop on the way was partial. */
  share: LineageShare;
  /** Lineage hops between the two units. */
  generations: number;
  /** Date of the hop nearest the unit asked about. */
  effectiveDate: CalendarDate;
}

export interface UnitLineage {
  predecessors: LineageLink[];
  successors: LineageLink[];
}

/** A Relay-style page of units, queried only for what is asked: each function queries on its first call only. */
export interface UnitPage {
  /** The units of the page and whether more follow. */
  rows: () => Promise<{ nodes: UnitView[]; hasNextPage: boolean }>;
  /** Counts every unit the page was cut from. */
  totalCount: () => Promise<number>;
}

export interface PageRequest {
  first: number;
  /** Code of the last unit of the previous page (units are ordered by code). */
  afterCode: string | null;
}

/** Explicit permission to rewrite history, with the reason that will be recorded and published. */
export interface Correction {
  reason: string;
}
