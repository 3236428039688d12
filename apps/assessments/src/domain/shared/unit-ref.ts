/** A unit as this subgraph returns it: a reference the gateway resolves through org-units. */
export interface UnitRef {
  id: string;
}
