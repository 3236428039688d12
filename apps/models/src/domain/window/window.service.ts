import { randomUUID } from 'node:crypto';
import { type Caller, SYSTEM_ADMIN, requireCaller, requireRole } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type PrismaClient, type Prisma } from '../../generated/prisma/client';
import { type CommandContext, MODEL_MANAGER_ROLES, type ModelRepository } from '../model';
import { ENUM_LABELS, type ModelsInput } from '../shared';
import { windowErrors } from './window.errors';
import { WindowRuleStore } from './window.repository';
import { WindowCalendar, checkRuleShape, coversYear, planVersion } from './window.rules';
import { type AddWindowRuleInput, type EvaluationWindowView, type WindowRuleChangeView, type WindowRuleView } from './window.types';

/** Every unit kind models knows (labels), checked at a new version's edges and accepted in `unitKinds`. */
export const UNIT_KINDS: readonly string[] = Object.keys(ENUM_LABELS.UnitKind);

/**
 * The one way the domain reads evaluation windows (R4): the rules of `evaluation_window_rule` as a {@link WindowCalendar}.
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

/** Reads of the rules and windows (any signed-in caller: they are public rules). */
export class WindowQueryService {
  constructor(
    private readonly windows: EvaluationWindows,
    private readonly store: WindowRuleStore,
    private readonly input: ModelsInput,
  ) {}

  /** Every version, oldest first; only those applying to `kind` (or to every other kind) and covering `year` when given. */
  async rules(caller: Caller, args: { kind?: string | null; year?: number | null }): Promise<WindowRuleView[]> {
    requireCaller(caller);
    const kind = args.kind === null || args.kind === undefined ? null : this.input.code(args.kind, 'kind');
    const year = args.year === null || args.year === undefined ? null : this.input.year(args.year);
    const calendar = await this.windows.calendar();
    return calendar.rules.filter(
      (rule) => (kind === null || rule.unitKinds.length === 0 || rule.unitKinds.includes(kind)) && (year === null || coversYear(rule, year)),
    );
  }

  async windowOf(caller: Caller, rawKind: string, rawYear: number): Promise<EvaluationWindowView> {
    requireCaller(caller);
    const kind = this.input.code(rawKind, 'kind');
    const year = this.input.year(rawYear);
    return (await this.windows.calendar()).windowOf(kind, year);
  }

  async changesOf(rule: WindowRuleView): Promise<WindowRuleChangeView[]> {
    return (await this.store.changes()).filter((change) => change.ruleId === rule.id);
  }
}

/**
 * Adding a version of a window rule: the provincial police (a LEVEL_OFFICER or STEERING_OFFICER whose jurisdiction is a
 * province today) or a SYSTEM_ADMIN. One transaction: lock the rules, check the shape, the overlaps and that no year the
 * version (or the version it closes) gives a new window already has reviews, close the open version of the same kinds,
 * insert the new one, audit both.
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
    const kinds = (raw.unitKinds ?? []).map((value, index) => {
      const kind = this.input.code(value, `unitKinds[${index}]`);
      if (!UNIT_KINDS.includes(kind)) throw windowErrors.kindUnknown(kind, index);
      return kind;
    });
    const shape = {
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
      if (!identity.roles.includes(SYSTEM_ADMIN) && (await tx.directory.unitAt(identity.jurisdictionUnitId, today))?.kind !== 'PROVINCE') {
        throw windowErrors.provincialPoliceRequired(identity.jurisdictionUnitId);
      }
      const store = new WindowRuleStore(tx.client);
      await store.lockForChange();
      const id = randomUUID();
      const plan = planVersion(await store.rules(), { id, ...shape }, UNIT_KINDS);
      const reviewed = await store.firstReviewedYear(shape.validFromYear, shape.validToYear);
      if (reviewed !== null) throw windowErrors.inUse(reviewed);
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
