import { type ModelsHarness, as, startHarness, tableCounts } from '../support/models-harness';
import {
  ADD_SITE,
  ADD_TEAM,
  CREATE_MODEL,
  EXAMPLES,
  MODEL_REGISTERS,
  RECOGNISE_EXAMPLE,
  RECORD_TRAINING,
  REPLICATE_MODEL,
  REVIEW_MODEL,
  STATISTICS,
} from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** Sites, teams and members, trainings and the training flag, statistics by the Ministry's counting method, advanced examples. */
describe('models: registers, trainings, statistics and advanced examples', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const appraiser = as('thamdinh@vuthu', 'APPRAISER', id.vt);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const m = { camera: '', team: '', replica1: '', replica2: '' };

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<ModelsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const refused = async (query: string, variables: Record<string, unknown>, caller: Parameters<ModelsHarness['request']>[2]) => {
    const before = await tableCounts(h.prisma);
    const sites = await h.prisma.modelSite.count();
    const teams = await h.prisma.modelTeam.count();
    const trainings = await h.prisma.modelTraining.count();
    const response = await h.request<Data>(query, variables, caller);
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect([await h.prisma.modelSite.count(), await h.prisma.modelTeam.count(), await h.prisma.modelTraining.count()]).toEqual([sites, teams, trainings]);
    return response.errors?.[0]?.extensions as Data;
  };

  beforeAll(async () => {
    h = await startHarness('2024-12-10');
    await h.project(states);
    m.camera = (await ok(CREATE_MODEL, { input: { name: 'Camera an ninh xã Vũ Hội', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh, foundedOn: '2022-05-01' } }, commune)).createModel.id;
    m.team = (await ok(CREATE_MODEL, { input: { name: 'Tổ tự quản thôn xóm', typeCode: 'RESIDENTIAL_SELF_MANAGEMENT', hostUnitId: id.vh, foundedOn: '2021-09-02' } }, commune)).createModel.id;
    m.replica1 = (await ok(REPLICATE_MODEL, { input: { sourceModelId: m.camera, hostUnitId: id.vh1, foundedOn: '2023-01-10' } }, commune)).replicateModel.id;
    m.replica2 = (await ok(REPLICATE_MODEL, { input: { sourceModelId: m.camera, hostUnitId: id.vh2, foundedOn: '2023-02-20' } }, commune)).replicateModel.id;
  });
  afterAll(async () => h?.close());

  it('records sites inside the host’s area and teams with their member count; named members are shown only to officers', async () => {
    await ok(ADD_SITE, { input: { modelId: m.camera, unitId: id.vh, name: 'Ngã tư chợ Vũ Hội', openedOn: '2023-03-01' } }, commune);
    await ok(ADD_SITE, { input: { modelId: m.replica1, unitId: id.vh1, name: 'Cổng làng Hội Thượng', openedOn: '2023-03-01' } }, commune);
    await ok(ADD_SITE, { input: { modelId: m.replica2, unitId: id.vh2, name: 'Đầu thôn Hội Hạ', openedOn: '2023-03-01' } }, commune);
    await ok(ADD_SITE, { input: { modelId: m.replica2, unitId: id.vh2, name: 'Nhà văn hoá thôn Hội Hạ', openedOn: '2023-04-01' } }, commune);
    const team = (
      await ok(ADD_TEAM, { input: { modelId: m.camera, name: 'Tổ giám sát camera', memberCount: 12, formedOn: '2023-03-01', members: [{ fullName: 'Nguyễn Văn An', role: 'Tổ trưởng' }, { fullName: 'Trần Thị Bình' }] } }, commune)
    ).addModelTeam;
    expect(team).toMatchObject({ memberCount: 12, members: [{ fullName: 'Nguyễn Văn An', role: 'Tổ trưởng' }, { fullName: 'Trần Thị Bình', role: null }] });

    const asOfficer = (await ok(MODEL_REGISTERS, { id: m.camera }, district)).model;
    expect(asOfficer.sites).toEqual([{ name: 'Ngã tư chợ Vũ Hội', unitId: id.vh, openedOn: '2023-03-01' }]);
    expect(asOfficer.teams[0].members).toHaveLength(2);
    expect((await ok(MODEL_REGISTERS, { id: m.camera }, appraiser)).model.teams).toEqual([{ name: 'Tổ giám sát camera', memberCount: 12, members: null }]);

    expect(await refused(ADD_SITE, { input: { modelId: m.replica1, unitId: id.vh2, name: 'Sai thôn', openedOn: '2023-03-01' } }, commune)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SITE_OUTSIDE_HOST',
      field: 'unitId',
    });
    expect(await refused(ADD_TEAM, { input: { modelId: m.camera, name: 'Tổ thiếu', memberCount: 1, formedOn: '2023-03-01', members: [{ fullName: 'A' }, { fullName: 'B' }] } }, commune)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEAM_MEMBERS_EXCEED_COUNT',
      field: 'members',
    });
    expect(await refused(ADD_SITE, { input: { modelId: m.camera, unitId: id.vh, name: 'Ngoài', openedOn: '2023-03-01' } }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'MODEL_NOT_FOUND' });
  });

  it('records a training (one event); a training dated in the future is refused; a model without training in the period is flagged', async () => {
    const training = (await ok(RECORD_TRAINING, { input: { modelId: m.camera, heldOn: '2024-04-12', content: 'Kỹ năng phát hiện, tố giác tội phạm', trainer: 'Công an huyện Vũ Thư', participants: 24 } }, commune)).recordModelTraining;
    expect(training).toMatchObject({ heldOn: '2024-04-12', participants: 24 });
    const events = await h.prisma.outboxEvent.findMany({ where: { type: 'models.model.training-held.v1' } });
    expect(events.map((row) => row.aggregateId)).toEqual([m.camera]);

    expect(await refused(RECORD_TRAINING, { input: { modelId: m.camera, heldOn: '2024-12-11', content: 'Tập huấn', trainer: 'Công an xã', participants: 10 } }, commune)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MODEL_DATE_IN_FUTURE',
      field: 'heldOn',
    });

    const camera = (await ok(MODEL_REGISTERS, { id: m.camera }, district)).model;
    expect(camera).toMatchObject({ lastTrainingOn: '2024-04-12', trainingOverdue: false });
    expect((await ok(MODEL_REGISTERS, { id: m.team }, district)).model).toMatchObject({ lastTrainingOn: null, trainingOverdue: true });
    // Before the training, the camera model had gone more than a year without one.
    expect((await ok(MODEL_REGISTERS, { id: m.camera, asOf: '2024-03-01' }, district)).model).toMatchObject({ lastTrainingOn: null, trainingOverdue: true });
  });

  it('counts models by name, sites, teams, members, trainings and ratings per child unit and host kind, as of a date', async () => {
    await ok(REVIEW_MODEL, { input: { modelId: m.camera, year: 2024, rating: 'EFFECTIVE', reviewedOn: '2024-11-20', criteriaMet: ['REGULAR_ACTIVITY'], evidence: [], reason: 'Tốt' } }, district);
    await ok(REVIEW_MODEL, { input: { modelId: m.team, year: 2024, rating: 'INEFFECTIVE', reviewedOn: '2024-11-20', criteriaMet: [], evidence: [], reason: 'Không hoạt động' } }, district);

    const stats = (await ok(STATISTICS, { unitId: id.vt, asOf: '2024-12-10', year: 2024 }, district)).modelStatistics;
    const totals = { models: 2, modelRecords: 4, sites: 4, teams: 1, members: 12, trainings: 1, effective: 1, lessEffective: 0, ineffective: 1, notReviewed: 2, trainingOverdue: 3 };
    expect(stats).toMatchObject({ unitId: id.vt, asOf: '2024-12-10', year: 2024, totals });
    expect(stats.byChild).toEqual([{ unitId: id.vh, code: 'TB-VT-VH', name: 'Xã Vũ Hội', kind: 'COMMUNE', counts: totals }]);
    expect(stats.byHostKind.map((row: Data) => [row.kind, row.kindLabel, row.counts.models, row.counts.modelRecords, row.counts.sites])).toEqual([
      ['COMMUNE', 'Xã, phường, thị trấn', 2, 2, 1],
      ['RESIDENTIAL_AREA', 'Khu dân cư', 1, 2, 3],
    ]);

    const commune2022 = (await ok(STATISTICS, { unitId: id.vh, asOf: '2022-12-31' }, commune)).modelStatistics;
    expect(commune2022).toMatchObject({ year: 2023, totals: { models: 2, modelRecords: 2, sites: 0, teams: 0, members: 0, trainings: 0, notReviewed: 2 } });
    expect(commune2022.byChild.map((row: Data) => row.unitId)).toEqual([id.vh]);

    expect((await ok(STATISTICS, { unitId: id.vt }, outsider)).modelStatistics).toBeNull();

    const national = (await ok(STATISTICS, { asOf: '2024-12-10', year: 2024 }, as('admin', 'SYSTEM_ADMIN', id.tb))).modelStatistics;
    expect(national).toMatchObject({ unitId: '00000000-0000-0000-0000-000000000000', totals });
    expect(national.byChild).toEqual([{ unitId: id.tb, code: 'TB', name: 'Tỉnh Thái Bình', kind: 'PROVINCE', counts: totals }]);
  });

  it('recognises an advanced example (one event for awards) and lists it inside the jurisdiction only', async () => {
    const example = (
      await ok(RECOGNISE_EXAMPLE, {
        input: { kind: 'COLLECTIVE', name: 'Tổ camera an ninh thôn Hội Thượng', unitId: id.vh1, modelId: m.replica1, achievement: 'Cung cấp hình ảnh giúp làm rõ 3 vụ trộm cắp', recognisedOn: '2024-08-19', decisionNumber: '112/QĐ-UBND' },
      }, district)
    ).recogniseAdvancedExample;
    expect(example).toMatchObject({ kind: 'COLLECTIVE', kindLabel: 'Tập thể', unitId: id.vh1, model: { id: m.replica1 }, recognisedByUnitId: id.vt, recognisedOn: '2024-08-19' });
    const event = await h.prisma.outboxEvent.findFirst({ where: { type: 'models.advanced-example.recognised.v1' } });
    expect(event?.aggregateId).toBe(example.id);
    expect((await ok(EXAMPLES, { unitId: id.vt, year: 2024 }, district)).advancedExamples).toEqual([{ id: example.id, name: 'Tổ camera an ninh thôn Hội Thượng', kind: 'COLLECTIVE' }]);
    expect((await ok(EXAMPLES, { unitId: id.vt }, outsider)).advancedExamples).toEqual([]);
    const refusal = await h.request<Data>(RECOGNISE_EXAMPLE, { input: { kind: 'INDIVIDUAL', name: 'Lê Văn C', unitId: id.qb, achievement: 'Bắt trộm', recognisedOn: '2024-08-19' } }, district);
    expect(refusal.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'MODEL_UNIT_NOT_FOUND', field: 'unitId' });
  });
});
