/**
 * R25 — the rating of grassroots security teams and their members (Hướng dẫn 01/HD-BCA-V05), as pure rules over one commune's
 * ratings of a year: four levels; the year's window runs from 15/11 of the year before to 14/11; nobody (team or member) under
 * 9 months in operation or of service, nor under complaint or denunciation, is rated; a team leader is not rated above the team;
 * per commune the number rated EXCELLENT is at most 20% of the number rated GOOD (teams and members counted apart).
 */

/** The four levels, highest first: Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ. */
export const TEAM_RATING_LEVELS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export type TeamRatingLevel = (typeof TEAM_RATING_LEVELS)[number];
const RANK: Record<TeamRatingLevel, number> = { EXCELLENT: 4, GOOD: 3, COMPLETED: 2, NOT_COMPLETED: 1 };

/** A member's place in the team: Tổ trưởng, Tổ phó, Tổ viên. */
export const TEAM_POSITIONS = ['LEADER', 'DEPUTY', 'MEMBER'] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];

/** Under this many whole months in operation (a team) or of service (a member) on the evaluation date, nobody is rated. */
export const MIN_MONTHS_RATED = 9;
/** EXCELLENT at most this share of GOOD, per commune: 5 × EXCELLENT ≤ GOOD in whole numbers (no rounding up). */
export const EXCELLENT_PER_GOOD = { numerator: 1, denominator: 5 } as const;

/** The last day of the year's window: months are counted on it. */
export function evaluationDateOf(year: number): string {
  return `${String(year).padStart(4, '0')}-11-14`;
}

/** The first day of the year's window (15/11 of the year before). */
export function windowStartOf(year: number): string {
  return `${String(year - 1).padStart(4, '0')}-11-15`;
}

/** Whole months from `from` to `to` (dates YYYY-MM-DD), as PostgreSQL's age() counts them; 0 when `to` is before `from`. */
export function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** How many EXCELLENT a count of GOOD allows. */
export function excellentAllowed(good: number): number {
  return Math.floor((good * EXCELLENT_PER_GOOD.numerator) / EXCELLENT_PER_GOOD.denominator);
}

export interface RatedMember {
  /** Where the row came from in the input, e.g. `input.teams[0].members[2]`. */
  field: string;
  subjectKey: string;
  position: TeamPosition;
  joinedOn: string;
  underComplaint: boolean;
  rating: TeamRatingLevel | null;
}

export interface RatedTeam {
  field: string;
  teamUnitId: string;
  operatingSince: string;
  underComplaint: boolean;
  rating: TeamRatingLevel | null;
  members: RatedMember[];
}

/** Why a row is refused; the codes are stable. */
export const TEAM_RATING_REJECTIONS = [
  'TEAM_NOT_FOUND',
  'DUPLICATE_TEAM',
  'DUPLICATE_MEMBER',
  'STARTS_AFTER_EVALUATION',
  'UNDER_NINE_MONTHS',
  'UNDER_COMPLAINT',
  'MORE_THAN_ONE_LEADER',
  'LEADER_ABOVE_TEAM',
  'EXCELLENT_OVER_QUOTA',
] as const;
export type TeamRatingRejectionCode = (typeof TEAM_RATING_REJECTIONS)[number];

/** One refused row: the input field, a stable code (a rule's or an input check's) and the reason. */
export interface TeamRatingRejection {
  field: string;
  code: string;
  reason: string;
}

export interface LevelCounts {
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
  notRated: number;
}

export function countLevels(ratings: ReadonlyArray<TeamRatingLevel | null>): LevelCounts {
  const counts: LevelCounts = { excellent: 0, good: 0, completed: 0, notCompleted: 0, notRated: 0 };
  for (const rating of ratings) {
    if (rating === 'EXCELLENT') counts.excellent += 1;
    else if (rating === 'GOOD') counts.good += 1;
    else if (rating === 'COMPLETED') counts.completed += 1;
    else if (rating === 'NOT_COMPLETED') counts.notCompleted += 1;
    else counts.notRated += 1;
  }
  return counts;
}

/**
 * Every row of a commune's ratings that breaks R25, in input order, then the commune's quotas; empty when all hold. Rows are
 * judged independently, so one call names every failing row and why.
 */
export function teamRatingProblems(teams: readonly RatedTeam[], year: number): TeamRatingRejection[] {
  const evaluatedOn = evaluationDateOf(year);
  const problems: TeamRatingRejection[] = [];
  const seenTeams = new Set<string>();
  const seenMembers = new Set<string>();
  for (const team of teams) {
    if (seenTeams.has(team.teamUnitId)) problems.push({ field: `${team.field}.teamId`, code: 'DUPLICATE_TEAM', reason: 'the team is rated twice' });
    seenTeams.add(team.teamUnitId);
    problems.push(...ratedOnlyWhenDue(`${team.field}`, team.operatingSince, 'operatingSince', 'in operation', team, evaluatedOn));
    const leaders = team.members.filter((member) => member.position === 'LEADER');
    if (leaders.length > 1) problems.push({ field: `${team.field}.members`, code: 'MORE_THAN_ONE_LEADER', reason: `a team has one leader, ${leaders.length} given` });
    for (const member of team.members) {
      if (seenMembers.has(member.subjectKey)) problems.push({ field: member.field, code: 'DUPLICATE_MEMBER', reason: 'the person is rated twice in the commune' });
      seenMembers.add(member.subjectKey);
      problems.push(...ratedOnlyWhenDue(member.field, member.joinedOn, 'joinedOn', 'of service', member, evaluatedOn));
      if (member.position === 'LEADER' && member.rating) {
        if (!team.rating) {
          problems.push({ field: `${member.field}.rating`, code: 'LEADER_ABOVE_TEAM', reason: 'the leader of a team that is not rated is not rated' });
        } else if (RANK[member.rating] > RANK[team.rating]) {
          problems.push({ field: `${member.field}.rating`, code: 'LEADER_ABOVE_TEAM', reason: `the leader (${member.rating}) is rated above the team (${team.rating})` });
        }
      }
    }
  }
  const quota = (field: string, what: string, ratings: ReadonlyArray<TeamRatingLevel | null>) => {
    const counts = countLevels(ratings);
    if (counts.excellent > excellentAllowed(counts.good)) {
      problems.push({
        field,
        code: 'EXCELLENT_OVER_QUOTA',
        reason: `${counts.excellent} ${what} rated EXCELLENT, at most 20% of the ${counts.good} rated GOOD (${excellentAllowed(counts.good)}) per commune`,
      });
    }
  };
  quota('input.teams', 'teams', teams.map((team) => team.rating));
  quota('input.teams.members', 'members', teams.flatMap((team) => team.members.map((member) => member.rating)));
  return problems;
}

function ratedOnlyWhenDue(
  field: string,
  since: string,
  sinceField: string,
  what: string,
  row: { underComplaint: boolean; rating: TeamRatingLevel | null },
  evaluatedOn: string,
): TeamRatingRejection[] {
  if (since > evaluatedOn) return [{ field: `${field}.${sinceField}`, code: 'STARTS_AFTER_EVALUATION', reason: `lies after the evaluation date ${evaluatedOn}` }];
  if (!row.rating) return [];
  const problems: TeamRatingRejection[] = [];
  const months = wholeMonths(since, evaluatedOn);
  if (months < MIN_MONTHS_RATED) {
    problems.push({ field: `${field}.rating`, code: 'UNDER_NINE_MONTHS', reason: `${months} whole months ${what} on ${evaluatedOn}: under ${MIN_MONTHS_RATED} months is not rated` });
  }
  if (row.underComplaint) problems.push({ field: `${field}.rating`, code: 'UNDER_COMPLAINT', reason: 'under complaint or denunciation: not rated' });
  return problems;
}
