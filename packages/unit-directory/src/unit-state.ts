/** The attributes of a unit version the directory keeps (org-units' `UnitAttributes`); null when unknown. */
export interface DirectoryAttributes {
  enterpriseSize?: string | null;
  schoolLevel?: string | null;
  armedForces?: boolean | null;
  residentHouseholds?: number | null;
  staffCount?: number | null;
}

/** What an org-units event says about a unit: its whole effective-dated state at `revision`. */
export interface UnitState {
  unitId: string;
  code: string;
  kind: string;
  revision: number;
  dissolvedOn: string | null;
  /** The date the event's change takes effect (every org-units event carries it; absent in hand-made states). */
  effectiveDate?: string;
  /** The event's `change` (merged: `intoUnitId`, split: `intoUnitIds`, reorganised: `successorIds`): where lineage is read. */
  change?: unknown;
  /** `code` is the latest; each version carries the code of its period (absent in states published before codes were dated). */
  timeline: ReadonlyArray<{
    code?: string;
    validFrom: string;
    validTo: string | null;
    name: string;
    parentId: string | null;
    managingUnitId: string | null;
    /** Absent in states recorded before the directory kept attributes. */
    attributes?: DirectoryAttributes;
  }>;
}
