import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type AwardsHarness, answers, tableCounts } from '../support/awards-harness';
import { waitForCount, type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { COMPLETE_DOSSIER, CREATE, SET_SCHEME, SUBMIT } from '../support/operations';
import { seedCallers, seedTree } from '../support/seed-tree';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

const COUNTS = 'excellent good completed notCompleted notRated excellentAllowed';
const ROUND = `id year commune { id } communeCode communeName version windowStart evaluatedOn recordedBy reason
  teamCounts { ${COUNTS} } memberCounts { ${COUNTS} }
  teams { team { id } teamCode teamName operatingSince monthsInOperation underComplaint rating ratingLabel
    members { member { access fullName birthYear citizenId position } position positionLabel joinedOn monthsOfService underComplaint rating ratingLabel } }`;
const RECORD = `mutation($input: RecordTeamRatingsInput!) { recordTeamRatings(input: $input) { ${ROUND} } }`;
const READ = `query($year: Int!, $communeId: ID!, $version: Int) { teamRatings(year: $year, communeId: $communeId, version: $version) { ${ROUND} }
  teamRatingVersions(year: $year, communeId: $communeId) }`;

/**
 * R25 through the gateway on the real database and broker: a commune's grassroots security team ratings of a year recorded all or
 * nothing (the 20% quota of EXCELLENT over GOOD per commune, teams and members apart; nobody under 9 months or under complaint
 * rated; a leader never above the team; every refused row named), corrected as a new version, read by jurisdiction with the
 * members' personal data by role, published as counts; a team member's rating read by eligibility (`TEAM_RATING`).
 */
describe('grassroots security team ratings (R25)', () => {
  const { id, commune, states } = seedTree(1);
  const { police, vuThu, kienXuong, admin, agency } = seedCallers(id);
  const communeId = commune[0]!;
  const area = [randomUUID(), randomUUID()];
  const team = Array.from({ length: 6 }, () => randomUUID());
  const otherTeam = randomUUID();
  const season = randomUUID();
  let h: AwardsHarness;
  let feed: FactFedHarness;
  const { ok, refused } = answers(() => h, vuThu);

  const person = (n: number, over: Record<string, unknown> = {}) => ({
    fullName: `Trần Văn Thành ${n}`,
    birthYear: 1970 + n,
    position: 'MEMBER',
    joinedOn: '2022-03-01',
    rating: 'GOOD',
    ...over,
  });
  /** Five GOOD teams and one EXCELLENT, each with a leader at its team's rating and two members. */
  const goodCommune = () =>
    team.map((teamId, t) => ({
      teamId,
      operatingSince: '2019-05-01',
      rating: t === 5 ? 'EXCELLENT' : 'GOOD',
      members: [
        person(t * 10, { position: 'LEADER', rating: t === 5 ? 'EXCELLENT' : 'GOOD', ...(t === 0 ? { citizenId: '034070000999' } : {}) }),
        person(t * 10 + 1),
        person(t * 10 + 2, t === 0 ? { joinedOn: '2024-06-01', rating: null } : {}),
      ],
    }));
  const input = (teams: unknown[], over: Record<string, unknown> = {}) => ({ input: { year: 2024, communeId, reason: 'Quyết định 15/QĐ-UBND ngày 20/11/2024 của UBND xã', teams, ...over } });
  const ratingTables = async () => ({
    ...(await tableCounts(h.prisma)),
    rounds: await h.prisma.teamRatingRound.count(),
    teams: await h.prisma.teamRating.count(),
    members: await h.prisma.teamMemberRating.count(),
  });

  beforeAll(async () => {
    feed = await startFactFedHarness('2024-12-01');
    h = feed.harness;
    await h.project([
      ...states,
      fixtureUnit(area[0]!, 'TB-VT-00-T1', 'RESIDENTIAL_AREA', 'Thôn 1', communeId),
      fixtureUnit(area[1]!, 'TB-VT-00-T2', 'RESIDENTIAL_AREA', 'Thôn 2', communeId),
      ...team.map((teamId, t) =>
        t === 5
          ? fixtureUnit(teamId, 'TB-VT-00-BBV', 'SECURITY_TEAM', 'Ban bảo vệ dân phố', communeId)
          : fixtureUnit(teamId, `TB-VT-00-T${(t % 2) + 1}-ANTT${t}`, 'SECURITY_TEAM', `Tổ bảo vệ ANTT số ${t + 1}`, area[t % 2]!),
      ),
      fixtureUnit(otherTeam, 'TB-KX-QB-ANTT', 'SECURITY_TEAM', 'Tổ bảo vệ ANTT Quang Bình', id.qb),
    ]);
    await feed.launchCampaign(season, id.tb);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM campaign_fact', 1);
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  it('records a commune’s ratings as version 1 and publishes the counts, never a person', async () => {
    const data = await ok(RECORD, input(goodCommune()));
    const round = data.recordTeamRatings;
    expect(round).toMatchObject({ year: 2024, commune: { id: communeId }, communeCode: 'TB-VT-00', version: 1, windowStart: '2023-11-15', evaluatedOn: '2024-11-14', recordedBy: 'bcd138@vt' });
    expect(round.teamCounts).toEqual({ excellent: 1, good: 5, completed: 0, notCompleted: 0, notRated: 0, excellentAllowed: 1 });
    expect(round.memberCounts).toEqual({ excellent: 1, good: 16, completed: 0, notCompleted: 0, notRated: 1, excellentAllowed: 3 });
    const first = round.teams.find((entry: Data) => entry.team.id === team[0]);
    expect(first).toMatchObject({ teamName: 'Tổ bảo vệ ANTT số 1', monthsInOperation: 66, rating: 'GOOD', ratingLabel: 'Hoàn thành tốt nhiệm vụ' });
    expect(first.members.map((m: Data) => [m.position, m.member.fullName, m.monthsOfService, m.rating])).toEqual([
      ['LEADER', 'Trần Văn Thành 0', 32, 'GOOD'],
      ['MEMBER', 'Trần Văn Thành 1', 32, 'GOOD'],
      ['MEMBER', 'Trần Văn Thành 2', 5, null],
    ]);
    expect(first.members[0]).toMatchObject({ positionLabel: 'Tổ trưởng', member: { access: 'FULL', citizenId: '034070000999', position: 'Tổ trưởng' } });

    const events = await h.prisma.$queryRawUnsafe<Array<{ type: string; topic: string; envelope: unknown }>>(
      `SELECT type, topic, envelope FROM outbox_event WHERE type LIKE 'awards.team-ratings%'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'awards.team-ratings.recorded.v1', topic: 'awards.team-rating' });
    expect(events[0]!.envelope).toMatchObject({ data: { year: 2024, communeId, version: 1, teams: { excellent: 1, good: 5 }, members: { excellent: 1, good: 16, notRated: 1 } } });
    const text = JSON.stringify(events[0]!.envelope);
    expect(text).toContain(communeId);
    expect(text).not.toContain('Trần');
    expect(text).not.toContain('034070000999');
    const stored = await h.prisma.teamMemberRating.findFirst({ where: { position: 'LEADER', teamUnitId: team[0] } });
    expect(stored?.memberEnc).not.toContain('Trần');
  });

  it('refuses a commune breaking R25 naming every failing row, and writes nothing', async () => {
    const before = await ratingTables();
    const teams: Data[] = goodCommune();
    teams[1].rating = 'EXCELLENT'; // 2 EXCELLENT over 4 GOOD teams
    teams[1].members[0].rating = 'EXCELLENT'; // its leader follows: allowed
    teams[2].members[0].rating = 'EXCELLENT'; // a leader above a GOOD team
    teams[3].members[1].joinedOn = '2024-02-15'; // 8 whole months on 14/11/2024
    teams[3].members[2].underComplaint = true;
    teams[4].operatingSince = '2024-03-01'; // a team of 8 months rated
    teams[4].members.push(person(45, { position: 'LEADER', rating: null }));
    teams[0].members.push(person(1)); // the same person twice (same unit, name and birth year)
    teams.push({ teamId: otherTeam, operatingSince: '2019-01-01', rating: 'GOOD', members: [] });
    teams.push({ teamId: team[5], operatingSince: '2019-01-01', rating: 'GOOD', members: [person(70, { fullName: 'Lê\u0000Văn' })] });
    const refusal = await refused(RECORD, input(teams));
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_RATINGS_REFUSED' });
    expect(refusal.rejections.map((r: Data) => `${r.field} ${r.code}`)).toEqual([
      'input.teams[6].teamId TEAM_NOT_FOUND',
      'input.teams[7].members[0].fullName INVALID_TEXT',
      'input.teams[0].members[3] DUPLICATE_MEMBER',
      'input.teams[2].members[0].rating LEADER_ABOVE_TEAM',
      'input.teams[3].members[1].rating UNDER_NINE_MONTHS',
      'input.teams[3].members[2].rating UNDER_COMPLAINT',
      'input.teams[4].rating UNDER_NINE_MONTHS',
      'input.teams[4].members MORE_THAN_ONE_LEADER',
      'input.teams[7].teamId DUPLICATE_TEAM',
      'input.teams EXCELLENT_OVER_QUOTA',
    ]);
    expect(refusal.rejected).toBe(10);
    expect(await ratingTables()).toEqual(before);
  });

  it('refuses what lies outside the caller’s jurisdiction as absent, and bad input by field', async () => {
    const before = await ratingTables();
    expect(await refused(RECORD, input(goodCommune()), kienXuong)).toMatchObject({ code: 'NOT_FOUND', reason: 'AWARD_UNIT_NOT_FOUND', field: 'input.communeId' });
    expect(await refused(RECORD, input(goodCommune(), { communeId: id.qb }))).toMatchObject({ reason: 'AWARD_UNIT_NOT_FOUND', field: 'input.communeId' });
    expect(await refused(RECORD, input(goodCommune(), { communeId: id.vt }))).toMatchObject({ reason: 'AWARD_UNIT_NOT_FOUND', field: 'input.communeId' });
    expect(await refused(RECORD, input(goodCommune(), { communeId: 'xã-1' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeId' });
    expect(await refused(RECORD, input(goodCommune(), { year: 99999 }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_YEAR', field: 'input.year' });
    expect(await refused(RECORD, input([]))).toMatchObject({ reason: 'INVALID_COUNT', field: 'input.teams' });
    const crowded = [{ teamId: team[0], operatingSince: '2019-01-01', rating: null, members: Array.from({ length: 101 }, (_, n) => person(n, { rating: null })) }];
    expect(await refused(RECORD, input(crowded))).toMatchObject({ reason: 'INVALID_COUNT', field: 'input.teams[0].members' });
    expect(await refused(RECORD, input(goodCommune()), agency)).toMatchObject({ code: 'FORBIDDEN' });
    // A team whose own date is refused still has its members checked: every bad row is named.
    const badTeam = await refused(RECORD, input([{ teamId: team[0], operatingSince: '9999-12-31', rating: 'GOOD', members: [person(5, { birthYear: 2090 })] }]));
    expect(badTeam.rejections.map((r: Data) => `${r.field} ${r.code}`)).toEqual([
      'input.teams[0].operatingSince DATE_OUT_OF_RANGE',
      'input.teams[0].members[0].birthYear INVALID_BIRTH_DATE',
    ]);
    expect(await ratingTables()).toEqual(before);
    // Readers outside the jurisdiction, and external agencies, read nothing.
    expect((await ok(READ, { year: 2024, communeId }, kienXuong)).teamRatings).toBeNull();
    expect(await ok(READ, { year: 2024, communeId }, agency)).toEqual({ teamRatings: null, teamRatingVersions: [] });
  });

  it('records a correction as version 2, keeps version 1, and shows members masked to administrators', async () => {
    const teams: Data[] = goodCommune();
    teams[0].rating = 'COMPLETED';
    teams[0].members[0].rating = 'COMPLETED';
    teams[0].members[1].rating = 'COMPLETED';
    // With one GOOD team fewer, 4 GOOD allow no EXCELLENT: the board's team is corrected to GOOD with its leader.
    expect((await refused(RECORD, input(teams))).rejections.map((r: Data) => r.code)).toEqual(['EXCELLENT_OVER_QUOTA']);
    teams[5].rating = 'GOOD';
    teams[5].members[0].rating = 'GOOD';
    await ok(RECORD, input(teams, { reason: 'Đính chính kết quả đánh giá tổ số 1' }));
    const read = await ok(READ, { year: 2024, communeId });
    expect(read.teamRatingVersions).toEqual([2, 1]);
    expect(read.teamRatings).toMatchObject({ version: 2, reason: 'Đính chính kết quả đánh giá tổ số 1' });
    expect(read.teamRatings.teamCounts).toEqual({ excellent: 0, good: 5, completed: 1, notCompleted: 0, notRated: 0, excellentAllowed: 1 });
    const older = await ok(READ, { year: 2024, communeId, version: 1 }, police);
    expect(older.teamRatings).toMatchObject({ version: 1, teamCounts: { good: 5, excellent: 1 } });
    const masked = await ok(READ, { year: 2024, communeId }, admin);
    const leader = masked.teamRatings.teams.find((entry: Data) => entry.team.id === team[0]).members[0];
    expect(leader.member).toEqual({ access: 'MASKED', fullName: 'T*** V** T**** 0*', birthYear: null, citizenId: null, position: null });
  });

  it('eligibility reads a team’s rating and a member’s own (by the blind index) as TEAM_RATING, naming it when it fails', async () => {
    const rated = { name: 'xếp loại hoàn thành tốt nhiệm vụ trở lên', fact: 'TEAM_RATING', op: 'IN', value: '["EXCELLENT","GOOD"]' };
    await ok(
      SET_SCHEME,
      {
        input: {
          campaignId: season,
          forms: [
            {
              formCode: 'CERTIFICATE_OF_MERIT',
              quota: 15,
              collectiveConditions: [],
              individualConditions: [
                { ...rated, roles: ['TEAM_MEMBER'] },
                { name: 'tham gia tổ từ 9 tháng trở lên', fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: '9', roles: ['TEAM_MEMBER'] },
              ],
            },
            { formCode: 'CERTIFICATE_POLICE_DIRECTOR', quota: null, collectiveConditions: [rated] },
          ],
        },
      },
      police,
    );
    const nominate = async (unitId: string, formCode: string, nominee?: Record<string, unknown>) => {
      const created = await ok(CREATE, {
        input: {
          campaignId: season,
          formCode,
          recipientKind: nominee ? 'INDIVIDUAL' : 'COLLECTIVE',
          unitId,
          legalGround: formCode === 'CERTIFICATE_OF_MERIT' ? 'LTDKT2022-D76' : 'LTDKT2022-D75',
          achievement: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024',
          dossier: COMPLETE_DOSSIER,
          ...(nominee ? { nominee } : {}),
        },
      });
      const submitted = await ok(SUBMIT, { id: created.createNomination.id });
      return submitted.submitNomination.eligibility;
    };
    const member = (n: number, extra: Record<string, unknown> = {}) => ({ fullName: `Trần Văn Thành ${n}`, birthYear: 1970 + n, role: 'TEAM_MEMBER', ...extra });
    // Team 2 (Thôn 1) kept GOOD; team 0 (Thôn 1) was corrected to COMPLETED with its leader and one member.
    expect(await nominate(area[0]!, 'CERTIFICATE_OF_MERIT', member(21))).toMatchObject({ eligible: true, failed: [] });
    expect(await nominate(area[0]!, 'CERTIFICATE_OF_MERIT', member(1))).toMatchObject({ eligible: false, failed: [{ name: rated.name, fact: 'TEAM_RATING', actual: 'COMPLETED' }] });
    // The leader is recognised by the citizen ID whatever unit nominates them; a person never rated has no rating.
    expect(await nominate(communeId, 'CERTIFICATE_OF_MERIT', member(0, { citizenId: '034070000999' }))).toMatchObject({ failed: [{ actual: 'COMPLETED' }] });
    // Months of service come from the team ratings too (joined 01/06/2024: 6 whole months on 01/12/2024), with no person fact.
    expect(await nominate(area[0]!, 'CERTIFICATE_OF_MERIT', member(2))).toMatchObject({
      eligible: false,
      failed: [
        { fact: 'TEAM_RATING', actual: null },
        { fact: 'MONTHS_OF_SERVICE', actual: '6' },
      ],
    });
    expect(await h.prisma.personFact.count()).toBe(0);
    expect(await nominate(team[3]!, 'CERTIFICATE_POLICE_DIRECTOR')).toMatchObject({ eligible: true });
    expect(await nominate(team[0]!, 'CERTIFICATE_POLICE_DIRECTOR')).toMatchObject({ eligible: false, failed: [{ fact: 'TEAM_RATING', actual: 'COMPLETED' }] });
  });

  it('consolidates the communes’ ratings level by level, by jurisdiction', async () => {
    const SUMMARY = `query($year: Int!, $unitId: ID, $first: Int) { teamRatingsSummary(year: $year, unitId: $unitId, first: $first) {
      unitId evaluatedOn communes communesRecorded teams teamCounts { ${COUNTS} } memberCounts { excellent good notRated }
      rows { communeId commune { id } communeCode teams recorded version teamCounts { good completed } } } }`;
    const province = (await ok(SUMMARY, { year: 2024 }, police)).teamRatingsSummary;
    expect(province).toMatchObject({ unitId: id.tb, evaluatedOn: '2024-11-14', communes: 2, communesRecorded: 1, teams: 7 });
    expect(province.teamCounts).toEqual({ excellent: 0, good: 5, completed: 1, notCompleted: 0, notRated: 0, excellentAllowed: 1 });
    // Not recorded first: Quang Bình has its team and no ratings.
    expect(province.rows.map((row: Data) => [row.communeCode, row.teams, row.recorded, row.version])).toEqual([
      ['TB-KX-QB', 1, false, null],
      ['TB-VT-00', 6, true, 2],
    ]);
    expect(province.rows[1]).toMatchObject({ commune: { id: communeId }, teamCounts: { good: 5, completed: 1 } });
    expect((await ok(SUMMARY, { year: 2024 }, vuThu)).teamRatingsSummary).toMatchObject({ unitId: id.vt, communes: 1, communesRecorded: 1 });
    expect((await ok(SUMMARY, { year: 2024 }, kienXuong)).teamRatingsSummary).toMatchObject({ communes: 1, communesRecorded: 0, teams: 1 });
    expect((await ok(SUMMARY, { year: 2024, unitId: communeId }, kienXuong)).teamRatingsSummary).toBeNull();
    expect((await ok(SUMMARY, { year: 2024 }, agency)).teamRatingsSummary).toBeNull();
    // Above the maximum the gateway's cost limit refuses first; the subgraph itself refuses it by field too.
    expect(await refused(SUMMARY, { year: 2024, first: 5000 }, police)).toMatchObject({ code: 'COST_LIMIT' });
    const direct = await h.requestSubgraph<Data>(SUMMARY, { year: 2024, first: 1001 }, police);
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
