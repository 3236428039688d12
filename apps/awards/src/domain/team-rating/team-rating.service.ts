import { randomUUID } from 'node:crypto';
import { DomainError, type Caller, type Identity } from '@antt/auth';
import { TeamRatingsRecordedV1 } from '@antt/contracts';
import { appendToOutbox } from '@antt/events';
import { type Clock, badInput, fromDbDate, inputPageSize, toDbDate } from '@antt/service-kit';
import { type DirectoryEntry, UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { EVENT_SOURCE, type CommandContext } from '../nomination';
import { type NomineeProtection, type NomineeView } from '../nominee';
import { type AwardsInput, type AwardsPolicy, awardErrors, labelOf } from '../shared';
import {
  type LevelCounts,
  type RatedMember,
  type RatedTeam,
  TEAM_POSITIONS,
  TEAM_RATING_LEVELS,
  type TeamPosition,
  type TeamRatingLevel,
  type TeamRatingRejection,
  countLevels,
  evaluationDateOf,
  excellentAllowed,
  teamRatingProblems,
  windowStartOf,
  wholeMonths,
} from './team-rating.rules';
import { securityTeamsByCommune } from './security-teams';

/** Bounds of one recording: a commune has a few dozen teams of a dozen members at most; these leave ample room. */
export const MAX_TEAMS_PER_COMMUNE = 300;
export const MAX_MEMBERS_PER_TEAM = 100;
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 60_000 };

export interface TeamMemberInput {
  fullName: string;
  birthYear?: number | null;
  birthDate?: string | null;
  citizenId?: string | null;
  position: TeamPosition;
  joinedOn: string;
  underComplaint?: boolean | null;
  rating?: TeamRatingLevel | null;
}

export interface TeamInput {
  teamId: string;
  operatingSince: string;
  underComplaint?: boolean | null;
  rating?: TeamRatingLevel | null;
  members: readonly TeamMemberInput[];
}

export interface RecordTeamRatingsInput {
  year: number;
  communeId: string;
  reason: string;
  teams: readonly TeamInput[];
}

export interface TeamMemberRatingView {
  subjectKey: string;
  memberEnc: string;
  position: TeamPosition;
  joinedOn: string;
  monthsOfService: number;
  underComplaint: boolean;
  rating: TeamRatingLevel | null;
}

export interface SecurityTeamRatingView {
  teamUnitId: string;
  teamCode: string;
  teamName: string;
  operatingSince: string;
  monthsInOperation: number;
  underComplaint: boolean;
  rating: TeamRatingLevel | null;
  members: TeamMemberRatingView[];
}

export interface RatingCountsView extends LevelCounts {
  excellentAllowed: number;
}

export interface TeamRatingRoundView {
  id: string;
  year: number;
  communeId: string;
  communeCode: string;
  communeName: string;
  version: number;
  evaluatedOn: string;
  windowStart: string;
  recordedBy: string;
  recordedUnitId: string;
  recordedAt: string;
  reason: string;
  teams: SecurityTeamRatingView[];
  teamCounts: RatingCountsView;
  memberCounts: RatingCountsView;
}

const counts = (ratings: ReadonlyArray<TeamRatingLevel | null>): RatingCountsView => {
  const levels = countLevels(ratings);
  return { ...levels, excellentAllowed: excellentAllowed(levels.good) };
};

/** One commune of a level's consolidation: its teams in the directory and its current ratings (null when none recorded). */
export interface CommuneTeamRatingsView {
  communeId: string;
  communeCode: string;
  communeName: string;
  teams: number;
  version: number | null;
  recordedAt: string | null;
  teamCounts: RatingCountsView | null;
  memberCounts: RatingCountsView | null;
}

/** A level's consolidation of its communes' team ratings of a year (R25), level by level. */
export interface TeamRatingsSummaryView {
  year: number;
  unitId: string;
  evaluatedOn: string;
  /** Communes with at least one team on the evaluation date or a recorded rating. */
  communes: number;
  communesRecorded: number;
  teams: number;
  /** Sums over the recorded communes; `excellentAllowed` sums each commune's own allowance (the quota is per commune). */
  teamCounts: RatingCountsView;
  memberCounts: RatingCountsView;
  /** Communes not recorded first, then by code; at most `first`. */
  rows: CommuneTeamRatingsView[];
}

export const SUMMARY_MAX_ROWS = 1000;

/** A canonical row, or the rejections its input checks raised. */
type Checked<T> = { ok: true; value: T } | { ok: false; rejections: TeamRatingRejection[] };

function checked<T>(work: () => T): Checked<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof DomainError) {
      const field = typeof error.details['field'] === 'string' ? error.details['field'] : 'input';
      return { ok: false, rejections: [{ field, code: error.reason, reason: error.message }] };
    }
    throw error;
  }
}

/**
 * R25: a commune's ratings of its grassroots security teams and their members for a year, recorded by an officer of a level whose
 * jurisdiction holds the commune (today) as one version that replaces the earlier one, all or nothing: every refused row is
 * named with its field, code and reason, and nothing is written. Members are kept against the blind index of an individual
 * nominee of the team's unit (so an individual nomination of the same person reads their rating: `TEAM_RATING`), their
 * personal data encrypted as nominees' are. Each version publishes `awards.team-ratings.recorded.v1` (counts only).
 */
export class TeamRatingService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: AwardsPolicy,
    private readonly clock: Clock,
    private readonly input: AwardsInput,
    private readonly nominees: NomineeProtection,
  ) {}

  async record(context: CommandContext, raw: RecordTeamRatingsInput): Promise<TeamRatingRoundView> {
    const identity = this.policy.nominator(context.caller);
    const year = this.input.year(raw.year, 'input.year');
    const communeId = this.input.id(raw.communeId, 'input.communeId');
    const reason = this.input.text(raw.reason, 'input.reason', 1000);
    if (!Array.isArray(raw.teams) || raw.teams.length === 0 || raw.teams.length > MAX_TEAMS_PER_COMMUNE) {
      throw badInput('INVALID_COUNT', `input.teams: from 1 to ${MAX_TEAMS_PER_COMMUNE} teams per recording`, { field: 'input.teams', max: MAX_TEAMS_PER_COMMUNE });
    }
    raw.teams.forEach((team, index) => {
      if (team.members.length > MAX_MEMBERS_PER_TEAM) {
        throw badInput('INVALID_COUNT', `input.teams[${index}].members: at most ${MAX_MEMBERS_PER_TEAM} members per team`, { field: `input.teams[${index}].members`, max: MAX_MEMBERS_PER_TEAM });
      }
    });
    const evaluatedOn = evaluationDateOf(year);
    const today = this.clock.today();
    return this.prisma.$transaction(async (tx) => {
      const directory = new UnitDirectory(tx);
      const commune = await directory.unitAt(communeId, evaluatedOn);
      // Outside the caller's jurisdiction (today), or not a commune in that year: answered as a commune that does not exist.
      if (!commune || commune.kind !== 'COMMUNE' || !(await this.policy.sees(directory, identity, communeId, today))) throw awardErrors.unitNotFound(communeId, 'input.communeId');
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('team-rating:' || $1 || ':' || $2))`, String(year), communeId);
      const rejections: TeamRatingRejection[] = [];
      const teams: RatedTeam[] = [];
      const encrypted = new Map<string, string>();
      for (const [index, rawTeam] of raw.teams.entries()) {
        const field = `input.teams[${index}]`;
        const team = await this.team(directory, identity, rawTeam, field, communeId, evaluatedOn, today);
        rejections.push(...team.rejections);
        // Members are checked whenever the team is known, even when its own dates or rating are refused: every row is named.
        if (team.personUnitId === null) continue;
        const members: RatedMember[] = [];
        for (const [memberIndex, rawMember] of rawTeam.members.entries()) {
          const member = this.member(rawMember, `${field}.members[${memberIndex}]`, team.personUnitId, today);
          if (!member.ok) rejections.push(...member.rejections);
          else {
            members.push(member.value.rated);
            encrypted.set(member.value.rated.subjectKey, member.value.memberEnc);
          }
        }
        if (team.rated) teams.push({ ...team.rated, members });
      }
      rejections.push(...teamRatingProblems(teams, year));
      if (rejections.length > 0) throw awardErrors.teamRatingsRefused(rejections);

      const previous = await tx.teamRatingRound.findFirst({ where: { year, communeId }, orderBy: { version: 'desc' }, select: { version: true } });
      await tx.teamRatingRound.updateMany({ where: { year, communeId, current: true }, data: { current: false } });
      const round = await tx.teamRatingRound.create({
        data: { id: randomUUID(), year, communeId, version: (previous?.version ?? 0) + 1, recordedBy: identity.subject, recordedUnitId: identity.jurisdictionUnitId, reason },
      });
      await tx.teamRating.createMany({
        data: teams.map((team) => ({ roundId: round.id, teamUnitId: team.teamUnitId, operatingSince: toDbDate(team.operatingSince), underComplaint: team.underComplaint, rating: team.rating })),
      });
      await tx.teamMemberRating.createMany({
        data: teams.flatMap((team) =>
          team.members.map((member) => ({
            roundId: round.id,
            subjectKey: member.subjectKey,
            teamUnitId: team.teamUnitId,
            memberEnc: encrypted.get(member.subjectKey) ?? '',
            position: member.position,
            joinedOn: toDbDate(member.joinedOn),
            underComplaint: member.underComplaint,
            rating: member.rating,
          })),
        ),
      });
      const view = await this.load(tx, round.id);
      if (!view) throw new Error(`team rating round ${round.id} vanished inside its transaction`);
      const { excellentAllowed: _teams, ...teamCounts } = view.teamCounts;
      const { excellentAllowed: _members, ...memberCounts } = view.memberCounts;
      await appendToOutbox(
        tx,
        [
          {
            contract: TeamRatingsRecordedV1,
            aggregateId: communeId,
            correlationId: context.correlationId,
            data: { roundId: round.id, year, communeId, version: round.version, evaluatedOn, recordedUnitId: identity.jurisdictionUnitId, teams: teamCounts, members: memberCounts },
          },
        ],
        { source: EVENT_SOURCE },
      );
      return view;
    }, TRANSACTION_OPTIONS);
  }

  /**
   * The commune's ratings of the year (the current version, or `version`), for a reader whose jurisdiction holds the commune
   * today or — a past year — held it at the end of the year's window (the read rule of past seasons); null otherwise.
   */
  async ofCommune(caller: Caller, rawYear: number, rawCommuneId: string, rawVersion: number | null | undefined): Promise<TeamRatingRoundView | null> {
    const identity = this.policy.reader(caller);
    const year = this.input.year(rawYear, 'year');
    const communeId = this.input.id(rawCommuneId, 'communeId');
    const version = rawVersion === null || rawVersion === undefined ? null : this.input.count(rawVersion, 'version');
    if (!identity) return null;
    const directory = new UnitDirectory(this.prisma);
    if (!(await this.policy.readsForCampaign(directory, identity, communeId, this.clock.today(), evaluationDateOf(year)))) return null;
    const round = await this.prisma.teamRatingRound.findFirst({ where: { year, communeId, ...(version === null ? { current: true } : { version }) }, select: { id: true } });
    return round ? this.load(this.prisma, round.id) : null;
  }

  /** The versions recorded for the commune and year (newest first), for a reader of {@link ofCommune}. */
  async versions(caller: Caller, rawYear: number, rawCommuneId: string): Promise<number[]> {
    const identity = this.policy.reader(caller);
    const year = this.input.year(rawYear, 'year');
    const communeId = this.input.id(rawCommuneId, 'communeId');
    if (!identity || !(await this.policy.readsForCampaign(new UnitDirectory(this.prisma), identity, communeId, this.clock.today(), evaluationDateOf(year)))) return [];
    const rows = await this.prisma.teamRatingRound.findMany({ where: { year, communeId }, orderBy: { version: 'desc' }, select: { version: true } });
    return rows.map((row) => row.version);
  }

  /**
   * The consolidation of a year's team ratings under `unitId` (default the caller's jurisdiction): every commune with teams in
   * the directory on the evaluation date, whether it recorded, and its counts; totals over them. Read by a level whose
   * jurisdiction holds the unit today or — a past year — at the end of the year's window (the read rule of past seasons: the
   * units merged WHOLE into it since count). Null when the caller reads nothing there.
   */
  async summary(caller: Caller, rawYear: number, rawUnitId: string | null | undefined, rawFirst: number | null | undefined): Promise<TeamRatingsSummaryView | null> {
    const identity = this.policy.reader(caller);
    const year = this.input.year(rawYear, 'year');
    const unitId = rawUnitId === null || rawUnitId === undefined ? null : this.input.id(rawUnitId, 'unitId');
    const first = inputPageSize(rawFirst, { field: 'first', max: SUMMARY_MAX_ROWS, fallback: 500 });
    if (!identity) return null;
    const evaluatedOn = evaluationDateOf(year);
    const today = this.clock.today();
    const directory = new UnitDirectory(this.prisma);
    const root = unitId ?? identity.jurisdictionUnitId;
    if (!(await this.policy.readsForCampaign(directory, identity, root, today, evaluatedOn))) return null;
    // The roots to walk on the evaluation date: the unit, and for a past year the units merged WHOLE into it since.
    const roots = evaluatedOn < today ? await directory.readRootsOf(root, evaluatedOn) : [root];
    const { units, teams: teamsByCommune } = await securityTeamsByCommune(directory, roots, evaluatedOn);
    const teamsOf = new Map([...teamsByCommune].map(([communeId, teams]) => [communeId, teams.length]));
    const recorded = await this.prisma.$queryRawUnsafe<
      Array<{ commune_id: string; version: number; recorded_at: Date; teams: Array<string | null>; members: Array<string | null> }>
    >(
      `SELECT r.commune_id::text, r.version, r.recorded_at,
              COALESCE((SELECT array_agg(t.rating) FROM team_rating t WHERE t.round_id = r.id), '{}') AS teams,
              COALESCE((SELECT array_agg(m.rating) FROM team_member_rating m WHERE m.round_id = r.id), '{}') AS members
       FROM team_rating_round r WHERE r.year = $1 AND r.current AND r.commune_id = ANY($2::uuid[])`,
      year,
      [...teamsOf.keys()],
    );
    const byCommune = new Map(recorded.map((row) => [row.commune_id, row]));
    const rows: CommuneTeamRatingsView[] = [...teamsOf.entries()]
      .filter(([communeId, teams]) => teams > 0 || byCommune.has(communeId))
      .map(([communeId, teams]) => {
        const commune = units.get(communeId);
        const round = byCommune.get(communeId);
        return {
          communeId,
          communeCode: commune?.code ?? '',
          communeName: commune?.name ?? '',
          teams,
          version: round?.version ?? null,
          recordedAt: round?.recorded_at.toISOString() ?? null,
          teamCounts: round ? counts(round.teams as Array<TeamRatingLevel | null>) : null,
          memberCounts: round ? counts(round.members as Array<TeamRatingLevel | null>) : null,
        };
      })
      .sort((a, b) => Number(a.version !== null) - Number(b.version !== null) || a.communeCode.localeCompare(b.communeCode));
    const sum = (pick: (row: CommuneTeamRatingsView) => RatingCountsView | null): RatingCountsView => {
      const total: RatingCountsView = { excellent: 0, good: 0, completed: 0, notCompleted: 0, notRated: 0, excellentAllowed: 0 };
      for (const row of rows) {
        const value = pick(row);
        if (!value) continue;
        for (const key of Object.keys(total) as Array<keyof RatingCountsView>) total[key] += value[key];
      }
      return total;
    };
    return {
      year,
      unitId: root,
      evaluatedOn,
      communes: rows.length,
      communesRecorded: rows.filter((row) => row.version !== null).length,
      teams: rows.reduce((total, row) => total + row.teams, 0),
      teamCounts: sum((row) => row.teamCounts),
      memberCounts: sum((row) => row.memberCounts),
      rows: rows.slice(0, first),
    };
  }

  memberOf(caller: Caller, member: TeamMemberRatingView): NomineeView | null {
    return this.nominees.view({ nomineeEnc: member.memberEnc, nomineeRole: 'TEAM_MEMBER' }, this.policy.personalDataAccess(caller));
  }

  private async team(
    directory: UnitDirectory,
    identity: Identity,
    raw: TeamInput,
    field: string,
    communeId: string,
    evaluatedOn: string,
    today: string,
  ): Promise<{ rejections: TeamRatingRejection[]; rated: Omit<RatedTeam, 'members'> | null; personUnitId: string | null }> {
    const id = checked(() => this.input.id(raw.teamId, `${field}.teamId`));
    if (!id.ok) return { rejections: id.rejections, rated: null, personUnitId: null };
    const teamUnitId = id.value;
    const entry: DirectoryEntry | null = await directory.unitAt(teamUnitId, evaluatedOn);
    const inside =
      entry !== null && entry.kind === 'SECURITY_TEAM' && (await directory.isWithin(teamUnitId, communeId, evaluatedOn)) && (await this.policy.sees(directory, identity, teamUnitId, today));
    if (!inside || !entry) {
      return { rejections: [{ field: `${field}.teamId`, code: 'TEAM_NOT_FOUND', reason: `no security team of the commune on ${evaluatedOn}` }], rated: null, personUnitId: null };
    }
    const operatingSince = checked(() => this.input.date(raw.operatingSince, `${field}.operatingSince`));
    const rating = checked(() => this.level(raw.rating, `${field}.rating`));
    const rejections = [...(operatingSince.ok ? [] : operatingSince.rejections), ...(rating.ok ? [] : rating.rejections)];
    const rated = operatingSince.ok && rating.ok ? { field, teamUnitId, operatingSince: operatingSince.value, underComplaint: raw.underComplaint === true, rating: rating.value } : null;
    return { rejections, rated, personUnitId: entry.parentId ?? communeId };
  }

  private member(raw: TeamMemberInput, field: string, personUnitId: string, today: string): Checked<{ rated: RatedMember; memberEnc: string }> {
    return checked(() => {
      if (!(TEAM_POSITIONS as readonly string[]).includes(raw.position)) throw badInput('INVALID_NOMINEE', `${field}.position: unknown position`, { field: `${field}.position` });
      const joinedOn = this.input.date(raw.joinedOn, `${field}.joinedOn`);
      const rating = this.level(raw.rating, `${field}.rating`);
      const stored = this.nominees.protect(
        'INDIVIDUAL',
        personUnitId,
        { fullName: raw.fullName, birthYear: raw.birthYear, birthDate: raw.birthDate, citizenId: raw.citizenId, role: 'TEAM_MEMBER', position: labelOf('TeamPosition', raw.position) },
        today,
        field,
      );
      return {
        rated: { field, subjectKey: stored.subjectKey, position: raw.position, joinedOn, underComplaint: raw.underComplaint === true, rating },
        memberEnc: stored.nomineeEnc ?? '',
      };
    });
  }

  private level(raw: TeamRatingLevel | null | undefined, field: string): TeamRatingLevel | null {
    if (raw === null || raw === undefined) return null;
    if (!(TEAM_RATING_LEVELS as readonly string[]).includes(raw)) throw badInput('INVALID_RATING', `${field}: unknown rating`, { field });
    return raw;
  }

  private async load(db: PrismaClient | Prisma.TransactionClient, roundId: string): Promise<TeamRatingRoundView | null> {
    const round = await db.teamRatingRound.findUnique({ where: { id: roundId }, include: { teams: true, members: true } });
    if (!round) return null;
    const evaluatedOn = evaluationDateOf(round.year);
    const directory = new UnitDirectory(db);
    const units = await directory.unitsAt([round.communeId, ...round.teams.map((team) => team.teamUnitId)], evaluatedOn);
    const teams: SecurityTeamRatingView[] = round.teams
      .map((team) => {
        const since = fromDbDate(team.operatingSince);
        const members = round.members
          .filter((member) => member.teamUnitId === team.teamUnitId)
          .map((member): TeamMemberRatingView => {
            const joinedOn = fromDbDate(member.joinedOn);
            return {
              subjectKey: member.subjectKey,
              memberEnc: member.memberEnc,
              position: member.position as TeamPosition,
              joinedOn,
              monthsOfService: wholeMonths(joinedOn, evaluatedOn),
              underComplaint: member.underComplaint,
              rating: member.rating as TeamRatingLevel | null,
            };
          })
          .sort((a, b) => TEAM_POSITIONS.indexOf(a.position) - TEAM_POSITIONS.indexOf(b.position) || a.joinedOn.localeCompare(b.joinedOn) || a.subjectKey.localeCompare(b.subjectKey));
        const unit = units.get(team.teamUnitId);
        return {
          teamUnitId: team.teamUnitId,
          teamCode: unit?.code ?? '',
          teamName: unit?.name ?? '',
          operatingSince: since,
          monthsInOperation: wholeMonths(since, evaluatedOn),
          underComplaint: team.underComplaint,
          rating: team.rating as TeamRatingLevel | null,
          members,
        };
      })
      .sort((a, b) => a.teamCode.localeCompare(b.teamCode));
    const commune = units.get(round.communeId);
    return {
      id: round.id,
      year: round.year,
      communeId: round.communeId,
      communeCode: commune?.code ?? '',
      communeName: commune?.name ?? '',
      version: round.version,
      evaluatedOn,
      windowStart: windowStartOf(round.year),
      recordedBy: round.recordedBy,
      recordedUnitId: round.recordedUnitId,
      recordedAt: round.recordedAt.toISOString(),
      reason: round.reason,
      teams,
      teamCounts: counts(teams.map((team) => team.rating)),
      memberCounts: counts(teams.flatMap((team) => team.members.map((member) => member.rating))),
    };
  }
}
