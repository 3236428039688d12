import { randomUUID } from 'node:crypto';
import { type Caller, DomainError, type Identity, SYSTEM_ADMIN, badInput, conflict, notFound, requireCaller } from '@antt/auth';
import { type EventContract, type LineageSuccessor, PLAN_APPLIED_MAX_UNITS, PlanAppliedV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { inputPageSize } from '@antt/service-kit';
import { type Clock } from '../shared/clock';
import { applyFrom, closeAt } from '../unit/timeline';
import { type CommandContext } from '../unit/unit-commands.types';
import { type UnitInput } from '../unit/unit-input';
import { type UnitChange, unitEvent } from '../unit/unit.events';
import { type UnitPolicy, type WriteReach } from '../unit/unit.policy';
import { type UnitReader, type UnitRepository, type UnitTransaction } from '../unit/unit.repository';
import { type EngineResult, runPlan, type SnapshotUnit, type TreeSnapshot, type WorkNode } from './plan-engine';
import { type PlanReport, type ReorganisationPlan } from './plan.types';
import { canonicalOperations, type PlanOperationInput, planText } from './plan-input';
import { type MappingRow, mappingToOperations } from './plan-mapping';
import { type UnitKind, type UnitRecord } from '../unit/unit.types';
import {
  isVisible,
  liveDependentsOn,
  loadTreeSnapshot,
  lockReorganisations,
  type PlanVisibility,
  refreshTreeStatistics,
  ReorganisationPlanStore,
} from './reorganisation.repository';

/** What a caller sends to record a plan. */
export interface NewPlanInput {
  name: string;
  legalBasis: string;
  effectiveDate: string;
  operations: readonly PlanOperationInput[];
  correctsPlanId?: string | null;
}

/** A national plan rewrites about 100,000 units in its one transaction. */
const APPLY_TIMEOUT_MS = 300_000;

/** Units changed from which a plan refreshes the planner's statistics itself (below, autovacuum's analyze suffices). */
const REFRESH_STATISTICS_FROM = 1000;

/** Largest plan a single request may carry; a national reform is loaded from its mapping file by the CLI. */
export const MAX_PLAN_OPERATIONS_PER_REQUEST = 2000;

/**
 * Reorganisation plans: recorded as DRAFT, dry-run at will, applied atomically (DRAFT → APPLIED) in ONE transaction with
 * the units' new timelines, the lineage (whole or partial), the units' new states in `org-units.plan.applied` events of
 * a few hundred units each, and one audit record: the plan itself (its operations, who applied it and when, what it did,
 * and every unit it changed). A mistake in an applied plan is fixed by a correcting plan, never by an edit.
 *
 * Rights: ORG_ADMIN or SYSTEM_ADMIN; below SYSTEM_ADMIN every unit the plan changes must lie strictly inside the caller's
 * jurisdiction from the plan's date on, and every unit it places something under inside it (the same write check as
 * single commands, per unit).
 */
export class ReorganisationService {
  constructor(
    private readonly units: UnitRepository,
    private readonly policy: UnitPolicy,
    private readonly clock: Clock,
    private readonly input: UnitInput,
  ) {}

  /** Records a plan as DRAFT after checking its form; `maxOperations` bounds a request (the CLI lifts it). */
  async createPlan(
    context: CommandContext,
    input: NewPlanInput,
    { maxOperations = MAX_PLAN_OPERATIONS_PER_REQUEST }: { maxOperations?: number } = {},
  ): Promise<ReorganisationPlan> {
    const identity = this.policy.writer(context.caller);
    if (input.operations.length === 0) throw badInput('PLAN_EMPTY', 'operations: a plan has at least one operation', { field: 'operations' });
    if (input.operations.length > maxOperations) {
      throw badInput('PLAN_TOO_LARGE', `operations: at most ${maxOperations} in one request; load a larger plan from its file with the CLI`, {
        field: 'operations',
        max: maxOperations,
      });
    }
    const plan = {
      name: planText(input.name, 'name'),
      legalBasis: planText(input.legalBasis, 'legalBasis'),
      effectiveDate: this.input.date(input.effectiveDate, 'effectiveDate'),
      operations: canonicalOperations(this.input, input.operations),
      correctsPlanId: this.input.optionalId(input.correctsPlanId, 'correctsPlanId') ?? null,
    };
    return this.units.transaction(async (tx) => {
      const store = new ReorganisationPlanStore(tx.client);
      if (plan.correctsPlanId) {
        const corrected = await store.find(plan.correctsPlanId);
        if (!corrected || !(await this.reads(context.caller, corrected))) throw notFound('PLAN_NOT_FOUND', 'correctsPlanId: no such plan', { field: 'correctsPlanId' });
        if (corrected.status !== 'APPLIED') throw conflict('PLAN_NOT_APPLIED', 'Only an applied plan is corrected; edit a draft by recording a new one');
        if (plan.effectiveDate < corrected.effectiveDate) {
          throw badInput('PLAN_CORRECTION_BEFORE_PLAN', 'A correcting plan takes effect on or after the plan it corrects', { field: 'effectiveDate' });
        }
      }
      return store.insert({ id: randomUUID(), ...plan, createdBy: identity.subject, authorUnitId: scopeOf(identity) });
    });
  }

  /**
   * Records a plan from a reform's mapping rows (new unit ← old units, whole or partial), converted against the tree on
   * the plan's date. Rows that are malformed refuse the whole file (MAPPING_INVALID, each row named).
   */
  async createPlanFromMapping(
    context: CommandContext,
    input: Omit<NewPlanInput, 'operations'> & { rows: readonly MappingRow[]; abolishKinds?: readonly UnitKind[] | null },
    limits: { maxOperations?: number } = {},
  ): Promise<ReorganisationPlan> {
    const identity = this.policy.writer(context.caller);
    const date = this.input.date(input.effectiveDate, 'effectiveDate');
    const maxRows = limits.maxOperations ?? MAX_PLAN_OPERATIONS_PER_REQUEST;
    if (input.rows.length > maxRows) {
      throw badInput('PLAN_TOO_LARGE', `rows: at most ${maxRows} in one request; load a larger file with the CLI`, { field: 'rows', max: maxRows });
    }
    const snapshot = visibleTo(identity, await loadTreeSnapshot(this.units.client, date));
    const codeOf = new Map(snapshot.units.map((unit) => [unit.id, unit.code]));
    const tree = snapshot.units.map((unit) => ({ code: unit.code, kind: unit.kind, name: unit.name, parentCode: unit.parentId ? (codeOf.get(unit.parentId) ?? null) : null }));
    const { operations, errors } = mappingToOperations(input.rows, tree, { abolishKinds: input.abolishKinds ?? [] });
    if (errors.length > 0) {
      throw badInput('MAPPING_INVALID', `${errors.length} row(s) of the mapping are malformed; nothing was recorded`, { errorCount: errors.length, errors: errors.slice(0, 50) });
    }
    return this.createPlan(context, { ...input, effectiveDate: date, operations }, { maxOperations: Number.POSITIVE_INFINITY });
  }

  /** The plan, or null when there is none or the caller may not read it (a DRAFT of another jurisdiction). */
  async plan(caller: Caller, id: string): Promise<ReorganisationPlan | null> {
    requireCaller(caller);
    const plan = await new ReorganisationPlanStore(this.units.client).find(this.input.id(id, 'id'));
    return plan && (await this.reads(caller, plan)) ? plan : null;
  }

  /** The plans the caller may read, newest first. */
  async plans(caller: Caller, first: number | null | undefined): Promise<ReorganisationPlan[]> {
    requireCaller(caller);
    const size = inputPageSize(first, { field: 'first', max: 100, fallback: 20 });
    const store = new ReorganisationPlanStore(this.units.client);
    return store.list(size, await this.visibility(caller, () => store.draftAuthorUnits()));
  }

  /** Whether the caller may read the plan ({@link visibility}). */
  private async reads(caller: Caller, plan: ReorganisationPlan): Promise<boolean> {
    return isVisible(plan, await this.visibility(caller, async () => (plan.status === 'DRAFT' && plan.authorUnitId ? [plan.authorUnitId] : [])));
  }

  /**
   * Which plans the caller reads. Plans are legal acts once APPLIED: every signed-in caller reads them. A DRAFT is a
   * proposal of the jurisdiction that recorded it: read by SYSTEM_ADMIN and by callers whose jurisdiction holds the
   * recording caller's unit today (that jurisdiction and the levels above it); to anyone else it is answered as a plan
   * that does not exist. `draftAuthors` gives the author units to decide on (asked only below SYSTEM_ADMIN).
   */
  private async visibility(caller: Caller, draftAuthors: () => Promise<readonly string[]>): Promise<PlanVisibility> {
    const identity = requireCaller(caller);
    if (identity.roles.includes(SYSTEM_ADMIN)) return { all: true };
    const today = this.clock.today();
    const authors = await draftAuthors();
    // Asked together, the request's jurisdiction checker answers them in one subtree query (it batches per root and date).
    const readable = await Promise.all(authors.map((unitId) => this.policy.canRead(caller, unitId, today)));
    return { all: false, draftsFrom: authors.filter((_, index) => readable[index]) };
  }

  /** The plan's validation and effects on the tree as it stands now, without writing (scoped to the caller's jurisdiction). */
  async dryRun(caller: Caller, plan: ReorganisationPlan): Promise<PlanReport> {
    const identity = this.policy.writer(caller);
    const snapshot = visibleTo(identity, await loadTreeSnapshot(this.units.client, plan.effectiveDate));
    const result = runPlan(snapshot, plan.operations, randomUUID, scopeOf(identity));
    if (!result.report.valid) return result.report;
    try {
      await this.authorize(this.units, identity, result, plan.effectiveDate);
      return result.report;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const refusal = { index: null, unitCode: null, reason: error.reason, message: error.message };
      return { ...result.report, valid: false, errorCount: 1, errors: [refusal] };
    }
  }

  /**
   * Applies a DRAFT plan in one transaction. `phases`, when given, receives the seconds each step took (snapshot, engine,
   * authorize, lock, write, closure, events, commit, statistics): the operator's CLI prints them.
   *
   * The transaction runs on a plain connection whose statements queue in order ({@link UnitRepository.bulkTransaction}):
   * while PostgreSQL writes the units, their versions and the closure, Node builds the events part by part and queues
   * their inserts behind, so the two work side by side rather than in turn.
   */
  async applyPlan(context: CommandContext, id: string, phases?: Map<string, number>): Promise<ReorganisationPlan> {
    const identity = this.policy.writer(context.caller);
    const planId = this.input.id(id, 'id');
    let unitsChanged = 0;
    let last = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      phases?.set(name, (phases.get(name) ?? 0) + (now - last) / 1000);
      last = now;
    };
    const applied = await this.units.bulkTransaction(async (tx) => {
      await lockReorganisations(tx.client);
      const store = new ReorganisationPlanStore(tx.client);
      const plan = await store.lock(planId);
      if (!plan || !(await this.reads(context.caller, plan))) throw notFound('PLAN_NOT_FOUND', 'No such plan', { planId });
      if (plan.status === 'APPLIED') throw conflict('PLAN_ALREADY_APPLIED', 'The plan is applied; correct it with a correcting plan', { planId });
      const date = plan.effectiveDate;
      const snapshot = await loadTreeSnapshot(tx.client, date);
      phase('snapshot');
      const result = runPlan(visibleTo(identity, snapshot), plan.operations, randomUUID, scopeOf(identity));
      phase('engine');
      if (!result.report.valid) {
        throw badInput('PLAN_INVALID', `The plan breaks ${result.report.errorCount} rule(s); nothing was applied`, {
          errorCount: result.report.errorCount,
          errors: result.report.errors.slice(0, 50),
        });
      }
      await this.authorize(tx, identity, result, date);
      phase('authorize');
      const existing = result.touched.filter((node) => !node.isNew);
      const locked = await tx.lockRecords(existing.map((node) => node.id));
      await assertTreeUnchanged(tx, result, locked, date);
      phase('lock');

      const records = result.touched.map((node) => nextRecord(node, locked.get(node.id) ?? null, date));
      const at = this.clock.now();
      await tx.insertUnits(records.filter((record) => record.revision === 1));
      // Awaited below; until then a failure is held (the transaction aborts, and the statements after it fail with
      // that failure).
      const stop = new AbortController();
      const events = queueEvents(tx, plan, result, records, { date, correlationId: context.correlationId }, stop.signal);
      events.catch(() => undefined);
      try {
        await tx.saveRecords(records.filter((record) => record.revision > 1));
        await tx.insertLineage(result.lineage.map((edge) => ({ ...edge, effectiveDate: date, planId })));
        phase('write');
        await tx.finishWrites();
        phase('closure');
      } catch (error) {
        // Nothing more is queued, and the transaction ends only once what was queued has run.
        stop.abort();
        await events.catch(() => undefined);
        throw error;
      }
      await events;
      phase('events');
      unitsChanged = records.length;
      return store.markApplied(planId, identity.subject, at, result.report, records.map((record) => record.id));
    }, { timeoutMs: APPLY_TIMEOUT_MS });
    phase('commit');
    if (unitsChanged >= REFRESH_STATISTICS_FROM) await refreshTreeStatistics(this.units.client);
    phase('statistics');
    return applied;
  }

  /** Below SYSTEM_ADMIN: every unit changed, and every unit something is placed under, inside the jurisdiction from the date on. */
  private async authorize(tx: UnitReader, identity: Identity, result: EngineResult, date: string): Promise<void> {
    if (identity.roles.includes(SYSTEM_ADMIN)) return;
    const touched = new Set(result.touched.map((node) => node.id));
    const reaches: WriteReach[] = result.touched.filter((node) => !node.isNew).map((node) => ({ unitId: node.id, from: date, to: null, changed: true }));
    const placedUnder = new Set(
      result.touched.flatMap((node) => [node.parentId, node.managingUnitId]).filter((id): id is string => id !== null && !touched.has(id)),
    );
    for (const unitId of placedUnder) reaches.push({ unitId, from: date, to: null, changed: false });
    await this.policy.assertCanWrite(tx, identity, reaches);
  }
}

/**
 * Most bytes of JSON (UTF-8) of the unit states one `org-units.plan.applied` event carries (at most
 * {@link PLAN_APPLIED_MAX_UNITS} of them): well under the broker's 1 MiB per record, whatever a unit's timeline holds.
 */
const PART_MAX_BYTES = 256 * 1024;
/** Parts per outbox insert: a few MB in one statement rather than a round trip (and a relay wake-up) per part. */
const PARTS_PER_INSERT = 16;

/**
 * Builds the plan's events (`org-units.plan.applied`, each part carrying the new states of up to
 * {@link PLAN_APPLIED_MAX_UNITS} units) part by part, queuing an insert every {@link PARTS_PER_INSERT} parts and letting
 * the event loop run between parts, so the statements the caller issues meanwhile are not held up. Resolves when every
 * insert has run; rejects with the first failure. Once `stop` is aborted, or an insert failed, it queues nothing more.
 *
 * Parts rather than one event per unit: a national reform changes about 100,000 units, and every event costs the relay,
 * the broker and each of the four unit directories its own record, inbox row and envelope check. In parts of 200–500
 * units the directories caught up with the national reform about 20 s sooner (72.7 s → 52.2 s; org-units README).
 */
async function queueEvents(
  tx: UnitTransaction,
  plan: ReorganisationPlan,
  result: EngineResult,
  records: readonly UnitRecord[],
  { date, correlationId }: { date: string; correlationId: string | undefined },
  stop: AbortSignal,
): Promise<void> {
  const change = planChanges(plan, result);
  const inserts: Promise<void>[] = [];
  let failed = false;
  const goOn = () => !stop.aborted && !failed;
  let pending: NewEvent<EventContract>[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const insert = tx.appendEvents(pending);
    pending = [];
    insert.catch(() => {
      failed = true;
    });
    inserts.push(insert);
  };
  let part = 0;
  for (let start = 0; start < records.length && goOn(); ) {
    const units: unknown[] = [];
    let bytes = 0;
    while (start < records.length && units.length < PLAN_APPLIED_MAX_UNITS) {
      // Each unit exactly as `org-units.unit.reorganised` carried it, so that a consumer applies either the same way.
      const { data } = unitEvent(records[start] as UnitRecord, change(result.touched[start] as WorkNode), date, correlationId);
      const size = Buffer.byteLength(JSON.stringify(data));
      if (units.length > 0 && bytes + size > PART_MAX_BYTES) break;
      units.push(data);
      bytes += size;
      start += 1;
    }
    part += 1;
    const data = { planId: plan.id, planName: plan.name, legalBasis: plan.legalBasis, effectiveDate: date, part, unitCount: records.length, units };
    pending.push({ contract: PlanAppliedV1, aggregateId: plan.id, correlationId, data });
    if (pending.length >= PARTS_PER_INSERT) flush();
    await nextTurn();
  }
  if (goOn()) flush();
  await Promise.all(inserts);
}

/** What the plan did to each unit, as its state in `org-units.plan.applied` tells it. */
export function planChanges(
  plan: Pick<ReorganisationPlan, 'id' | 'name' | 'legalBasis'>,
  result: Pick<EngineResult, 'changes' | 'successors' | 'lineage'>,
): (node: Pick<WorkNode, 'id'>) => Extract<UnitChange, { type: 'reorganised' }> {
  const hops = successorHops(result);
  return (node) => {
    const successorIds = [...(result.successors.get(node.id) ?? [])];
    return {
      type: 'reorganised',
      planId: plan.id,
      planName: plan.name,
      legalBasis: plan.legalBasis,
      changes: [...(result.changes.get(node.id) ?? [])],
      successorIds,
      successors: successorIds.map((unitId) => {
        // The engine records an edge with every successor it names.
        const hop = hops.get(`${node.id}|${unitId}`);
        if (!hop) throw new Error(`plan engine: successor ${unitId} of ${node.id} without a lineage edge`);
        return hop;
      }),
    };
  };
}

/**
 * The hop from a unit to each of its successors, keyed `predecessor|successor`, as the events carry it: the engine may
 * record two edges for one pair (a part transferred, then the rest merged whole), and a consumer holds one hop per pair
 * and date, so the pair is WHOLE when any of its edges is (the event of that edge), else the event of its first edge.
 */
function successorHops(result: Pick<EngineResult, 'lineage'>): Map<string, LineageSuccessor> {
  const hops = new Map<string, LineageSuccessor>();
  for (const edge of result.lineage) {
    const key = `${edge.predecessorId}|${edge.successorId}`;
    const held = hops.get(key);
    if (!held) hops.set(key, { unitId: edge.successorId, share: edge.share, event: edge.event });
    else if (edge.share === 'WHOLE' && held.share !== 'WHOLE') hops.set(key, { unitId: edge.successorId, share: 'WHOLE', event: edge.event });
  }
  return hops;
}

/** Lets the event loop run what is waiting (replies from PostgreSQL, the statements after them) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The tree a caller's plan is run on: everything for SYSTEM_ADMIN; below it, the caller's subtree on the date (its own
 * unit included), so that a unit outside the jurisdiction is answered exactly as one that does not exist.
 */
function visibleTo(identity: Identity, snapshot: TreeSnapshot): TreeSnapshot {
  const rootId = scopeOf(identity);
  if (rootId === null) return snapshot;
  const children = new Map<string, SnapshotUnit[]>();
  for (const unit of snapshot.units) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  const visible = snapshot.units.filter((unit) => unit.id === rootId);
  for (let index = 0; index < visible.length; index += 1) visible.push(...(children.get((visible[index] as SnapshotUnit).id) ?? []));
  return { ...snapshot, units: visible };
}

function scopeOf(identity: Identity): string | null {
  return identity.roles.includes(SYSTEM_ADMIN) ? null : identity.jurisdictionUnitId;
}

/**
 * The snapshot was read before the units were locked: a single command may have changed one of them since, or placed a
 * new unit under one the plan dissolves. Either way the plan is refused, to be applied again.
 */
async function assertTreeUnchanged(tx: UnitTransaction, result: EngineResult, locked: ReadonlyMap<string, UnitRecord>, date: string): Promise<void> {
  for (const node of result.touched) {
    if (node.isNew) continue;
    const record = locked.get(node.id);
    const latest = record?.timeline[record.timeline.length - 1];
    if (!record || record.dissolvedOn !== null || !latest || latest.validFrom > date) {
      throw conflict('PLAN_TREE_CHANGED', 'The tree changed while the plan was being applied; apply it again', { unitId: node.id });
    }
  }
  const rehomed = new Set(result.touched.map((node) => node.id));
  const left = (await liveDependentsOn(tx, result.dissolvedIds, date)).filter((id) => !rehomed.has(id));
  if (left.length > 0) {
    throw conflict('PLAN_TREE_CHANGED', 'Units were placed under a unit the plan dissolves while it was being applied; apply it again', {
      unitIds: left.slice(0, 20),
    });
  }
}

/** The unit's record after the plan: a new unit, or its timeline cut on the date. */
function nextRecord(node: WorkNode, record: UnitRecord | null, date: string): UnitRecord {
  const state = { code: node.code, name: node.name, parentId: node.parentId, managingUnitId: node.managingUnitId, attributes: node.attributes };
  if (record === null) {
    return {
      id: node.id,
      code: node.code,
      kind: node.kind,
      createdOn: date,
      dissolvedOn: null,
      revision: 1,
      timeline: [{ validFrom: date, validTo: null, ...state }],
    };
  }
  const timeline = node.alive ? applyFrom(record.timeline, date, () => state) : closeAt(record.timeline, date);
  return { ...record, code: node.code, timeline, dissolvedOn: node.alive ? null : date, revision: record.revision + 1 };
}
