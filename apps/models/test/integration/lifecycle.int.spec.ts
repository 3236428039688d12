import { type ModelsHarness, as, startHarness, tableCounts } from '../support/models-harness';
import { ADD_SITE, ADD_TEAM, CLOSE_SITE, CREATE_MODEL, DISBAND_TEAM, MODEL, RESUME_MODEL, STATISTICS, SUSPEND_MODEL, UPDATE_TEAM_MEMBERS } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/**
 * The lifecycle mutations: suspend and resume a model (managing level, audited, published), close a site, disband a team and
 * edit a team's members (count from a date, named members), each refused with a stable reason and nothing written on bad
 * input, answered as absent outside the jurisdiction, and reflected in the statistics as of dates before and after.
 */
describe('models: suspend and resume, close a site, disband a team, edit a team’s members', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const otherDistrict = as('ca@kienxuong', 'LEVEL_OFFICER', id.kx);
  const appraiser = as('thamdinh@vuthu', 'APPRAISER', id.vt);
  const m = { model: '', site: '', site2: '', team: '', team2: '' };

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<ModelsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  /** Every table a lifecycle command writes, the outbox included. */
  const written = async () => ({
    ...(await tableCounts(h.prisma)),
    openSites: await h.prisma.modelSite.count({ where: { closedOn: null } }),
    activeTeams: await h.prisma.modelTeam.count({ where: { disbandedOn: null } }),
    teamCounts: (await h.prisma.modelTeam.findMany({ orderBy: { id: 'asc' }, select: { memberCount: true } })).map((t) => t.memberCount),
    countChanges: await h.prisma.modelTeamCountChange.count(),
    members: await h.prisma.modelTeamMember.count(),
    periods: (await h.prisma.modelStatisticPeriod.findMany({ orderBy: [{ modelId: 'asc' }, { validFrom: 'asc' }] })).map((p) => [p.validFrom, p.sites, p.teams, p.members]),
    status: (await h.prisma.selfManagementModel.findMany({ orderBy: { id: 'asc' }, select: { status: true, revision: true } })),
  });
  const refused = async (query: string, variables: Record<string, unknown>, caller: Parameters<ModelsHarness['request']>[2]) => {
    const before = await written();
    const response = await h.request<Data>(query, variables, caller);
    expect(await written()).toEqual(before);
    expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ''] ?? null).toBeNull();
    return response.errors?.[0]?.extensions as Data;
  };
  const totals = async (asOf: string) => (await ok(STATISTICS, { unitId: id.vt, asOf, year: Number(asOf.slice(0, 4)) }, district)).modelStatistics.totals as Data;

  beforeAll(async () => {
    h = await startHarness('2024-12-10');
    await h.project(states);
    m.model = (await ok(CREATE_MODEL, { input: { name: 'Camera an ninh xã Vũ Hội', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh, foundedOn: '2022-05-01' } }, commune)).createModel.id;
    m.site = (await ok(ADD_SITE, { input: { modelId: m.model, unitId: id.vh1, name: 'Cổng làng Hội Thượng', openedOn: '2023-01-01' } }, commune)).addModelSite.id;
    m.site2 = (await ok(ADD_SITE, { input: { modelId: m.model, unitId: id.vh2, name: 'Đầu thôn Hội Hạ', openedOn: '2023-01-01' } }, commune)).addModelSite.id;
    m.team = (
      await ok(ADD_TEAM, { input: { modelId: m.model, name: 'Tổ giám sát', memberCount: 10, formedOn: '2023-01-01', members: [{ fullName: 'Nguyễn Văn An', role: 'Tổ trưởng' }] } }, commune)
    ).addModelTeam.id;
    m.team2 = (await ok(ADD_TEAM, { input: { modelId: m.model, name: 'Tổ tuần tra', memberCount: 6, formedOn: '2023-01-01' } }, commune)).addModelTeam.id;
  });
  afterAll(async () => h?.close());

  it('suspends and resumes a model by the managing level, audited and published; the host itself and outsiders are refused', async () => {
    const suspend = { modelId: m.model, suspendedOn: '2024-06-01', reason: 'Camera hỏng, chờ sửa chữa' };
    expect(await refused(SUSPEND_MODEL, { input: suspend }, commune)).toMatchObject({ code: 'FORBIDDEN', reason: 'MODEL_REVIEWER_IS_HOST' });
    expect(await refused(SUSPEND_MODEL, { input: suspend }, otherDistrict)).toMatchObject({ code: 'NOT_FOUND', reason: 'MODEL_NOT_FOUND' });
    expect((await ok(SUSPEND_MODEL, { input: suspend }, district)).suspendModel).toMatchObject({ status: 'SUSPENDED', statusOn: '2024-06-01' });

    const resume = { modelId: m.model, resumedOn: '2024-08-01', reason: 'Đã sửa xong hệ thống camera' };
    expect(await refused(RESUME_MODEL, { input: { ...resume, resumedOn: '2024-05-01' } }, district)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_BEFORE_FOUNDING', field: 'resumedOn' });
    expect(await refused(RESUME_MODEL, { input: { ...resume, resumedOn: '2024-12-11' } }, district)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE', field: 'resumedOn' });
    expect(await refused(RESUME_MODEL, { input: { ...resume, reason: '  ' } }, district)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await refused(RESUME_MODEL, { input: resume }, commune)).toMatchObject({ code: 'FORBIDDEN', reason: 'MODEL_REVIEWER_IS_HOST' });
    // Outside the jurisdiction: exactly as for a model that does not exist.
    const unknown = await refused(RESUME_MODEL, { input: { ...resume, modelId: '5b0f7d1e-0000-4000-8000-000000000001' } }, otherDistrict);
    const outside = await refused(RESUME_MODEL, { input: resume }, otherDistrict);
    expect({ ...outside, modelId: undefined }).toEqual({ ...unknown, modelId: undefined });
    expect(outside).toMatchObject({ code: 'NOT_FOUND', reason: 'MODEL_NOT_FOUND', field: 'modelId' });

    expect((await ok(RESUME_MODEL, { input: resume }, district)).resumeModel).toMatchObject({ status: 'ACTIVE', statusOn: '2024-08-01', statusReason: resume.reason });
    expect(await refused(RESUME_MODEL, { input: resume }, district)).toMatchObject({ code: 'CONFLICT', reason: 'MODEL_INVALID_TRANSITION' });
    const model = (await ok(MODEL, { id: m.model }, district)).model;
    expect(model.history.map((row: Data) => [row.from, row.to, row.on, row.actor])).toEqual([
      [null, 'ACTIVE', '2022-05-01', 'ca@vuhoi'],
      ['ACTIVE', 'SUSPENDED', '2024-06-01', 'ca@vuthu'],
      ['SUSPENDED', 'ACTIVE', '2024-08-01', 'ca@vuthu'],
    ]);
    const event = await h.prisma.outboxEvent.findFirst({ where: { aggregateId: m.model, type: 'models.model.resumed.v1' } });
    expect(event?.envelope).toMatchObject({ data: { modelId: m.model, hostUnitId: id.vh, resumedOn: '2024-08-01', reason: resume.reason } });
  });

  it('closes a site from a date: refused before it opened, in the future, twice, or outside; statistics of earlier dates keep it', async () => {
    const close = { siteId: m.site, closedOn: '2024-09-30', reason: 'Chợ di dời' };
    expect(await refused(CLOSE_SITE, { input: { ...close, closedOn: '2022-12-31' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SITE_CLOSED_BEFORE_OPENING', field: 'closedOn' });
    expect(await refused(CLOSE_SITE, { input: { ...close, closedOn: '2024-12-11' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE', field: 'closedOn' });
    expect(await refused(CLOSE_SITE, { input: { ...close, siteId: 'not-a-uuid' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    const unknown = await refused(CLOSE_SITE, { input: { ...close, siteId: '5b0f7d1e-0000-4000-8000-000000000002' } }, outsider);
    const outside = await refused(CLOSE_SITE, { input: close }, outsider);
    expect({ ...outside, siteId: undefined }).toEqual({ ...unknown, siteId: undefined });
    expect(outside).toMatchObject({ code: 'NOT_FOUND', reason: 'SITE_NOT_FOUND', field: 'siteId' });
    expect(await refused(CLOSE_SITE, { input: close }, appraiser)).toMatchObject({ code: 'FORBIDDEN' });

    expect((await ok(CLOSE_SITE, { input: close }, commune)).closeModelSite).toMatchObject({ id: m.site, closedOn: '2024-09-30' });
    expect(await refused(CLOSE_SITE, { input: close }, commune)).toMatchObject({ code: 'CONFLICT', reason: 'SITE_ALREADY_CLOSED' });
    expect((await totals('2024-09-29')).sites).toBe(2);
    expect((await totals('2024-09-30')).sites).toBe(1);
    const event = await h.prisma.outboxEvent.findFirst({ where: { aggregateId: m.model, type: 'models.model.site-closed.v1' } });
    expect(event?.envelope).toMatchObject({ data: { siteId: m.site, unitId: id.vh1, hostUnitId: id.vh, closedOn: '2024-09-30', reason: 'Chợ di dời' } });
  });

  it('edits a team’s count from a date and its named members; earlier dates keep the earlier count; the event carries counts only', async () => {
    const update = { teamId: m.team, effectiveOn: '2024-07-01', memberCount: 12, members: [{ fullName: 'Nguyễn Văn An', role: 'Tổ trưởng' }, { fullName: 'Lê Thị Cúc' }] };
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, memberCount: 0 } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_INVALID_MEMBER_COUNT', field: 'memberCount' });
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, memberCount: 1 } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_MEMBERS_EXCEED_COUNT', field: 'members' });
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, effectiveOn: '2022-12-31' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_DATE_BEFORE_FORMED', field: 'effectiveOn' });
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, members: [{ fullName: ' ' }] } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members[0].fullName' });
    const unknown = await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, teamId: '5b0f7d1e-0000-4000-8000-000000000003' } }, outsider);
    const outside = await refused(UPDATE_TEAM_MEMBERS, { input: update }, outsider);
    expect({ ...outside, teamId: undefined }).toEqual({ ...unknown, teamId: undefined });
    expect(outside).toMatchObject({ code: 'NOT_FOUND', reason: 'TEAM_NOT_FOUND', field: 'teamId' });

    expect((await ok(UPDATE_TEAM_MEMBERS, { input: update }, commune)).updateModelTeamMembers).toMatchObject({
      memberCount: 12,
      members: [{ fullName: 'Lê Thị Cúc', role: null }, { fullName: 'Nguyễn Văn An', role: 'Tổ trưởng' }],
    });
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { ...update, effectiveOn: '2024-06-30' } }, commune)).toMatchObject({ reason: 'TEAM_DATE_BEFORE_LAST_COUNT', field: 'effectiveOn' });
    // Without `members` the recorded names stay, and must fit the new count.
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { teamId: m.team, effectiveOn: '2024-10-01', memberCount: 1 } }, commune)).toMatchObject({ reason: 'TEAM_MEMBERS_EXCEED_COUNT' });
    expect((await totals('2024-06-30')).members).toBe(10 + 6);
    expect((await totals('2024-07-01')).members).toBe(12 + 6);
    const event = await h.prisma.outboxEvent.findFirst({ where: { aggregateId: m.model, type: 'models.model.team-members-changed.v1' } });
    expect(event?.envelope).toMatchObject({ data: { teamId: m.team, effectiveOn: '2024-07-01', memberCount: 12, previousMemberCount: 10, namedMembers: 2 } });
    expect(JSON.stringify(event?.envelope)).not.toContain('Cúc');
  });

  it('disbands a team from a date: refused before it was formed, twice, or outside; its members stop counting from then', async () => {
    const disband = { teamId: m.team2, disbandedOn: '2024-10-15', reason: 'Sáp nhập vào tổ giám sát' };
    expect(await refused(DISBAND_TEAM, { input: { ...disband, disbandedOn: '2022-12-31' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_DATE_BEFORE_FORMED', field: 'disbandedOn' });
    expect(await refused(DISBAND_TEAM, { input: { ...disband, disbandedOn: '2024-12-11' } }, commune)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MODEL_DATE_IN_FUTURE' });
    expect(await refused(DISBAND_TEAM, { input: disband }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'TEAM_NOT_FOUND', field: 'teamId' });
    expect((await ok(DISBAND_TEAM, { input: disband }, commune)).disbandModelTeam).toMatchObject({ id: m.team2, disbandedOn: '2024-10-15' });
    expect(await refused(DISBAND_TEAM, { input: disband }, commune)).toMatchObject({ code: 'CONFLICT', reason: 'TEAM_ALREADY_DISBANDED' });
    expect(await refused(UPDATE_TEAM_MEMBERS, { input: { teamId: m.team2, effectiveOn: '2024-11-01', memberCount: 7 } }, commune)).toMatchObject({ reason: 'TEAM_ALREADY_DISBANDED' });
    expect(await totals('2024-10-14')).toMatchObject({ teams: 2, members: 18 });
    expect(await totals('2024-10-15')).toMatchObject({ teams: 1, members: 12 });
    const event = await h.prisma.outboxEvent.findFirst({ where: { aggregateId: m.model, type: 'models.model.team-disbanded.v1' } });
    expect(event?.envelope).toMatchObject({ data: { teamId: m.team2, hostUnitId: id.vh, disbandedOn: '2024-10-15' } });
  });
});
