import { type UnitKind } from './unit.types';

/** Restricts a read to `rootId`'s subtree (the caller's jurisdiction, or the unit whose descendants are asked for). */
export interface SubtreeScope {
  rootId: string;
  includeRoot: boolean;
}

export interface UnitListFilter {
  asOf: string;
  kinds?: readonly UnitKind[] | null;
  parentId?: string | null;
  /** Folded words the name must contain. */
  nameTerms?: readonly string[] | null;
  /** Leave out armed-forces units (the read policy keeps them from CITIZEN and EXTERNAL_READER one by one). */
  hideArmedForces?: boolean;
}
