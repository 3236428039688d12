import { type UnitKind } from '@antt/contracts';

export type RegistrationStatus = 'SUBMITTED' | 'WITHDRAWN';
export type RegistrationState = 'REGISTERED' | 'LATE' | 'MISSING' | 'OVERDUE' | 'WITHDRAWN';

export interface RegistrationView {
  id: string;
  campaignId: string;
  rootCampaignId: string;
  unitId: string;
  unitKind: UnitKind;
  forSafeStandard: boolean;
  forClassification: boolean;
  registeredOn: string;
  late: boolean;
  status: RegistrationStatus;
  submittedByUnitId: string;
  withdrawnOn: string | null;
  withdrawReason: string | null;
}

export interface RegistrationRowView {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  state: RegistrationState;
  registration: RegistrationView | null;
}

export interface RegistrationKindCount {
  kind: UnitKind;
  expected: number;
  registered: number;
  late: number;
  missing: number;
}

export interface RegistrationSummaryView {
  unitId: string;
  asOf: string;
  deadline: string | null;
  expected: number;
  registered: number;
  late: number;
  missing: number;
  percent: number;
  byKind: RegistrationKindCount[];
  allRows: RegistrationRowView[];
}

export interface RegisterItem {
  unitId: string;
  forSafeStandard: boolean;
  forClassification: boolean;
}

export interface RegisterUnitInput extends RegisterItem {
  campaignId: string;
  registeredOn?: string | null;
}

export interface RegisterUnitsInput {
  campaignId: string;
  units: readonly RegisterItem[];
  registeredOn?: string | null;
}

export interface WithdrawRegistrationInput {
  campaignId: string;
  unitId: string;
  reason: string;
}
