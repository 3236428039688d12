import { type UnitKind } from '@antt/contracts';

/** Who signs: a staff member, a pupil, a resident, or a household (its head signs for it). */
export type SignerKind = 'STAFF' | 'PUPIL' | 'RESIDENT' | 'HOUSEHOLD';
export const SIGNER_KINDS: readonly SignerKind[] = ['STAFF', 'PUPIL', 'RESIDENT', 'HOUSEHOLD'];

/** ACTIVE; ERASED: personal fields removed on request, the pledge still counted. */
export type PledgeStatus = 'ACTIVE' | 'ERASED';

/** How much of a pledge's personal data the caller sees. */
import { type PersonalDataAccess } from '@antt/service-kit';

export type { PersonalDataAccess };

/** A stored pledge, personal fields in clear only inside the domain (never in events or logs). */
export interface PledgeRecord {
  id: string;
  campaignId: string;
  rootCampaignId: string;
  unitId: string;
  unitKind: UnitKind;
  signerKind: SignerKind;
  signedOn: string;
  status: PledgeStatus;
  citizenIdEnc: string | null;
  fullName: string | null;
  phone: string | null;
  birthYear: number | null;
  householdCode: string | null;
  erasedAt: string | null;
}

/** A pledge as one caller may see it: personal fields full, masked or null by {@link PersonalDataAccess}. */
export interface PledgeView {
  id: string;
  campaignId: string;
  unitId: string;
  unitKind: UnitKind;
  signerKind: SignerKind;
  signedOn: string;
  status: PledgeStatus;
  access: PersonalDataAccess;
  fullName: string | null;
  phone: string | null;
  citizenId: string | null;
  birthYear: number | null;
  householdCode: string | null;
  erasedAt: string | null;
}

/** One row to import, as read from a CSV (column name → raw text) with its line number for the report. */
export interface PledgeRowInput {
  /** The row's number in the caller's file (CSV line), reported back with its rejection. */
  row: number;
  values: Readonly<Record<string, string | undefined>>;
}

export interface ImportPledgesCommand {
  campaignId: string;
  /** The CSV header as read, checked as a whole (null: rows come with the canonical columns, e.g. from the API). */
  columns: readonly string[] | null;
  rows: readonly PledgeRowInput[];
  /** Write the good rows and report the bad ones; default false: one bad row refuses the whole batch. */
  partial?: boolean | null;
}

export interface PledgeRejection {
  row: number;
  column: string | null;
  code: string;
  reason: string;
}

/** What one import batch did. */
export interface PledgeImportReportView {
  received: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  rejections: PledgeRejection[];
  /** Units whose counts changed, each with one coverage event. */
  unitsChanged: number;
}

export interface SignPledgeInput {
  campaignId: string;
  unitId: string;
  signerKind: SignerKind;
  fullName: string;
  birthYear?: number | null;
  citizenId?: string | null;
  phone?: string | null;
  householdCode?: string | null;
  signedOn?: string | null;
}

export interface ErasePledgeInput {
  pledgeId: string;
  reason: string;
}

/** Pledge counts of one unit in a campaign family. */
export interface PledgeCounts {
  staff: number;
  pupils: number;
  residents: number;
  households: number;
  erased: number;
}

/** A unit's coverage on a date: its pledges against org-units' counts as of that date. */
export interface PledgeCoverageView {
  campaignId: string;
  unitId: string;
  unitKind: UnitKind;
  asOf: string;
  /** Staff members and pupils who pledged (a school's staffCount as org-units publish it is its headcount). */
  pledgedStaff: number;
  staffCount: number | null;
  staffPercent: number | null;
  pledgedHouseholds: number;
  residentHouseholds: number | null;
  householdPercent: number | null;
  pledgedResidents: number;
  pledgedPupils: number;
  erased: number;
  includesBelow: boolean;
  units: number;
  residentialAreas: number;
  residentialAreasComplete: number;
}
