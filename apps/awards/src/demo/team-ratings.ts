import { type Identity } from '@antt/auth';
import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';
import { type RequestServices } from '../domain/awards.module';
import { type TeamInput, type TeamRatingLevel, type TeamRatingRoundView, evaluationDateOf, securityTeamsByCommune } from '../domain/team-rating';

const FAMILY = ['Nguyễn', 'Trần', 'Phạm', 'Vũ', 'Đỗ', 'Bùi', 'Hoàng', 'Đặng', 'Ngô', 'Lê'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quang', 'Thu', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quyết', 'Sơn', 'Thắng', 'Thu', 'Tuấn', 'Vinh', 'Yến'];

/** A small deterministic hash of a text, so that the demo is the same on every run. */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash;
}

const laterOf = (a: string, b: string): string => (a > b ? a : b);

export interface DemoTeamRatingsOutcome {
  communes: number;
  teams: number;
  members: number;
  excellentTeams: number;
  excellentMembers: number;
  notRatedMembers: number;
}

/**
 * A commune's teams as its police would rate them for the year, deterministic per team code: mostly GOOD, one team in six and
 * one member in eight COMPLETED, a team founded in May of the year and a member who joined in April left unrated (under 9
 * months), each leader at the team's rating, and EXCELLENT for as many teams and members as 20% of GOOD allows (R25).
 */
export function planCommuneRatings(year: number, teams: readonly DirectoryEntry[]): TeamInput[] {
  const planned = teams.map((team) => {
    const seed = hashOf(team.code);
    const fresh = seed % 17 === 3;
    const rating: TeamRatingLevel | null = fresh ? null : seed % 6 === 1 ? 'COMPLETED' : 'GOOD';
    const staff = typeof team.attributes.staffCount === 'number' ? team.attributes.staffCount : 6;
    const size = Math.max(3, Math.min(12, staff));
    const operatingSince = fresh ? `${year}-05-01` : `${year - 2 - (seed % 8)}-03-01`;
    const members = Array.from({ length: size }, (_, n) => {
      const s = hashOf(`${team.code}#${n}`);
      const joinedLate = !fresh && n === size - 1 && s % 4 === 0;
      const own: TeamRatingLevel = s % 8 === 5 ? 'COMPLETED' : 'GOOD';
      const memberRating: TeamRatingLevel | null = fresh || joinedLate ? null : n === 0 ? rating : own;
      return {
        rating: memberRating as TeamRatingLevel | null,
        fullName: `${FAMILY[s % FAMILY.length]} ${MIDDLE[(s >>> 4) % MIDDLE.length]} ${GIVEN[(s >>> 8) % GIVEN.length]}`,
        birthYear: 1960 + ((s >>> 12) % 40),
        position: n === 0 ? ('LEADER' as const) : n === 1 ? ('DEPUTY' as const) : ('MEMBER' as const),
        // Nobody joined before the team began operating.
        joinedOn: fresh ? operatingSince : joinedLate ? `${year}-04-01` : laterOf(`${year - 1 - ((s >>> 16) % 6)}-0${1 + ((s >>> 20) % 9)}-15`, operatingSince),
      };
    });
    return { teamId: team.unitId, operatingSince, rating: rating as TeamRatingLevel | null, members };
  });
  // EXCELLENT for one GOOD team in six (5 × EXCELLENT ≤ the GOOD left), its leader with it; members likewise.
  const goodTeams = planned.filter((team) => team.rating === 'GOOD');
  for (const team of goodTeams.slice(0, Math.floor(goodTeams.length / 6))) {
    team.rating = 'EXCELLENT';
    if (team.members[0]) team.members[0].rating = 'EXCELLENT';
  }
  const goodMembers = planned.flatMap((team) => team.members.slice(1)).filter((member) => member.rating === 'GOOD');
  const excellentLeaders = planned.filter((team) => team.rating === 'EXCELLENT').length;
  const goodLeaders = planned.filter((team) => team.rating === 'GOOD').length;
  const room = Math.max(0, Math.floor((goodMembers.length + goodLeaders) / 6) - excellentLeaders);
  for (const member of goodMembers.slice(0, room)) member.rating = 'EXCELLENT';
  return planned;
}

/**
 * Every commune of the province with grassroots security teams records its teams' ratings of `year` through the domain, as its
 * steering committee's officer, on `recordedOn` (late November, after the window closed on 14/11).
 */
export async function loadDemoTeamRatings(
  services: RequestServices,
  directory: UnitDirectory,
  provinceId: string,
  year: number,
  setToday: (date: string) => void,
  recordedOn: string,
): Promise<DemoTeamRatingsOutcome> {
  const evaluatedOn = evaluationDateOf(year);
  const { units: byId, teams: teamsByCommune } = await securityTeamsByCommune(directory, [provinceId], evaluatedOn);
  setToday(recordedOn);
  const outcome: DemoTeamRatingsOutcome = { communes: 0, teams: 0, members: 0, excellentTeams: 0, excellentMembers: 0, notRatedMembers: 0 };
  for (const [communeId, teams] of teamsByCommune) {
    const commune = byId.get(communeId);
    if (!commune || teams.length === 0) continue;
    const caller: Identity = { subject: `bcd-xa@${commune.code.toLowerCase()}`, roles: ['LEVEL_OFFICER'], jurisdictionUnitId: communeId };
    const round: TeamRatingRoundView = await services.teamRatings.record(
      { caller, correlationId: `demo-team-ratings-${year}` },
      { year, communeId, reason: `Quyết định công nhận kết quả đánh giá, xếp loại Tổ bảo vệ ANTT ở cơ sở năm ${year} của UBND ${commune.name}`, teams: planCommuneRatings(year, teams) },
    );
    outcome.communes += 1;
    outcome.teams += round.teams.length;
    outcome.members += round.teams.reduce((sum, team) => sum + team.members.length, 0);
    outcome.excellentTeams += round.teamCounts.excellent;
    outcome.excellentMembers += round.memberCounts.excellent;
    outcome.notRatedMembers += round.memberCounts.notRated;
  }
  return outcome;
}
