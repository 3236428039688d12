import { type UnitFacts } from '../facts';
import { NOMINEE_ROLES, type NomineeRole, type RecipientKind } from '../nominee';
import { TEAM_RATING_LEVELS } from '../team-rating/team-rating.rules';

/** The facts a condition reads (the GraphQL enum EligibilityFact). */
export const ELIGIBILITY_FACTS = [
  'SAFE_STANDARD',
  'CLASSIFICATION_RANK',
  'REGISTERED',
  'UNIT_KIND',
  'AWARD_HELD',
  'EFFECTIVE_MODEL',
  'ADVANCED_EXAMPLE',
  'CONSECUTIVE_YEARS_SAFE',
  'CONSECUTIVE_YEARS_GOOD',
  'NOMINEE_ROLE',
  'MONTHS_OF_SERVICE',
  'NO_PENDING_COMPLAINT',
  'TEAM_RATING',
] as const;
/** The longest run of years a CONSECUTIVE_YEARS_* condition may ask for. */
export const MAX_CONSECUTIVE_YEARS = 50;
/** Facts of individual nominees only: a collective's or household's rule may not name them. */
export const INDIVIDUAL_FACTS: readonly EligibilityFact[] = ['NOMINEE_ROLE', 'MONTHS_OF_SERVICE', 'NO_PENDING_COMPLAINT'];
export type EligibilityFact = (typeof ELIGIBILITY_FACTS)[number];
export const CONDITION_OPERATORS = ['EQ', 'GTE', 'IN'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * One condition of a rule, stored as data (JSON) per scheme form and recipient kind: `fact op value`. A rule is the conjunction
 * of its conditions; every one that fails is reported by name with the fact's value, never only the first.
 */
export interface Condition {
  name: string;
  fact: EligibilityFact;
  op: ConditionOperator;
  value: boolean | number | string | string[];
  /** Individuals: the condition applies only to nominees of these roles (absent or empty: to every nominee). */
  roles?: NomineeRole[];
}

/**
 * A rule per recipient kind. Individuals and households are judged on the facts of their unit (the leader rule of R23: "their
 * unit meets the same") with their own awards held and, for individuals, their role; a condition may apply to some roles only.
 * Versions stored before individuals existed have only COLLECTIVE: the others read as empty rules.
 */
export interface FormRules {
  COLLECTIVE: Condition[];
  INDIVIDUAL?: Condition[];
  HOUSEHOLD?: Condition[];
}

/** The rule of one recipient kind (empty when the version has none). */
export function rulesFor(rules: FormRules | undefined, kind: RecipientKind): Condition[] {
  return rules?.[kind] ?? [];
}

export interface FailedCondition {
  name: string;
  fact: string;
  actual: string | null;
}

export interface EligibilityResult {
  eligible: boolean;
  failed: FailedCondition[];
}

/** Which operators and values each fact admits; the scheme refuses any other combination (INVALID_CONDITION). */
export function conditionProblem(condition: Pick<Condition, 'fact' | 'op' | 'value'>): string | null {
  const { fact, op, value } = condition;
  switch (fact) {
    case 'SAFE_STANDARD':
    case 'REGISTERED':
    case 'EFFECTIVE_MODEL':
    case 'ADVANCED_EXAMPLE':
    case 'NO_PENDING_COMPLAINT':
      return op === 'EQ' && typeof value === 'boolean' ? null : `${fact} takes EQ with true or false`;
    case 'MONTHS_OF_SERVICE':
      return op === 'GTE' && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 600 ? null : `${fact} takes GTE with whole months from 0 to 600`;
    case 'CONSECUTIVE_YEARS_SAFE':
    case 'CONSECUTIVE_YEARS_GOOD':
      return op === 'GTE' && typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_CONSECUTIVE_YEARS
        ? null
        : `${fact} takes GTE with whole years from 1 to ${MAX_CONSECUTIVE_YEARS}`;
    case 'CLASSIFICATION_RANK':
      return (op === 'EQ' || op === 'GTE') && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4
        ? null
        : `${fact} takes EQ or GTE with a rank from 0 to 4`;
    case 'UNIT_KIND':
      if (op === 'EQ' && typeof value === 'string' && value.length > 0) return null;
      if (op === 'IN' && Array.isArray(value) && value.length > 0 && value.every((kind) => typeof kind === 'string' && kind.length > 0)) return null;
      return `${fact} takes EQ with a kind or IN with a non-empty list of kinds`;
    case 'AWARD_HELD':
      return op === 'IN' && Array.isArray(value) && value.length > 0 && value.every((code) => typeof code === 'string' && code.length > 0)
        ? null
        : `${fact} takes IN with a non-empty list of form codes`;
    case 'NOMINEE_ROLE':
      return op === 'IN' && Array.isArray(value) && value.length > 0 && value.every((role) => (NOMINEE_ROLES as readonly unknown[]).includes(role))
        ? null
        : `${fact} takes IN with a non-empty list of ${NOMINEE_ROLES.join(', ')}`;
    case 'TEAM_RATING':
      return op === 'IN' && Array.isArray(value) && value.length > 0 && value.every((level) => (TEAM_RATING_LEVELS as readonly unknown[]).includes(level))
        ? null
        : `${fact} takes IN with a non-empty list of ${TEAM_RATING_LEVELS.join(', ')}`;
    default:
      return 'unknown fact';
  }
}

function actualOf(fact: EligibilityFact, facts: UnitFacts | undefined): string | null {
  if (!facts) return null;
  switch (fact) {
    case 'SAFE_STANDARD':
      return facts.recognition === null ? null : facts.SAFE_STANDARD ? 'RECOGNISED' : facts.recognition;
    case 'CLASSIFICATION_RANK':
      return facts.classification;
    case 'REGISTERED':
    case 'EFFECTIVE_MODEL':
    case 'ADVANCED_EXAMPLE':
    case 'NO_PENDING_COMPLAINT':
    case 'MONTHS_OF_SERVICE':
    case 'CONSECUTIVE_YEARS_SAFE':
    case 'CONSECUTIVE_YEARS_GOOD':
      return String(facts[fact]);
    case 'UNIT_KIND':
      return facts.UNIT_KIND;
    case 'AWARD_HELD':
      return facts.AWARD_HELD.length === 0 ? null : facts.AWARD_HELD.join(',');
    case 'NOMINEE_ROLE':
      return facts.NOMINEE_ROLE;
    case 'TEAM_RATING':
      return facts.TEAM_RATING;
  }
}

/** Whether a condition applies to the subject: a role-guarded condition only to nominees of its roles. */
function applies(condition: Condition, facts: UnitFacts | undefined): boolean {
  if (!condition.roles || condition.roles.length === 0) return true;
  return facts?.NOMINEE_ROLE !== null && facts?.NOMINEE_ROLE !== undefined && condition.roles.includes(facts.NOMINEE_ROLE as NomineeRole);
}

function holds(condition: Condition, facts: UnitFacts | undefined): boolean {
  if (!facts) return false;
  const actual = facts[condition.fact];
  switch (condition.op) {
    case 'EQ':
      return actual === condition.value;
    case 'GTE':
      return typeof actual === 'number' && typeof condition.value === 'number' && actual >= condition.value;
    case 'IN': {
      const allowed = condition.value;
      if (!Array.isArray(allowed)) return false;
      if (Array.isArray(actual)) return actual.some((held) => allowed.includes(held));
      return typeof actual === 'string' && allowed.includes(actual);
    }
  }
}

/**
 * The awards a decision relies on: those held of a form an AWARD_HELD condition names (R20, where a rule makes a lower award a
 * prerequisite). A revocation of one of them cascades to the decision (R26).
 */
export function dependenciesOf(conditions: readonly Condition[], facts: UnitFacts | undefined): string[] {
  if (!facts) return [];
  const forms = new Set(conditions.filter((c) => c.fact === 'AWARD_HELD' && applies(c, facts) && Array.isArray(c.value)).flatMap((c) => c.value as string[]));
  return facts.heldAwards.filter((award) => forms.has(award.formCode)).map((award) => award.id);
}

/**
 * Evaluates a rule over a subject's facts: eligible when every condition that applies holds; every failed one named with its
 * fact's value.
 */
export function evaluate(conditions: readonly Condition[], facts: UnitFacts | undefined): EligibilityResult {
  const failed = conditions.filter((condition) => applies(condition, facts) && !holds(condition, facts)).map((condition) => ({ name: condition.name, fact: condition.fact, actual: actualOf(condition.fact, facts) }));
  return { eligible: failed.length === 0, failed };
}
