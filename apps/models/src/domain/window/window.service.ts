import { randomUUID } from 'node:crypto';
import { type Caller, SYSTEM_ADMIN, requireCaller, requireRole } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type PrismaClient, type Prisma } from '../../generated/prisma/client';
import { type UnitDirectory } from '@antt/unit-directory';
import { type CommandContext, MODEL_MANAGER_ROLES, type ModelPolicy, type ModelRepository, modelErrors } from '../model';
import { ENUM_LABELS, type ModelsInput } from '../shared';
import { windowErrors } from './window.errors';
import { WindowRuleStore } from './window.repository';
import { WindowCalendar, checkRuleShape, coversYear, planVersion } from './window.rules';
import { unitWindow } from './unit-window';
import { type AddWindowRuleInput, type EvaluationWindowView, type WindowRuleChangeView, type WindowRuleView } from './window.types';

/** Every unit kind models knows (labels), checked at a new version's edges and accepted in `unitKinds`. */
export const UNIT_KINDS: readonly string[] = Object.keys(ENUM_LABELS.UnitKind);

/**
 * The one way the domain reads evaluation windows (R4): the rules of `evaluation_window_rule` (every province's and the
 * national ones) as a {@link WindowCalendar}; a unit's window is its province's ({@link unitWindow}).
 * Reads outside a transaction share a per-process snapshot, reloaded after `maxAgeMs` and at once after a version added by
 * this process (another replica's change is seen within `maxAgeMs`; new versions only concern years without reviews). A
 * review reads the rules in its own transaction under a lock a new version waits for ({@link inTransaction}).
 */
export class EvaluationWindows {
  private cached: { calendar: Promise<WindowCalendar>; loadedAt: number } | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  calendar(): Promise<WindowCalendar> {
    const now = this.now();
    if (!this.cached || now - this.cached.loadedAt > this.maxAgeMs) {
      const calendar = new WindowRuleStore(this.prisma).rules().then((rules) => new WindowCalendar(rules));
      calendar.catch(() => {
        if (this.cached?.calendar === calendar) this.cached = null;
      });
      this.cached = { calendar, loadedAt: now };
    }
    return this.cached.calendar;
  }

  /** The rules as a transaction sees them, after a lock that keeps a concurrent new version out until it commits. */
  async inTransaction(client: Prisma.TransactionClient): Promise<WindowCalendar> {
    const store = new WindowRuleStore(client);
    await store.lockForReading();
    return new WindowCalendar(await store.rules());
  }

  invalidate(): void {
    this.cached = null;
  }
}

/** Reads of the rules and windows (any signed-in caller: they are public rules; a unit's window only for a unit the caller reads). */
export class WindowQueryService {
  constructor(
    private readonly windows: EvaluationWindows,
    private readonly store: WindowRuleStore,
    private readonly input: ModelsInput,
    private readonly directory: UnitDirectory,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
  ) {}

  /**
   * Every national version, and those of `provinceId` when given, oldest first; only those applying to `kind` (or to every
   * other kind) and covering `year` when given.
   */
  async rules(caller: Caller, args: { kind?: string | null; year?: number | null; provinceId?: string | null }): Promise<WindowRuleView[]> {
    requireCaller(caller);
    const kind = args.kind === null || args.kind === undefined ? null : this.input.code(args.kind, 'kind');
    const year = args.year === null || args.year === undefined ? null : this.input.year(args.year);
    const provinceId = this.input.optionalId(args.provinceId, 'provinceId');
    const calendar = await this.windows.calendar();
    return calendar.rules.filter(
      (rule) =>
        (rule.provinceId === null || rule.provinceId === provinceId) &&
        (kind === null || rule.unitKinds.length === 0 || rule.unitKinds.includes(kind)) &&
        (year === null || coversYear(rule, year)),
    );
  }

  /**
   * The window of `year`: for a unit (`unitId`: its kind, in the calendar of its province, see `unitWindow`; a unit the caller
   * cannot read today nor on the window's end is MODEL_UNIT_NOT_FOUND), else for a kind in a province's calendar
   * (`provinceId`) or the national one.
   */
  async windowOf(caller: Caller, args: { kind?: string | null; year: number; unitId?: string | null; provinceId?: string | null }): Promise<EvaluationWindowView> {
    requireCaller(caller);
    const kind = args.kind === null || args.kind === undefined ? null : this.input.code(args.kind, 'kind');
    const year = this.input.year(args.year);
    const unitId = this.input.optionalId(args.unitId, 'unitId');
    const provinceId = this.input.optionalId(args.provinceId, 'provinceId');
    const calendar = await this.windows.calendar();
    if (unitId === null) {
      if (kind === null) throw windowErrors.kindRequired();
      return calendar.windowOf(kind, year, provinceId);
    }
    const today = this.clock.today();
    const unitKind = await this.directory.kindOf(unitId);
    if (unitKind === null) throw modelErrors.unitNotFound(unitId, 'unitId', today);
    const window = await unitWindow(this.directory, calendar, { unitId, kind: unitKind }, year, today);
    if (!(await this.policy.canReadUnit(this.directory, caller, unitId, [today, window.end]))) throw modelErrors.unitNotFound(unitId, 'unitId', today);
    if (kind !== null && kind !== unitKind) throw windowErrors.kindMismatch(kind, unitKind);
    return window;
  }

  async changesOf(rule: WindowRuleView): Promise<WindowRuleChangeView[]> {
    return (await this.store.changes()).filter((change) => change.ruleId === rule.id);
  }
}

/**
 * Adding a version of a window rule. A province's rule: the provincial police (a LEVEL_OFFICER or STEERING_OFFICER whose
 * jurisdiction is a province today) for a province inside their jurisdiction today (another is answered as a province that
 * does not exist), or a SYSTEM_ADMIN. A national rule (no province): a SYSTEM_ADMIN only. One transaction: lock the rules,
 * check the province, the shape, the overlaps within the key and that no year the version (or the version it closes) gives a
 * new window already has reviews (of the province's units; any, for a national rule), close the open version of the same
 * key and kinds, insert the new one, audit both.
 */
export class WindowRuleService {
  constructor(
    private readonly models: ModelRepository,
    private readonly windows: EvaluationWindows,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
  ) {}

  async addRule(context: CommandContext, raw: AddWindowRuleInput): Promise<WindowRuleView> {
    const identity = requireRole(context.caller, MODEL_MANAGER_ROLES);
    const admin = identity.roles.includes(SYSTEM_ADMIN);
    const provinceId = this.input.optionalId(raw.provinceId, 'provinceId');
    const kinds = (raw.unitKinds ?? []).map((value, index) => {
      const kind = this.input.code(value, `unitKinds[${index}]`);
      if (!UNIT_KINDS.includes(kind)) throw windowErrors.kindUnknown(kind, index);
      return kind;
    });
    const shape = {
      provinceId,
      unitKinds: [...new Set(kinds)].sort(),
      startMonth: raw.startMonth,
      startDay: raw.startDay,
      startYearOffset: raw.startYearOffset,
      endMonth: raw.endMonth,
      endDay: raw.endDay,
      validFromYear: this.input.year(raw.validFromYear, 'validFromYear'),
      validToYear: raw.validToYear === null || raw.validToYear === undefined ? null : this.input.year(raw.validToYear, 'validToYear'),
    };
    checkRuleShape(shape);
    const reason = this.input.reason(raw.reason);
    const today = this.clock.today();
    const rule = await this.models.transaction(async (tx) => {
      if (!admin && (await tx.directory.unitAt(identity.jurisdictionUnitId, today))?.kind !== 'PROVINCE') {
        throw windowErrors.provincialPoliceRequired(identity.jurisdictionUnitId);
      }
      if (provinceId === null) {
        if (!admin) throw windowErrors.nationalRuleAdminOnly();
      } else {
        const province = await tx.directory.unitAt(provinceId, today);
        if (!province || (!admin && !(await tx.directory.isWithin(provinceId, identity.jurisdictionUnitId, today)))) throw windowErrors.provinceUnknown(provinceId);
        if (province.kind !== 'PROVINCE') throw windowErrors.notAProvince(provinceId, province.kind);
      }
      const store = new WindowRuleStore(tx.client);
      await store.lockForChange();
      const id = randomUUID();
      const plan = planVersion(await store.rules(), { id, ...shape }, UNIT_KINDS);
      const reviewed = await store.firstReviewedYear(shape.validFromYear, shape.validToYear, provinceId);
      if (reviewed !== null) throw windowErrors.inUse(reviewed, provinceId);
      const audit = { actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, reason };
      if (plan.closes) {
        await store.close(plan.closes.rule.id, plan.closes.validToYear);
        await store.recordChange({ ruleId: plan.closes.rule.id, action: 'CLOSED', validToYearBefore: plan.closes.rule.validToYear, validToYearAfter: plan.closes.validToYear, ...audit });
      }
      const added = await store.insert({ id, ...shape, reason, createdBy: identity.subject, createdByUnitId: identity.jurisdictionUnitId, createdAt: '' });
      await store.recordChange({ ruleId: id, action: 'ADDED', validToYearBefore: null, validToYearAfter: shape.validToYear, ...audit });
      return added;
    });
    this.windows.invalidate();
    return rule;
  }
}
