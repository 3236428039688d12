import { type Caller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type AwardFormView, Catalogue } from '../catalogue';
import { FactStore } from '../facts';
import { type AwardsInput, type AwardsPolicy, awardErrors } from '../shared';
import { NOMINEE_ROLES, type NomineeRole } from '../nominee';
import { CONDITION_OPERATORS, type Condition, ELIGIBILITY_FACTS, type EligibilityFact, type FormRules, INDIVIDUAL_FACTS, conditionProblem } from './eligibility';

export interface SchemeFormView {
  form: AwardFormView;
  quota: number | null;
  used: number;
  rules: FormRules;
}

export interface SchemeView {
  campaignId: string;
  version: number;
  forms: SchemeFormView[];
}

export interface SetSchemeInput {
  campaignId: string;
  forms: ReadonlyArray<{
    formCode: string;
    quota?: number | null;
    collectiveConditions: ReadonlyArray<ConditionInput>;
    individualConditions?: ReadonlyArray<ConditionInput> | null;
    householdConditions?: ReadonlyArray<ConditionInput> | null;
  }>;
}

export interface ConditionInput {
  name: string;
  fact: string;
  op: string;
  value: string;
  roles?: readonly string[] | null;
}

type RuleKind = keyof FormRules;

const MAX_FORMS = 30;
const MAX_CONDITIONS = 20;

/**
 * Award schemes per campaign, versioned: the provincial police (owner level of the campaign or above) writes a new version
 * naming forms of the catalogue in force on the campaign's last day, a quota per form (or none) and the rule per recipient
 * kind as data. The latest version applies to every evaluation and decision.
 */
export class SchemeService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: AwardsPolicy,
    private readonly clock: Clock,
    private readonly input: AwardsInput,
  ) {}

  async set(caller: Caller, raw: SetSchemeInput): Promise<SchemeView> {
    const identity = this.policy.receiver(caller);
    const campaignId = this.input.id(raw.campaignId, 'input.campaignId');
    if (raw.forms.length > MAX_FORMS) throw awardErrors.invalidCondition('input.forms', `at most ${MAX_FORMS} forms`);
    const forms = raw.forms.map((form, i) => {
      const field = `input.forms[${i}]`;
      const formCode = this.input.code(form.formCode, `${field}.formCode`);
      const quota = form.quota ?? null;
      if (quota !== null && (!Number.isInteger(quota) || quota < 0 || quota > 100_000)) throw awardErrors.invalidQuota(`${field}.quota`);
      const rules: FormRules = {
        COLLECTIVE: this.rule('COLLECTIVE', form.collectiveConditions, `${field}.collectiveConditions`),
        INDIVIDUAL: this.rule('INDIVIDUAL', form.individualConditions ?? [], `${field}.individualConditions`),
        HOUSEHOLD: this.rule('HOUSEHOLD', form.householdConditions ?? [], `${field}.householdConditions`),
      };
      return { formCode, quota, rules };
    });
    const seen = new Set<string>();
    forms.forEach((form, i) => {
      if (seen.has(form.formCode)) throw awardErrors.duplicateForm(`input.forms[${i}].formCode`, form.formCode);
      seen.add(form.formCode);
    });
    return this.prisma.$transaction(async (tx) => {
      const campaign = await new FactStore(tx).campaign(campaignId);
      if (!campaign || !(await this.policy.sees(new UnitDirectory(tx), identity, campaign.ownerUnitId, this.clock.today()))) throw awardErrors.campaignNotFound(campaignId, 'input.campaignId');
      const catalogue = new Catalogue(tx);
      for (const [i, form] of forms.entries()) {
        if (!(await catalogue.formOn(form.formCode, campaign.periodEnd))) throw awardErrors.formUnknown(form.formCode, `input.forms[${i}].formCode`, campaign.periodEnd);
      }
      // One scheme version at a time per campaign: the advisory lock orders concurrent edits.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('award_scheme:' || $1))`, campaignId);
      const latest = await tx.awardScheme.findFirst({ where: { campaignId }, orderBy: { version: 'desc' }, select: { version: true } });
      const version = (latest?.version ?? 0) + 1;
      await tx.awardScheme.create({
        data: { campaignId, version, createdBy: identity.subject, forms: { create: forms.map((form) => ({ formCode: form.formCode, quota: form.quota, rules: form.rules as never })) } },
      });
      const scheme = await loadScheme(tx, campaignId);
      if (!scheme) throw awardErrors.schemeMissing(campaignId);
      return scheme;
    });
  }

  async latest(caller: Caller, rawCampaignId: string): Promise<SchemeView | null> {
    const identity = this.policy.reader(caller);
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    if (!identity) return null;
    const campaign = await new FactStore(this.prisma).campaign(campaignId);
    if (!campaign || !(await this.policy.sees(new UnitDirectory(this.prisma), identity, campaign.ownerUnitId, this.clock.today()))) return null;
    return loadScheme(this.prisma, campaignId);
  }

  private rule(kind: RuleKind, raw: ReadonlyArray<ConditionInput>, field: string): Condition[] {
    if (raw.length > MAX_CONDITIONS) throw awardErrors.invalidCondition(field, `at most ${MAX_CONDITIONS} conditions`);
    return raw.map((condition, j) => this.condition(kind, condition, `${field}[${j}]`));
  }

  private condition(kind: RuleKind, raw: ConditionInput, field: string): Condition {
    const name = this.input.line(raw.name, `${field}.name`, 200);
    if (!(ELIGIBILITY_FACTS as readonly string[]).includes(raw.fact)) throw awardErrors.invalidCondition(`${field}.fact`, 'unknown fact');
    if (!(CONDITION_OPERATORS as readonly string[]).includes(raw.op)) throw awardErrors.invalidCondition(`${field}.op`, 'unknown operator');
    let value: unknown;
    try {
      value = JSON.parse(raw.value);
    } catch {
      throw awardErrors.invalidCondition(`${field}.value`, 'is not JSON');
    }
    // Roles are facts of individual nominees only: a collective's or household's rule naming them would never apply as written.
    if (kind !== 'INDIVIDUAL' && INDIVIDUAL_FACTS.includes(raw.fact as EligibilityFact)) throw awardErrors.invalidCondition(`${field}.fact`, `${raw.fact} is a fact of individual nominees only`);
    const roles = raw.roles ?? [];
    if (roles.length > 0 && kind !== 'INDIVIDUAL') throw awardErrors.invalidCondition(`${field}.roles`, 'only an individual rule’s condition applies to some roles');
    if (roles.some((role) => !(NOMINEE_ROLES as readonly string[]).includes(role))) throw awardErrors.invalidCondition(`${field}.roles`, 'unknown role');
    const condition = { name, fact: raw.fact, op: raw.op, value, ...(roles.length > 0 ? { roles: [...new Set(roles)] as NomineeRole[] } : {}) } as Condition;
    const problem = conditionProblem(condition);
    if (problem) throw awardErrors.invalidCondition(`${field}.value`, problem);
    return condition;
  }
}

/** The latest scheme version of a campaign with its forms (as in force on the campaign's last day) and places used. */
export async function loadScheme(prisma: PrismaClient | Prisma.TransactionClient, campaignId: string): Promise<SchemeView | null> {
  const scheme = await prisma.awardScheme.findFirst({ where: { campaignId }, orderBy: { version: 'desc' }, include: { forms: { orderBy: { formCode: 'asc' } } } });
  if (!scheme) return null;
  const campaign = await new FactStore(prisma).campaign(campaignId);
  if (!campaign) return null;
  const catalogue = new Catalogue(prisma);
  const uses = await prisma.awardQuotaUse.findMany({ where: { campaignId } });
  const forms: SchemeFormView[] = [];
  for (const row of scheme.forms) {
    const form = await catalogue.formOn(row.formCode, campaign.periodEnd);
    if (!form) continue;
    forms.push({ form, quota: row.quota, used: uses.find((use) => use.formCode === row.formCode)?.used ?? 0, rules: row.rules as unknown as FormRules });
  }
  return { campaignId, version: scheme.version, forms };
}
