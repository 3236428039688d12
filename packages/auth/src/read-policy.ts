import { ROLES, type Role } from './identity';

/**
 * What a role may read of a kind of resource, always inside its jurisdiction subtree (SYSTEM_ADMIN: everywhere). Outside
 * the jurisdiction nothing is readable, and is answered exactly as what does not exist.
 * - ALLOW: every record, every field (personal fields as the next rows say).
 * - ALLOW_AGGREGATES_ONLY: counted in totals and statistics, never read one by one (answered as absent).
 * - MASKED: personal data shown masked (a name's initials, a phone's last digits), ID numbers never.
 * - DENY: never (a record answered as absent; a field answered null).
 */
export type ReadDecision = 'ALLOW' | 'ALLOW_AGGREGATES_ONLY' | 'MASKED' | 'DENY';

/** The kinds of resources the read policy speaks of, and the subgraph that enforces each. */
export const READ_RESOURCES = {
  UNIT: 'org-units: a unit (unit, units, searchUnits, children, descendants, ancestors, lineage)',
  ARMED_FORCES_UNIT: 'org-units: a unit whose attributes say armedForces (police, military agencies and departments)',
  CAMPAIGN: 'campaigns: a campaign, its calendar and targets',
  REGISTRATION: "campaigns: a unit's registration and its consolidation",
  PLEDGE: 'campaigns: a pledge (unit, kind, date, status)',
  PLEDGE_PERSONAL_DATA: "campaigns: a pledger's name, phone, citizen ID, birth year, household code (@personalData)",
  MODEL: 'models: a self-management model, its sites, teams, trainings, reviews',
  TEAM_MEMBERS: "models: a team's named members (@personalData)",
  NOMINEE_PERSONAL_DATA: "awards: an individual or household nominee's name, birth date, position, household head and address (@personalData)",
  STATISTICS: 'campaigns, models: attainment, coverage and statistics (aggregates)',
} as const;
export type ReadResource = keyof typeof READ_RESOURCES;

/** The resources that are personal data (fields marked `@personalData`). */
export const PERSONAL_DATA_RESOURCES = ['PLEDGE_PERSONAL_DATA', 'TEAM_MEMBERS', 'NOMINEE_PERSONAL_DATA'] as const satisfies readonly ReadResource[];
const NO_PERSONAL_DATA = { PLEDGE_PERSONAL_DATA: 'DENY', TEAM_MEMBERS: 'DENY', NOMINEE_PERSONAL_DATA: 'DENY' } as const;

const everything = (decision: ReadDecision): Record<ReadResource, ReadDecision> =>
  Object.fromEntries(Object.keys(READ_RESOURCES).map((resource) => [resource, decision])) as Record<ReadResource, ReadDecision>;

/**
 * The one read policy of the platform (issue 10, item 8): roles × resources. Decisions:
 * - Officers who collect pledges and run models (UNIT_OFFICER, LEVEL_OFFICER, STEERING_OFFICER) read everything in their
 *   line, personal data included (Decree 13/2023: for the purpose they collect it for).
 * - SYSTEM_ADMIN and ORG_ADMIN run the system and the unit tree: everything, pledgers masked, team members only to
 *   SYSTEM_ADMIN (who repairs data); APPRAISER appraises units: everything but personal data (masked pledgers, no members).
 * - EXTERNAL_READER (agencies, API keys) and CITIZEN read the movement's public picture of their jurisdiction: units,
 *   campaigns, registrations, pledges as facts, models, statistics; police and military units only within aggregates
 *   (never one by one: where they are and what they are called is not public); no personal data at all.
 * - Nominees of awards (people and households put forward for an award): in clear to the officers of their line and to the
 *   APPRAISER (the emulation-reward board appraises the person and prints the certificate); masked to SYSTEM_ADMIN and ORG_ADMIN.
 */
export const READ_POLICY: Readonly<Record<Role, Readonly<Record<ReadResource, ReadDecision>>>> = {
  SYSTEM_ADMIN: { ...everything('ALLOW'), PLEDGE_PERSONAL_DATA: 'MASKED', NOMINEE_PERSONAL_DATA: 'MASKED' },
  ORG_ADMIN: { ...everything('ALLOW'), PLEDGE_PERSONAL_DATA: 'MASKED', TEAM_MEMBERS: 'DENY', NOMINEE_PERSONAL_DATA: 'MASKED' },
  STEERING_OFFICER: everything('ALLOW'),
  LEVEL_OFFICER: everything('ALLOW'),
  UNIT_OFFICER: everything('ALLOW'),
  APPRAISER: { ...everything('ALLOW'), PLEDGE_PERSONAL_DATA: 'MASKED', TEAM_MEMBERS: 'DENY' },
  EXTERNAL_READER: { ...everything('ALLOW'), ARMED_FORCES_UNIT: 'ALLOW_AGGREGATES_ONLY', ...NO_PERSONAL_DATA },
  CITIZEN: { ...everything('ALLOW'), ARMED_FORCES_UNIT: 'ALLOW_AGGREGATES_ONLY', ...NO_PERSONAL_DATA },
};

const OPENNESS: readonly ReadDecision[] = ['DENY', 'ALLOW_AGGREGATES_ONLY', 'MASKED', 'ALLOW'];

/** Roles whose decision caps a caller's whatever else it holds (an agency's key never reads more because of another role). */
export const CAPPING_ROLES: readonly Role[] = ['EXTERNAL_READER'];

/**
 * The decision for a caller holding `roles`: the most open of its roles' decisions, except that a capping role
 * ({@link CAPPING_ROLES}) decides alone when held. No role: DENY.
 */
export function readDecision(roles: readonly Role[], resource: ReadResource): ReadDecision {
  const capping = roles.filter((role) => CAPPING_ROLES.includes(role));
  const deciding = capping.length > 0 ? capping : roles;
  return deciding.reduce<ReadDecision>((best, role) => {
    const decision = READ_POLICY[role][resource];
    return OPENNESS.indexOf(decision) > OPENNESS.indexOf(best) ? decision : best;
  }, 'DENY');
}

/** The policy as a Markdown table (docs/READ-POLICY.md holds it; a spec keeps the two equal). */
export function renderReadPolicyTable(): string {
  const resources = Object.keys(READ_RESOURCES) as ReadResource[];
  const lines = [`| role | ${resources.join(' | ')} |`, `|---|${resources.map(() => '---|').join('')}`];
  for (const role of ROLES) lines.push(`| ${role} | ${resources.map((resource) => READ_POLICY[role][resource]).join(' | ')} |`);
  lines.push('', '| resource | what and where |', '|---|---|');
  for (const resource of resources) lines.push(`| ${resource} | ${READ_RESOURCES[resource]} |`);
  return lines.join('\n');
}

/**
 * Whether every field marked `@personalData` (names, ID numbers, phones of pledgers, members, nominees) is withheld as
 * null from a caller holding `roles`, in every subgraph (the service kit enforces it): when the policy denies it both
 * kinds of personal data (EXTERNAL_READER, whatever else it holds; CITIZEN). Anonymous callers are withheld it too.
 */
export function personalDataWithheld(roles: readonly Role[]): boolean {
  return PERSONAL_DATA_RESOURCES.every((resource) => readDecision(roles, resource) === 'DENY');
}
