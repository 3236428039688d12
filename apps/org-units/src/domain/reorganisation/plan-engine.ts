import { DomainError } from '@antt/service-kit';
import { assertManagingKind, assertParentKind, defaultsManagingUnitToParent } from '../unit/parent-rules';
import { assertAttributesInForce, patchAttributes } from '../unit/unit-attributes';
import { EMPTY_ATTRIBUTES, type UnitAttributes, type UnitKind } from '../unit/unit.types';
import { type PlacementCount, type PlanError, type PlanOperation, type PlanReport, type PlannedLineage, type UnitRef } from './plan.types';

/** A unit alive on the plan's date, as it stands that day before the plan. */
export interface SnapshotUnit {
  id: string;
  code: string;
  kind: UnitKind;
  createdOn: string;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
  attributes: UnitAttributes;
  /** The unit has versions starting after the plan's date. */
  laterChanges: boolean;
}

/**
 * The tree on the plan's date and the codes some unit holds in a period starting after it. A code is free for a unit
 * created or recoded by the plan when no unit holds it on the date at that point of the plan (the units the plan has
 * dissolved so far hold none) and none holds it later.
 */
export interface TreeSnapshot {
  date: string;
  units: readonly SnapshotUnit[];
  codesHeldLater: ReadonlySet<string>;
}

/** A unit as the plan leaves it on its date. */
export interface WorkNode extends SnapshotUnit {
  alive: boolean;
  isNew: boolean;
}

/** What happened to one unit, for its event and audit row. */
export type NodeChange = 'created' | 'renamed' | 'recoded' | 'moved' | 'updated' | 'merged' | 'split' | 'transferred' | 'reclassified' | 'dissolved' | 'rehomed';

export interface EngineResult {
  errors: PlanError[];
  /** Units the plan changes or creates, in the order it first touched them. */
  touched: WorkNode[];
  changes: ReadonlyMap<string, NodeChange[]>;
  successors: ReadonlyMap<string, string[]>;
  lineage: PlannedLineage[];
  /** Units the plan dissolves: their dependents on the date are re-checked against the database when applying. */
  dissolvedIds: string[];
  report: PlanReport;
}

const MAX_ERRORS_LISTED = 500;

class OperationFailed extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly unitCode: string | null,
  ) {
    super(message);
  }
}

/**
 * Runs a plan over the tree on its date, in memory: each operation in order, then every rule checked against the tree
 * as it stands after the whole plan (so a commune can be divided and its parts absorbed by three new communes on the same
 * day). Nothing is written; the caller writes {@link EngineResult.touched} when there is no error.
 */
export function runPlan(
  snapshot: TreeSnapshot,
  operations: readonly PlanOperation[],
  newId: () => string,
  scopeRootId: string | null,
): EngineResult {
  const date = snapshot.date;
  const nodes = new Map<string, WorkNode>();
  const byCode = new Map<string, string>();
  const children = new Map<string, Set<string>>();
  const managed = new Map<string, Set<string>>();
  const link = (index: Map<string, Set<string>>, key: string | null, id: string) => {
    if (key === null) return;
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(id);
  };
  const unlink = (index: Map<string, Set<string>>, key: string | null, id: string) => {
    if (key !== null) index.get(key)?.delete(id);
  };
  for (const unit of snapshot.units) {
    nodes.set(unit.id, { ...unit, alive: true, isNew: false });
    byCode.set(unit.code, unit.id);
    link(children, unit.parentId, unit.id);
    link(managed, unit.managingUnitId, unit.id);
  }
  const before = placementCounts(nodes, scopeRootId);

  const errors: PlanError[] = [];
  const touchedOrder: string[] = [];
  const changes = new Map<string, NodeChange[]>();
  const successors = new Map<string, string[]>();
  const lastOperation = new Map<string, number>();
  const lineage: PlannedLineage[] = [];

  const touch = (node: WorkNode, change: NodeChange, index: number) => {
    if (!changes.has(node.id)) {
      changes.set(node.id, []);
      touchedOrder.push(node.id);
    }
    const list = changes.get(node.id) as NodeChange[];
    if (list[list.length - 1] !== change) list.push(change);
    lastOperation.set(node.id, index);
  };
  const resolve = (ref: UnitRef, role: string): WorkNode => {
    const id = nodes.has(ref) ? ref : byCode.get(ref);
    const node = id ? nodes.get(id) : undefined;
    if (!node || !node.alive) {
      throw new OperationFailed('UNIT_NOT_FOUND', `${role} ${ref} does not exist on ${date} at this point of the plan`, ref);
    }
    return node;
  };
  const setParent = (node: WorkNode, parentId: string | null) => {
    unlink(children, node.parentId, node.id);
    node.parentId = parentId;
    link(children, parentId, node.id);
  };
  const setManaging = (node: WorkNode, managingUnitId: string | null) => {
    unlink(managed, node.managingUnitId, node.id);
    node.managingUnitId = managingUnitId;
    link(managed, managingUnitId, node.id);
  };
  const rehome = (from: WorkNode, to: WorkNode, index: number, only?: ReadonlySet<string>) => {
    for (const id of [...(children.get(from.id) ?? [])]) {
      const dependent = nodes.get(id) as WorkNode;
      if (!dependent.alive || (only && !only.has(id))) continue;
      setParent(dependent, to.id);
      touch(dependent, 'rehomed', index);
    }
    for (const id of [...(managed.get(from.id) ?? [])]) {
      const dependent = nodes.get(id) as WorkNode;
      if (!dependent.alive || (only && !only.has(id))) continue;
      setManaging(dependent, to.id);
      touch(dependent, 'rehomed', index);
    }
  };
  const dissolve = (node: WorkNode, change: NodeChange, index: number) => {
    node.alive = false;
    byCode.delete(node.code);
    touch(node, change, index);
  };
  const edges = new Map<string, PlannedLineage>();
  const addLineage = (edge: PlannedLineage) => {
    const key = `${edge.event}|${edge.predecessorId}|${edge.successorId}`;
    const known = edges.get(key);
    if (known) {
      if (edge.share === 'WHOLE') known.share = 'WHOLE';
      return;
    }
    edges.set(key, edge);
    lineage.push(edge);
  };
  const addSuccessor = (from: WorkNode, to: WorkNode) => {
    const known = successors.get(from.id) ?? [];
    if (!known.includes(to.id)) successors.set(from.id, [...known, to.id]);
  };
  const claimCode = (code: string) => {
    if (byCode.has(code)) throw new OperationFailed('UNIT_CODE_TAKEN', `code ${code} is held by a unit on ${date} at this point of the plan`, code);
    if (snapshot.codesHeldLater.has(code)) throw new OperationFailed('UNIT_CODE_TAKEN', `code ${code} is held by a unit after ${date}`, code);
  };
  const create = (spec: { code: string; kind: UnitKind; name: string; parentId: string | null; managingUnitId: string | null; attributes: UnitAttributes }, index: number): WorkNode => {
    claimCode(spec.code);
    const node: WorkNode = { id: newId(), ...spec, createdOn: date, laterChanges: false, alive: true, isNew: true };
    nodes.set(node.id, node);
    byCode.set(node.code, node.id);
    link(children, node.parentId, node.id);
    link(managed, node.managingUnitId, node.id);
    touch(node, 'created', index);
    return node;
  };

  operations.forEach((operation, index) => {
    try {
      switch (operation.type) {
        case 'CREATE': {
          const parent = operation.parent === null ? null : resolve(operation.parent, 'parent');
          const managing =
            operation.managingUnit === undefined
              ? defaultsManagingUnitToParent(operation.kind)
                ? parent
                : null
              : operation.managingUnit === null
                ? null
                : resolve(operation.managingUnit, 'managing unit');
          create(
            {
              code: operation.code,
              kind: operation.kind,
              name: operation.name,
              parentId: parent?.id ?? null,
              managingUnitId: managing?.id ?? null,
              attributes: inForce(patchAttributes(operation.kind, EMPTY_ATTRIBUTES, operation.attributes ?? {}), date),
            },
            index,
          );
          break;
        }
        case 'RENAME': {
          const node = resolve(operation.unit, 'unit');
          node.name = operation.name;
          touch(node, 'renamed', index);
          break;
        }
        case 'RECODE': {
          const node = resolve(operation.unit, 'unit');
          if (node.code === operation.code) throw new OperationFailed('UNIT_NOTHING_CHANGED', `${node.code} already has this code`, node.code);
          claimCode(operation.code);
          byCode.delete(node.code);
          node.code = operation.code;
          byCode.set(node.code, node.id);
          touch(node, 'recoded', index);
          break;
        }
        case 'MOVE': {
          const node = resolve(operation.unit, 'unit');
          setParent(node, resolve(operation.parent, 'parent').id);
          touch(node, 'moved', index);
          break;
        }
        case 'UPDATE': {
          const node = resolve(operation.unit, 'unit');
          if (operation.managingUnit !== undefined) {
            setManaging(node, operation.managingUnit === null ? null : resolve(operation.managingUnit, 'managing unit').id);
          }
          node.attributes = inForce(patchAttributes(node.kind, node.attributes, operation.attributes ?? {}), date);
          touch(node, 'updated', index);
          break;
        }
        case 'MERGE': {
          const into = resolve(operation.into, 'target');
          for (const source of operation.sources) {
            const from = resolve(source.unit, 'source');
            if (from.id === into.id) throw new OperationFailed('UNIT_MERGE_INVALID', `${from.code} cannot be merged into itself`, from.code);
            if (from.kind !== into.kind) {
              throw new OperationFailed('UNIT_MERGE_KIND_MISMATCH', `${from.code} is a ${from.kind}, ${into.code} a ${into.kind}`, from.code);
            }
            addLineage({ event: 'MERGE', share: source.share, predecessorId: from.id, successorId: into.id });
            addSuccessor(from, into);
            if (source.share === 'WHOLE') {
              rehome(from, into, index);
              dissolve(from, 'merged', index);
            }
          }
          touch(into, 'merged', index);
          break;
        }
        case 'SPLIT': {
          const node = resolve(operation.unit, 'unit');
          const parts = operation.into.map((ref) => resolve(ref, 'part'));
          if (parts.length === 0 || parts.some((part) => part.id === node.id)) {
            throw new OperationFailed('UNIT_SPLIT_INVALID', `${node.code} must be split into other units`, node.code);
          }
          for (const part of parts) {
            addLineage({ event: 'SPLIT', share: 'PARTIAL', predecessorId: node.id, successorId: part.id });
            addSuccessor(node, part);
          }
          dissolve(node, 'split', index);
          break;
        }
        case 'TRANSFER': {
          const from = resolve(operation.from, 'from');
          const to = resolve(operation.to, 'to');
          if (from.id === to.id) throw new OperationFailed('UNIT_SPLIT_INVALID', `${from.code} cannot transfer to itself`, from.code);
          const moving = new Set<string>();
          for (const ref of operation.dependents) {
            const dependent = resolve(ref, 'dependent');
            if (dependent.parentId !== from.id && dependent.managingUnitId !== from.id) {
              throw new OperationFailed('PLAN_NOT_A_DEPENDENT', `${dependent.code} is neither a child nor a managed unit of ${from.code}`, dependent.code);
            }
            moving.add(dependent.id);
          }
          rehome(from, to, index, moving);
          addLineage({ event: 'TRANSFER', share: 'PARTIAL', predecessorId: from.id, successorId: to.id });
          addSuccessor(from, to);
          touch(from, 'transferred', index);
          touch(to, 'transferred', index);
          break;
        }
        case 'RECLASSIFY': {
          const node = resolve(operation.unit, 'unit');
          if (operation.kind === node.kind) throw new OperationFailed('PLAN_SAME_KIND', `${node.code} is already a ${node.kind}`, node.code);
          const parent = operation.parent === undefined ? node.parentId : operation.parent === null ? null : resolve(operation.parent, 'parent').id;
          const successor = create(
            {
              code: operation.code,
              kind: operation.kind,
              name: operation.name ?? node.name,
              parentId: parent,
              managingUnitId: defaultsManagingUnitToParent(operation.kind) ? parent : null,
              attributes: inForce(patchAttributes(operation.kind, EMPTY_ATTRIBUTES, operation.attributes ?? {}), date),
            },
            index,
          );
          rehome(node, successor, index);
          addLineage({ event: 'RECLASSIFY', share: 'WHOLE', predecessorId: node.id, successorId: successor.id });
          addSuccessor(node, successor);
          dissolve(node, 'reclassified', index);
          break;
        }
        case 'DISSOLVE': {
          const node = resolve(operation.unit, 'unit');
          if (operation.handToParent) {
            const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
            if (!parent?.alive) throw new OperationFailed('UNIT_PARENT_NOT_LIVE', `${node.code} has no live parent to hand its units to`, node.code);
            rehome(node, parent, index);
          }
          dissolve(node, 'dissolved', index);
          break;
        }
      }
    } catch (error) {
      if (error instanceof OperationFailed) errors.push({ index, unitCode: error.unitCode, reason: error.reason, message: error.message });
      else if (error instanceof DomainError) errors.push({ index, unitCode: refOf(operation), reason: error.reason, message: error.message });
      else throw error;
    }
  });

  // The rules, on the tree as the whole plan leaves it.
  const fail = (node: WorkNode, reason: string, message: string) =>
    errors.push({ index: lastOperation.get(node.id) ?? null, unitCode: node.code, reason, message });
  const original = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  for (const id of touchedOrder) {
    const node = nodes.get(id) as WorkNode;
    if (node.laterChanges) {
      fail(node, 'PLAN_LATER_CHANGES', `${node.code} has changes dated after ${date}; correct those first or date the plan after them`);
    }
    if (!node.alive) {
      if (node.isNew || node.createdOn >= date) fail(node, 'UNIT_DATE_BEFORE_CREATION', `${node.code} cannot end on or before the day it was created`);
      const liveChildren = [...(children.get(id) ?? [])].filter((c) => nodes.get(c)?.alive);
      if (liveChildren.length > 0) {
        fail(node, 'UNIT_HAS_LIVE_CHILDREN', `${node.code} ends but keeps ${liveChildren.length} unit(s) under it: ${codesOf(nodes, liveChildren)}`);
      }
      const liveManaged = [...(managed.get(id) ?? [])].filter((c) => nodes.get(c)?.alive);
      if (liveManaged.length > 0) {
        fail(node, 'UNIT_MANAGES_LIVE_UNITS', `${node.code} ends but still manages ${liveManaged.length} unit(s): ${codesOf(nodes, liveManaged)}`);
      }
      continue;
    }
    const parent = node.parentId === null ? null : (nodes.get(node.parentId) ?? null);
    const managing = node.managingUnitId === null ? null : (nodes.get(node.managingUnitId) ?? null);
    if (parent && !parent.alive) fail(node, 'UNIT_PARENT_NOT_LIVE', `the parent of ${node.code}, ${parent.code}, ends on ${date}`);
    if (managing && !managing.alive) fail(node, 'UNIT_MANAGING_UNIT_NOT_LIVE', `the managing unit of ${node.code}, ${managing.code}, ends on ${date}`);
    // Placement rules hold when a unit is placed, and attribute rules when an attribute is set (in the operation): a unit
    // the plan only renames or re-homes keeps its place and its subtype.
    const was = original.get(id);
    try {
      if (!was || was.parentId !== node.parentId) assertParentKind(node.kind, parent?.kind ?? null, date);
      if (!was || was.managingUnitId !== node.managingUnitId) assertManagingKind(node.kind, managing?.kind ?? null, date);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fail(node, error.reason, `${node.code}: ${error.message}`);
    }
    if (inCycle(nodes, node)) fail(node, 'UNIT_CYCLE', `${node.code} would sit under itself`);
  }

  const touched = touchedOrder.map((id) => nodes.get(id) as WorkNode);
  const count = (test: (node: WorkNode, was: SnapshotUnit | undefined) => boolean) => touched.filter((node) => test(node, original.get(node.id))).length;
  const report: PlanReport = {
    valid: errors.length === 0,
    errors: errors.slice(0, MAX_ERRORS_LISTED),
    errorCount: errors.length,
    before,
    after: placementCounts(nodes, scopeRootId),
    created: count((node) => node.isNew),
    dissolved: count((node) => !node.alive && !node.isNew),
    moved: count((node, was) => node.alive && was !== undefined && was.parentId !== node.parentId),
    renamed: count((node, was) => node.alive && was !== undefined && was.name !== node.name),
    recoded: count((node, was) => node.alive && was !== undefined && was.code !== node.code),
    reclassified: count((node) => (changes.get(node.id) ?? []).includes('reclassified')),
    rehomed: count((node) => (changes.get(node.id) ?? []).includes('rehomed')),
    unitsChanged: touched.length,
    lineageEdges: lineage.length,
  };
  return {
    errors,
    touched,
    changes,
    successors,
    lineage,
    dissolvedIds: touched.filter((node) => !node.alive && !node.isNew).map((node) => node.id),
    report,
  };
}

function inForce(attributes: UnitAttributes, date: string): UnitAttributes {
  assertAttributesInForce(attributes, date);
  return attributes;
}

function refOf(operation: PlanOperation): string | null {
  switch (operation.type) {
    case 'CREATE':
      return operation.code;
    case 'MERGE':
      return operation.into;
    case 'TRANSFER':
      return operation.from;
    default:
      return operation.unit;
  }
}

function codesOf(nodes: ReadonlyMap<string, WorkNode>, ids: readonly string[]): string {
  const codes = ids.slice(0, 10).map((id) => nodes.get(id)?.code ?? id);
  return ids.length > 10 ? `${codes.join(', ')}, …` : codes.join(', ');
}

function inCycle(nodes: ReadonlyMap<string, WorkNode>, start: WorkNode): boolean {
  let current = start.parentId;
  for (let steps = 0; current !== null && steps < 64; steps += 1) {
    if (current === start.id) return true;
    current = nodes.get(current)?.parentId ?? null;
  }
  return current !== null;
}

/** Alive units per kind and parent kind, in the subtree of `rootId` (everything when null). */
function placementCounts(nodes: ReadonlyMap<string, WorkNode>, rootId: string | null): PlacementCount[] {
  const inScope = (node: WorkNode): boolean => {
    if (rootId === null) return true;
    let current: WorkNode | undefined = node;
    for (let steps = 0; current && steps < 64; steps += 1) {
      if (current.id === rootId) return true;
      current = current.parentId === null ? undefined : nodes.get(current.parentId);
    }
    return false;
  };
  const counts = new Map<string, PlacementCount>();
  for (const node of nodes.values()) {
    if (!node.alive || !inScope(node)) continue;
    const parentKind = node.parentId === null ? null : (nodes.get(node.parentId)?.kind ?? null);
    const key = `${node.kind}|${parentKind ?? ''}`;
    const entry = counts.get(key) ?? { kind: node.kind, parentKind, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => `${a.kind}|${a.parentKind ?? ''}`.localeCompare(`${b.kind}|${b.parentKind ?? ''}`));
}
