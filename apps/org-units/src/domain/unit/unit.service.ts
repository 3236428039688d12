import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { addDays } from '../shared/calendar-date';
import { type Clock } from '../shared/clock';
import { assertChangeDate, coversPeriod } from './date-rules';
import { assertManagingKind, assertNoCycle, assertParentKind, defaultsManagingUnitToParent } from './parent-rules';
import { assertAttributesInForce, changedAttributes, patchAttributes } from './unit-attributes';
import {
  type CommandContext,
  type CreateUnitInput,
  type DissolveUnitInput,
  type MergeUnitsInput,
  type MoveUnitInput,
  type NewUnitSpec,
  type RenameUnitInput,
  type SplitUnitInput,
  type UpdateUnitInput,
} from './unit-commands.types';
import { type UnitChange, type UpdatableField, unitEvent } from './unit.events';
import { unitErrors } from './unit.errors';
import { type UnitInput } from './unit-input';
import { type UnitPolicy, type WriteReach } from './unit.policy';
import { type LineageEntry, type UnitRepository, type UnitTransaction } from './unit.repository';
import { applyFrom, boundariesFrom, closeAt, latestVersion, sameTimeline, versionAt } from './timeline';
import { EMPTY_ATTRIBUTES, type Correction, type UnitRecord, type UnitState, type UnitView } from './unit.types';

/** One unit touched by a command: its new state (null `before` when created) and what happened to it. */
interface Outcome {
  before: UnitRecord | null;
  after: UnitRecord;
  change: UnitChange;
  /** Why, for the audit (a dissolution or merge reason); a correction's reason wins. */
  reason: string | null;
}

interface CommandMeta {
  identity: Identity;
  effectiveDate: string;
  correction: Correction | null;
  correlationId: string | undefined;
}

/**
 * The unit tree's commands. Each runs as ONE interactive transaction that locks the units it touches, checks every
 * rule, writes the new timelines, the audit rows, the lineage and one outbox event per unit changed. When a rule fails
 * nothing is written.
 */
export class UnitService {
  constructor(
    private readonly units: UnitRepository,
    private readonly policy: UnitPolicy,
    private readonly clock: Clock,
    private readonly input: UnitInput,
  ) {}

  async createUnit(context: CommandContext, input: CreateUnitInput): Promise<UnitView> {
    const spec = { ...this.newUnitSpec(input, ''), kind: input.kind };
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const identity = spec.parentId ? this.policy.writer(context.caller) : this.policy.assertCanCreateRoot(context.caller);
    const meta = this.meta(identity, date, null, context);
    return this.units.transaction(async (tx) => {
      const created = await this.prepareNewUnit(tx, identity, spec, date);
      await this.commit(tx, meta, [{ before: null, after: created, change: { type: 'created' }, reason: null }]);
      return viewOf(created, date);
    });
  }

  async renameUnit(context: CommandContext, input: RenameUnitInput): Promise<UnitView> {
    const name = this.input.name(input.name);
    return this.changeState(context, input, [], (record) => {
      const previousName = stateOn(record, input.effectiveDate).name;
      return { change: (s) => ({ ...s, name }), event: { type: 'renamed', previousName, name } };
    });
  }

  async moveUnit(context: CommandContext, input: MoveUnitInput): Promise<UnitView> {
    const parentId = this.input.id(input.parentId, 'parentId');
    return this.changeState(context, input, [parentId], async (record, tx, related, authorize) => {
      const parent = related.get(parentId) ?? missing(parentId);
      await authorize([reach(parent, input.effectiveDate, record.dissolvedOn, false)]);
      assertParentKind(record.kind, parent.kind, input.effectiveDate);
      if (!coversPeriod(parent, input.effectiveDate, record.dissolvedOn)) {
        throw unitErrors.parentNotLive(parent.id, input.effectiveDate);
      }
      for (const date of boundariesFrom(record.timeline, input.effectiveDate)) {
        assertNoCycle(record.id, parent.id, await tx.ancestorIds(parent.id, date));
      }
      const fromParentId = stateOn(record, input.effectiveDate).parentId;
      return {
        change: (s) => ({ ...s, parentId: parent.id }),
        event: { type: 'moved', fromParentId, toParentId: parent.id },
      };
    });
  }

  async updateUnit(context: CommandContext, input: UpdateUnitInput): Promise<UnitView> {
    const managingUnitId = this.input.optionalId(input.managingUnitId, 'managingUnitId');
    return this.changeState(context, input, managingUnitId ? [managingUnitId] : [], async (record, tx, related, authorize) => {
      const date = input.effectiveDate;
      const current = stateOn(record, date);
      if (managingUnitId !== undefined) {
        const managing = managingUnitId === null ? null : (related.get(managingUnitId) ?? missing(managingUnitId));
        // The managing units it is taken from, in every period rewritten, as well as the one it is given to.
        const taken = record.timeline.filter((v) => (v.validTo === null || v.validTo > date) && v.managingUnitId !== null && v.managingUnitId !== managingUnitId);
        const takenFrom = new Map((await tx.findRecords([...new Set(taken.map((v) => v.managingUnitId as string))])).map((r) => [r.id, r]));
        await authorize([
          ...(managing ? [reach(managing, date, record.dissolvedOn, false)] : []),
          ...taken.flatMap((v) => {
            const from = takenFrom.get(v.managingUnitId as string);
            return from ? [reach(from, v.validFrom > date ? v.validFrom : date, v.validTo, false)] : [];
          }),
        ]);
      }
      const attributes = patchAttributes(record.kind, current.attributes, input.attributes ?? {});
      const changedFields: UpdatableField[] = changedAttributes(current.attributes, attributes);
      if (changedFields.includes('communeType')) assertAttributesInForce(attributes, date);
      let nextManaging = current.managingUnitId;
      if (managingUnitId !== undefined) {
        const managing = managingUnitId === null ? null : (related.get(managingUnitId) ?? missing(managingUnitId));
        assertManagingKind(record.kind, managing?.kind ?? null, input.effectiveDate);
        if (managing && !coversPeriod(managing, input.effectiveDate, record.dissolvedOn)) {
          throw unitErrors.managingUnitNotLive(managing.id, input.effectiveDate);
        }
        nextManaging = managingUnitId;
        if (nextManaging !== current.managingUnitId) changedFields.unshift('managingUnitId');
      }
      if (changedFields.length === 0) throw unitErrors.nothingChanged(record.id);
      return {
        change: (s) => ({
          ...s,
          managingUnitId: nextManaging,
          attributes: patchAttributes(record.kind, s.attributes, pick(attributes, changedFields)),
        }),
        event: { type: 'updated', changedFields },
      };
    });
  }

  async dissolveUnit(context: CommandContext, input: DissolveUnitInput): Promise<UnitView> {
    const unitId = this.input.id(input.unitId, 'unitId');
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const reason = this.input.reason(input.reason);
    const correction = this.input.correction(input.correction);
    const identity = this.policy.writer(context.caller);
    const meta = this.meta(identity, date, correction, context);
    return this.units.transaction(async (tx) => {
      const unit = (await tx.lockRecords([unitId])).get(unitId) ?? missing(unitId);
      await this.policy.assertCanWrite(tx, identity, [reach(unit, date, null, true)]);
      const descendants = input.cascade ? await tx.descendantIdsLiveFrom(unitId, date) : [];
      const records = new Map([[unit.id, unit], ...(await tx.lockRecords(descendants))]);
      // A descendant may have sat elsewhere in a later period that the dissolution removes too.
      await this.policy.assertCanWrite(tx, identity, [...records.values()].filter((r) => r.id !== unit.id).map((r) => reach(r, date, null, true)));
      const dissolving = new Set(records.keys());
      const liveChildren = (await tx.childIdsLiveFrom([...dissolving], date)).filter((id) => !dissolving.has(id));
      if (liveChildren.length > 0) throw unitErrors.hasLiveChildren(unit.id, liveChildren);
      const managed = (await tx.managedIdsLiveFrom([...dissolving], date)).filter((id) => !dissolving.has(id));
      if (managed.length > 0) throw unitErrors.managesLiveUnits(unit.id, managed);
      const outcomes = [...records.values()].map((record) => {
        assertChangeDate(record, date, correction);
        return { before: record, after: dissolve(record, date), change: { type: 'dissolved', reason } as const, reason };
      });
      await this.commit(tx, meta, outcomes);
      return viewOf(outcomes.find((o) => o.after.id === unit.id)?.after ?? unit, date);
    });
  }

  async mergeUnits(context: CommandContext, input: MergeUnitsInput): Promise<UnitView> {
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const reason = this.input.reason(input.reason);
    const correction = this.input.correction(input.correction);
    const listed = input.sourceIds.map((id, index) => this.input.id(id, `sourceIds[${index}]`));
    const targetId = this.input.optionalId(input.targetId, 'targetId');
    const newTarget = input.newTarget ? this.newUnitSpec(input.newTarget, 'newTarget.') : null;
    const sourceIds = [...new Set(listed)];
    if (sourceIds.length !== listed.length) throw unitErrors.mergeInvalid('A unit is listed twice');
    if ((targetId ? 1 : 0) + (newTarget ? 1 : 0) !== 1) {
      throw unitErrors.mergeInvalid('Give exactly one of targetId or newTarget');
    }
    if (sourceIds.length < (targetId ? 1 : 2)) throw unitErrors.mergeInvalid('Merge at least two units');
    if (targetId && sourceIds.includes(targetId)) {
      throw unitErrors.mergeInvalid('The target cannot be one of the merged units', { targetId });
    }
    const identity = this.policy.writer(context.caller);
    const meta = this.meta(identity, date, correction, context);
    return this.units.transaction(async (tx) => {
      const locked = await tx.lockRecords([...sourceIds, ...(targetId ? [targetId] : [])]);
      const sources = sourceIds.map((id) => locked.get(id) ?? missing(id));
      const existingTarget = targetId ? (locked.get(targetId) ?? missing(targetId)) : null;
      await this.policy.assertCanWrite(
        tx,
        identity,
        [...sources, ...(existingTarget ? [existingTarget] : [])].map((unit) => reach(unit, date, null, true)),
      );
      const kinds = [...new Set(sources.map((s) => s.kind))];
      const kind = sources[0]?.kind;
      if (kinds.length !== 1 || !kind) throw unitErrors.mergeKindMismatch(kinds);
      sources.forEach((source) => assertChangeDate(source, date, correction));
      const outcomes: Outcome[] = [];
      let target: UnitRecord;
      if (existingTarget) {
        target = existingTarget;
        if (target.kind !== kind) throw unitErrors.mergeKindMismatch([kind, target.kind]);
        if (!coversPeriod(target, date, null)) {
          throw unitErrors.mergeInvalid('The target does not exist from the merge date on', { targetId: target.id });
        }
      } else {
        target = await this.prepareNewUnit(tx, identity, { ...(newTarget as Omit<NewUnitSpec, 'kind'>), kind }, date);
        outcomes.push({ before: null, after: target, change: { type: 'created' }, reason });
      }
      const successorId = target.id;
      outcomes.push(...(await this.handOver(tx, identity, sourceIds, () => successorId, date, correction, reason)));
      for (const source of sources) {
        outcomes.push({ before: source, after: dissolve(source, date), change: { type: 'merged', intoUnitId: successorId }, reason });
      }
      const lineage = sources.map(
        (source): LineageEntry => ({ event: 'MERGE', share: 'WHOLE', predecessorId: source.id, successorId, effectiveDate: date }),
      );
      await this.commit(tx, meta, outcomes, lineage);
      return viewOf(target, date);
    });
  }

  async splitUnit(context: CommandContext, input: SplitUnitInput): Promise<UnitView[]> {
    const unitId = this.input.id(input.unitId, 'unitId');
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const reason = this.input.reason(input.reason);
    const correction = this.input.correction(input.correction);
    const keepSource = input.keepSource === true;
    if (input.into.length < (keepSource ? 1 : 2)) {
      throw unitErrors.splitInvalid(keepSource ? 'Split off at least one unit' : 'Split into at least two units');
    }
    const parts = input.into.map((spec, index) => ({ ...this.newUnitSpec(spec, `into[${index}].`), kind: spec.kind }));
    const codes = parts.map((spec) => spec.code);
    if (new Set(codes).size !== codes.length) throw unitErrors.splitInvalid('Two new units share a code', { codes });
    const assignments = (input.assignments ?? []).map((assignment, index) => ({
      unitId: this.input.id(assignment.unitId, `assignments[${index}].unitId`),
      toCode: this.input.code(assignment.toCode, `assignments[${index}].toCode`),
    }));
    const identity = this.policy.writer(context.caller);
    const meta = this.meta(identity, date, correction, context);
    return this.units.transaction(async (tx) => {
      const source = (await tx.lockRecords([unitId])).get(unitId) ?? missing(unitId);
      await this.policy.assertCanWrite(tx, identity, [reach(source, date, null, true)]);
      assertChangeDate(source, date, correction);
      const sourceState = stateOn(source, date);
      const created: UnitRecord[] = [];
      for (const spec of parts) {
        const parentId = spec.parentId === undefined ? sourceState.parentId : spec.parentId;
        const managingUnitId = spec.managingUnitId === undefined ? sourceState.managingUnitId : spec.managingUnitId;
        const kind = spec.kind ?? source.kind;
        created.push(await this.prepareNewUnit(tx, identity, { ...spec, kind, parentId, managingUnitId }, date));
      }
      const byCode = new Map(created.map((unit) => [unit.code, unit.id]));
      const dependents = new Set([
        ...(await tx.childIdsLiveFrom([source.id], date)),
        ...(await tx.managedIdsLiveFrom([source.id], date)),
      ]);
      const assignedTo = new Map<string, string>();
      for (const assignment of assignments) {
        const to = byCode.get(assignment.toCode);
        if (!to || !dependents.has(assignment.unitId)) {
          throw unitErrors.splitInvalid('An assignment names an unknown new unit or a unit that is not a dependent', {
            assignment,
          });
        }
        assignedTo.set(assignment.unitId, to);
      }
      if (!keepSource) {
        const unassigned = [...dependents].filter((id) => !assignedTo.has(id));
        if (unassigned.length > 0) throw unitErrors.splitChildrenUnassigned(source.id, unassigned);
      }
      const outcomes: Outcome[] = created.map((unit) => ({ before: null, after: unit, change: { type: 'created' }, reason }));
      outcomes.push(
        ...(await this.handOver(tx, identity, [source.id], (id) => assignedTo.get(id), date, correction, reason, [...assignedTo.keys()])),
      );
      const splitSource = keepSource ? { ...source, revision: source.revision + 1 } : dissolve(source, date);
      outcomes.push({ before: source, after: splitSource, change: { type: 'split', intoUnitIds: created.map((u) => u.id) }, reason });
      const lineage = created.map(
        (unit): LineageEntry => ({ event: 'SPLIT', share: 'PARTIAL', predecessorId: source.id, successorId: unit.id, effectiveDate: date }),
      );
      await this.commit(tx, meta, outcomes, lineage);
      return created.map((unit) => viewOf(unit, date));
    });
  }

  /**
   * Moves the live dependents (children and managed units) of `fromIds` to the unit `toFor(dependentId)` gives, from
   * `date` on. `only` limits the dependents (a split that keeps its source hands over only the assigned ones).
   */
  private async handOver(
    tx: UnitTransaction,
    identity: Identity,
    fromIds: readonly string[],
    toFor: (dependentId: string) => string | undefined,
    date: string,
    correction: Correction | null,
    reason: string,
    only?: readonly string[],
  ): Promise<Outcome[]> {
    const from = new Set(fromIds);
    const candidates = only ?? [
      ...new Set([...(await tx.childIdsLiveFrom(fromIds, date)), ...(await tx.managedIdsLiveFrom(fromIds, date))]),
    ];
    const dependents = await tx.lockRecords(candidates.filter((id) => !from.has(id)));
    const outcomes: Outcome[] = [];
    for (const dependent of dependents.values()) {
      const to = toFor(dependent.id);
      if (!to) continue;
      // Only the periods in which it hangs under or is managed by a unit handed over are rewritten; a unit managed from
      // outside the caller's subtree is checked for those periods.
      const touched = dependent.timeline.filter(
        (v) => (v.validTo === null || v.validTo > date) && ((v.parentId !== null && from.has(v.parentId)) || (v.managingUnitId !== null && from.has(v.managingUnitId))),
      );
      await this.policy.assertCanWrite(
        tx,
        identity,
        touched.map((v) => reach(dependent, v.validFrom > date ? v.validFrom : date, v.validTo, true)),
      );
      assertChangeDate(dependent, date, correction);
      const before = stateOn(dependent, date);
      const timeline = applyFrom(dependent.timeline, date, (s) => ({
        ...s,
        parentId: s.parentId !== null && from.has(s.parentId) ? to : s.parentId,
        managingUnitId: s.managingUnitId !== null && from.has(s.managingUnitId) ? to : s.managingUnitId,
      }));
      if (sameTimeline(timeline, dependent.timeline)) continue;
      const after = { ...dependent, timeline, revision: dependent.revision + 1 };
      const change: UnitChange =
        before.parentId !== null && from.has(before.parentId)
          ? { type: 'moved', fromParentId: before.parentId, toParentId: to }
          : { type: 'updated', changedFields: ['managingUnitId'] };
      outcomes.push({ before: dependent, after, change, reason });
    }
    return outcomes;
  }

  /** A dated change of one unit's state: rename, move, update. */
  private async changeState(
    context: CommandContext,
    input: { unitId: string; effectiveDate: string; correction?: Correction | null },
    relatedIds: string[],
    plan: (
      record: UnitRecord,
      tx: UnitTransaction,
      related: Map<string, UnitRecord>,
      authorize: (reaches: WriteReach[]) => Promise<void>,
    ) => Promise<{ change: (s: UnitState) => UnitState; event: UnitChange }> | { change: (s: UnitState) => UnitState; event: UnitChange },
  ): Promise<UnitView> {
    const unitId = this.input.id(input.unitId, 'unitId');
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const correction = this.input.correction(input.correction);
    const identity = this.policy.writer(context.caller);
    const meta = this.meta(identity, date, correction, context);
    return this.units.transaction(async (tx) => {
      const locked = await tx.lockRecords([unitId, ...relatedIds]);
      const record = locked.get(unitId) ?? missing(unitId);
      const authorize = (reaches: WriteReach[]) => this.policy.assertCanWrite(tx, identity, reaches);
      await authorize([reach(record, date, null, true)]);
      assertChangeDate(record, date, correction);
      const { change, event } = await plan(record, tx, locked, authorize);
      const timeline = applyFrom(record.timeline, date, change);
      if (sameTimeline(timeline, record.timeline)) throw unitErrors.nothingChanged(record.id);
      const after = { ...record, timeline, revision: record.revision + 1 };
      await this.commit(tx, meta, [{ before: record, after, change: event, reason: null }]);
      return viewOf(after, date);
    });
  }

  /**
   * A new unit from an already canonical spec, placed under its parent (and managing unit), both inside the caller's
   * jurisdiction from `date` on.
   */
  private async prepareNewUnit(tx: UnitTransaction, identity: Identity, spec: NewUnitSpec, date: string): Promise<UnitRecord> {
    const { code, name } = spec;
    const parentId = spec.parentId ?? null;
    const managingUnitId =
      spec.managingUnitId ?? (defaultsManagingUnitToParent(spec.kind) ? parentId : null);
    // Locked, so that a parent being merged or dissolved at the same moment cannot end up with a live child.
    const related = await tx.lockRecords([parentId, managingUnitId].filter((id): id is string => id !== null));
    const find = (id: string | null) => (id === null ? null : (related.get(id) ?? missing(id)));
    const parent = find(parentId);
    const managing = find(managingUnitId);
    await this.policy.assertCanWrite(
      tx,
      identity,
      [parent, managing].filter((unit): unit is UnitRecord => unit !== null).map((unit) => reach(unit, date, null, false)),
    );
    assertParentKind(spec.kind, parent?.kind ?? null, date);
    if (parent && !coversPeriod(parent, date, null)) throw unitErrors.parentNotLive(parent.id, date);
    assertManagingKind(spec.kind, managing?.kind ?? null, date);
    if (managing && !coversPeriod(managing, date, null)) throw unitErrors.managingUnitNotLive(managing.id, date);
    if (await tx.codeHeldByAnother(code, null, date, null)) throw unitErrors.codeTaken(code);
    const attributes = patchAttributes(spec.kind, EMPTY_ATTRIBUTES, spec.attributes ?? {});
    assertAttributesInForce(attributes, date);
    const record: UnitRecord = {
      id: randomUUID(),
      code,
      kind: spec.kind,
      createdOn: date,
      dissolvedOn: null,
      revision: 1,
      timeline: [
        {
          code,
          validFrom: date,
          validTo: null,
          name,
          parentId,
          managingUnitId,
          attributes,
        },
      ],
    };
    await tx.insertUnit(record);
    return record;
  }

  /** Writes the new states, the audit rows, the lineage and the events of one command. */
  private async commit(tx: UnitTransaction, meta: CommandMeta, outcomes: Outcome[], lineage: LineageEntry[] = []) {
    const at = this.clock.now();
    for (const outcome of outcomes) {
      if (outcome.before !== null) await tx.saveRecord(outcome.after);
    }
    await tx.insertLineage(lineage);
    const published = outcomes.map((outcome) => {
      const corrected = meta.correction !== null && outcome.before !== null;
      return {
        ...outcome,
        corrected,
        change: corrected ? ({ type: 'corrected', reason: meta.correction?.reason ?? '' } as const) : outcome.change,
        details: corrected ? { correctedChange: outcome.change } : outcome.change,
      };
    });
    await tx.insertChanges(
      published.map((outcome) => ({
        unitId: outcome.after.id,
        type: outcome.change.type,
        effectiveDate: meta.effectiveDate,
        actor: meta.identity.subject,
        at,
        reason: meta.correction?.reason ?? outcome.reason,
        correction: outcome.corrected,
        revision: outcome.after.revision,
        details: { ...outcome.details },
      })),
    );
    await tx.appendEvents(
      published.map((outcome) => unitEvent(outcome.after, outcome.change, meta.effectiveDate, meta.correlationId)),
    );
  }

  private meta(identity: Identity, effectiveDate: string, correction: Correction | null, context: CommandContext): CommandMeta {
    return { identity, effectiveDate, correction, correlationId: context.correlationId };
  }

  /** The canonical form of a new unit's fields; `path` prefixes the field names in errors (`into[1].`). */
  private newUnitSpec<T extends Omit<NewUnitSpec, 'kind'>>(spec: T, path: string): T {
    return {
      ...spec,
      code: this.input.code(spec.code, `${path}code`),
      name: this.input.name(spec.name, `${path}name`),
      parentId: this.input.optionalId(spec.parentId, `${path}parentId`),
      managingUnitId: this.input.optionalId(spec.managingUnitId, `${path}managingUnitId`),
    };
  }
}

/**
 * The part of `record`'s life a command reaches from `from` until `to`, for the write check. When the dates fall outside
 * its life (a change dated after a dissolution, before a creation) the nearest day of its life is checked, so that the
 * caller learns of the date rule only for a unit it may see.
 */
function reach(record: UnitRecord, from: string, to: string | null, changed: boolean): WriteReach {
  const lastDay = record.dissolvedOn === null ? null : addDays(record.dissolvedOn, -1);
  let start = from < record.createdOn ? record.createdOn : from;
  if (lastDay !== null && start > lastDay) start = lastDay;
  let end = to;
  if (record.dissolvedOn !== null && (end === null || end > record.dissolvedOn)) end = record.dissolvedOn;
  if (end !== null && end <= start) end = addDays(start, 1);
  return { unitId: record.id, from: start, to: end, changed };
}

function dissolve(record: UnitRecord, date: string): UnitRecord {
  if (date <= record.createdOn) {
    throw unitErrors.invalidInput('A unit cannot be dissolved on or before the day it was created', {
      unitId: record.id,
      createdOn: record.createdOn,
    });
  }
  return { ...record, timeline: closeAt(record.timeline, date), dissolvedOn: date, revision: record.revision + 1 };
}

/** The state on `date`, or the latest one when the date is past the end. */
function stateOn(record: UnitRecord, date: string): UnitState {
  return versionAt(record.timeline, date) ?? latestVersion(record.timeline);
}

/** A view on `date`; for a unit that no longer exists then, its last state. */
export function viewOf(record: UnitRecord, date: string): UnitView {
  const version = versionAt(record.timeline, date) ?? latestVersion(record.timeline);
  return {
    id: record.id,
    code: version.code,
    kind: record.kind,
    createdOn: record.createdOn,
    dissolvedOn: record.dissolvedOn,
    revision: record.revision,
    asOf: date,
    version,
  };
}

function missing(unitId: string): never {
  throw unitErrors.notFound({ unitId });
}

function pick<T extends object>(value: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key))) as Partial<T>;
}
