/** What an org-units event says about a unit: its whole effective-dated state at `revision`. */
export interface UnitState {
  unitId: string;
  code: string;
  kind: string;
  revision: number;
  dissolvedOn: string | null;
  timeline: ReadonlyArray<{
    validFrom: string;
    validTo: string | null;
    name: string;
    parentId: string | null;
    managingUnitId: string | null;
  }>;
}
