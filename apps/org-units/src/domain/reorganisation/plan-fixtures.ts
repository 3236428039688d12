import { EMPTY_ATTRIBUTES } from '../unit/unit.types';
import { type SnapshotUnit } from './plan-engine';

/** A unit of a plan engine snapshot for the specs: its code is its id, named `Unit <id>`, alive since 2020-01-01, no later change. */
export function snapshotUnit(
  id: string,
  kind: SnapshotUnit['kind'],
  parentId: string | null,
  { managingUnitId = null, name = `Unit ${id}` }: { managingUnitId?: string | null; name?: string } = {},
): SnapshotUnit {
  return { id, code: id, kind, createdOn: '2020-01-01', name, parentId, managingUnitId, attributes: EMPTY_ATTRIBUTES, laterChanges: false };
}
