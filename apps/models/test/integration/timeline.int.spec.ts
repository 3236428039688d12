import { randomUUID } from 'node:crypto';
import { type ModelsHarness, as, startHarness } from '../support/models-harness';
import { CATALOGUE, CREATE_MODEL, DISSOLVE_MODEL, MODEL, MODELS, REPLICATE_MODEL, REVIEW_MODEL, UNIT_MODELS } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/**
 * A commune with three models through the gateway: one replicated to two villages, one rated INEFFECTIVE twice and dissolved
 * by the district's decision, and the commune's effective-model fact for the 2024 window flipping to true.
 */
describe('models of Xã Vũ Hội, 2023–2024', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const province = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const model = { camera: '', team: '', clan: '' };
  const replicas: string[] = [];

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<ModelsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const review = (modelId: string, year: number, rating: string, reviewedOn: string) => ({
    input: { modelId, year, rating, reviewedOn, criteriaMet: rating === 'EFFECTIVE' ? ['REGULAR_ACTIVITY', 'SECURITY_RESULTS'] : [], evidence: [`Biên bản đánh giá ${year}`], reason: `Đánh giá năm ${year}` },
  });
  const factEvents = async () =>
    (await h.prisma.outboxEvent.findMany({ where: { type: 'models.effective-model.changed.v1' }, orderBy: { seq: 'asc' } })).map((row) => {
      const data = (row.envelope as Data).data as Data;
      return [row.aggregateId, data.year, data.hasEffectiveModel, data.revision];
    });

  beforeAll(async () => {
    h = await startHarness('2023-03-01');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('serves the catalogue of types, the versioned criteria list and the Vietnamese labels', async () => {
    const data = await ok(CATALOGUE, {}, commune);
    expect(data.modelTypes.map((type: Data) => type.code)).toEqual(['AGENCY', 'ENTERPRISE', 'OTHER', 'RELIGIOUS_SITE', 'RESIDENTIAL_SELF_MANAGEMENT', 'SCHOOL', 'SECURITY_CAMERA']);
    expect(data.modelReviewCriteria[0]).toMatchObject({ code: 'MODEL_EFFECTIVENESS', version: 1 });
    expect(data.modelLabels).toContainEqual({ enum: 'ModelRating', value: 'INEFFECTIVE', label: 'Không hiệu quả' });
  });

  it('the commune registers three models (one event each) and replicates the camera model to two villages', async () => {
    const create = async (name: string, typeCode: string, foundedOn: string) =>
      (await ok(CREATE_MODEL, { input: { name, typeCode: ` ${typeCode.toLowerCase()} `, hostUnitId: id.vh, foundedOn } }, commune)).createModel;
    const camera = await create('Camera an ninh xã Vũ Hội', 'SECURITY_CAMERA', '2022-05-01');
    expect(camera).toMatchObject({ status: 'ACTIVE', statusLabel: 'Đang hoạt động', type: { code: 'SECURITY_CAMERA', name: 'Camera an ninh' }, hostUnitId: id.vh, revision: 1 });
    model.camera = camera.id;
    model.team = (await create('Tổ tự quản về an ninh, trật tự thôn xóm', 'RESIDENTIAL_SELF_MANAGEMENT', '2021-09-02')).id;
    model.clan = (await create('Dòng họ tự quản về an ninh, trật tự', 'OTHER', '2022-01-15')).id;

    for (const [host, foundedOn] of [[id.vh1, '2023-01-10'], [id.vh2, '2023-02-20']] as const) {
      const replica = (await ok(REPLICATE_MODEL, { input: { sourceModelId: model.camera, hostUnitId: host, foundedOn } }, commune)).replicateModel;
      expect(replica).toMatchObject({ name: 'Camera an ninh xã Vũ Hội', type: { code: 'SECURITY_CAMERA' }, hostUnitId: host, replicatedFrom: { id: model.camera }, status: 'ACTIVE' });
      replicas.push(replica.id);
    }
    const read = (await ok(MODEL, { id: model.camera }, district)).model;
    expect(read.replicas.map((replica: Data) => replica.hostUnitId)).toEqual([id.vh1, id.vh2]);
    expect(read.history).toEqual([{ from: null, to: 'ACTIVE', toLabel: 'Đang hoạt động', actor: 'ca@vuhoi', on: '2022-05-01', reason: null }]);

    const listed = (await ok(MODELS, { unitId: id.vh }, district)).models;
    expect(listed).toHaveLength(5);
    const outbox = await h.prisma.outboxEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(outbox.map((row) => row.type)).toEqual([
      'models.model.created.v1',
      'models.model.created.v1',
      'models.model.created.v1',
      'models.model.replicated.v1',
      'models.model.replicated.v1',
    ]);
  });

  it('outside the jurisdiction a model and its unit are answered as not existing', async () => {
    expect((await ok(MODEL, { id: model.camera }, outsider)).model).toBeNull();
    expect((await ok(MODELS, { unitId: id.vh }, outsider)).models).toEqual([]);
    const entities = await h.requestSubgraph<Data>(UNIT_MODELS, { reps: [{ __typename: 'Unit', id: id.vh }], year: 2024 }, outsider);
    expect(entities.data?._entities).toEqual([{ id: id.vh, models: [], hasEffectiveModel: null }]);
    const references = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on SelfManagementModel { id name } } }`;
    const reps = [{ __typename: 'SelfManagementModel', id: model.camera }, { __typename: 'SelfManagementModel', id: replicas[0] }, { __typename: 'SelfManagementModel', id: 'not-an-id' }];
    expect((await h.requestSubgraph<Data>(references, { reps }, district)).data?._entities).toEqual([
      { id: model.camera, name: 'Camera an ninh xã Vũ Hội' },
      { id: replicas[0], name: 'Camera an ninh xã Vũ Hội' },
      null,
    ]);
    expect((await h.requestSubgraph<Data>(references, { reps }, outsider)).data?._entities).toEqual([null, null, null]);
  });

  it('the district rates the residential team INEFFECTIVE in 2023 and 2024: dissolution is proposed; the commune fact is derived', async () => {
    h.setToday('2023-11-25');
    const first = (await ok(REVIEW_MODEL, review(model.team, 2023, 'INEFFECTIVE', '2023-11-20'), district)).reviewModel;
    expect(first).toMatchObject({ year: 2023, windowStart: '2022-11-16', windowEnd: '2023-11-15', rating: 'INEFFECTIVE', ratingLabel: 'Không hiệu quả', reviewerUnitId: id.vt, hostUnitId: id.vh, criteriaVersion: 1, current: true });
    expect((await ok(MODEL, { id: model.team }, district)).model.dissolutionProposedOn).toBeNull();

    h.setToday('2024-11-25');
    await ok(REVIEW_MODEL, review(model.team, 2024, 'INEFFECTIVE', '2024-11-18'), district);
    const team = (await ok(MODEL, { id: model.team }, commune)).model;
    expect(team.dissolutionProposedOn).toBe('2024-11-18');
    expect(team.reviews).toEqual([
      { year: 2024, rating: 'INEFFECTIVE', current: true },
      { year: 2023, rating: 'INEFFECTIVE', current: true },
    ]);
    const reviewed = await h.prisma.outboxEvent.findMany({ where: { aggregateId: model.team, type: 'models.model.reviewed.v1' }, orderBy: { seq: 'asc' } });
    expect(reviewed.map((row) => ((row.envelope as Data).data as Data).dissolutionProposed)).toEqual([false, true]);
    expect(await factEvents()).toEqual([
      [id.vh, 2023, false, 1],
      [id.vh, 2024, false, 1],
    ]);
  });

  it('an EFFECTIVE rating of the camera model flips the commune fact for the 2024 window (one event, keyed by the unit)', async () => {
    await ok(REVIEW_MODEL, review(model.camera, 2024, 'EFFECTIVE', '2024-11-19'), province);
    expect(await factEvents()).toEqual([
      [id.vh, 2023, false, 1],
      [id.vh, 2024, false, 1],
      [id.vh, 2024, true, 2],
    ]);
    // A second effective model changes the list of models, not the fact: no new event.
    await ok(REVIEW_MODEL, review(model.clan, 2024, 'EFFECTIVE', '2024-11-19'), district);
    expect(await factEvents()).toHaveLength(3);
    const entities = await h.requestSubgraph<Data>(UNIT_MODELS, { reps: [{ __typename: 'Unit', id: id.vh }], year: 2024 }, district);
    expect(entities.data?._entities?.[0]).toMatchObject({ id: id.vh, hasEffectiveModel: true });
    expect(entities.data?._entities?.[0].models).toHaveLength(3);
    const in2023 = await h.requestSubgraph<Data>(UNIT_MODELS, { reps: [{ __typename: 'Unit', id: id.vh }], year: 2023 }, district);
    expect(in2023.data?._entities?.[0].hasEffectiveModel).toBe(false);
  });

  it('several units in one _entities request (batched reads) answer hasEffectiveModel and models as one by one', async () => {
    const FACTS = `query($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Unit { id hasEffectiveModel(year: $year) } } }`;
    const MODELS_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Unit { id models { id hostUnitId } active: models(status: ACTIVE) { id } } } }`;
    const units = [id.vh, id.vh1, id.qb, id.vh2, randomUUID(), id.vt];
    const reps = units.map((unitId) => ({ __typename: 'Unit', id: unitId }));
    for (const [caller, expected] of [
      [district, [true, false, null, false, null, false]],
      [outsider, [null, null, false, null, null, null]],
    ] as const) {
      const together = await h.requestSubgraph<Data>(FACTS, { reps, year: 2024 }, caller);
      expect(together.errors).toBeUndefined();
      expect(together.data?._entities.map((unit: Data) => unit.hasEffectiveModel)).toEqual(expected);
      const oneByOne: unknown[] = [];
      for (const rep of reps) oneByOne.push((await h.requestSubgraph<Data>(FACTS, { reps: [rep], year: 2024 }, caller)).data?._entities[0].hasEffectiveModel);
      expect(oneByOne).toEqual(expected);

      const models = await h.requestSubgraph<Data>(MODELS_OF, { reps }, caller);
      expect(models.errors).toBeUndefined();
      const modelsOneByOne: unknown[] = [];
      for (const rep of reps) modelsOneByOne.push((await h.requestSubgraph<Data>(MODELS_OF, { reps: [rep] }, caller)).data?._entities[0]);
      expect(models.data?._entities).toEqual(modelsOneByOne);
      for (const [index, unit] of (models.data?._entities as Data[]).entries()) {
        expect(unit.models.every((m: Data) => m.hostUnitId === units[index])).toBe(true);
      }
    }
    // What each caller sees: the district its communes' models (Xã Vũ Hội hosts three), the outsider nothing of Vũ Thư's.
    const count = async (caller: typeof district) => ((await h.requestSubgraph<Data>(MODELS_OF, { reps }, caller)).data?._entities as Data[]).map((unit) => unit.models.length);
    expect((await count(district))[0]).toBeGreaterThanOrEqual(3);
    expect((await count(outsider)).filter((_, index) => index !== 2)).toEqual([0, 0, 0, 0, 0]);
  });

  it("the district dissolves the ineffective team by its decision; the model keeps its history", async () => {
    const dissolved = (
      await ok(DISSOLVE_MODEL, { input: { modelId: model.team, dissolvedOn: '2024-11-25', reason: 'Hai năm liền không hiệu quả', decisionNumber: '45/QĐ-UBND', decisionDate: '2024-11-22' } }, district)
    ).dissolveModel;
    expect(dissolved).toMatchObject({ status: 'DISSOLVED', statusLabel: 'Đã giải thể', statusOn: '2024-11-25', dissolutionDecision: { number: '45/QĐ-UBND', date: '2024-11-22', decidedByUnitId: id.vt } });
    const read = (await ok(MODEL, { id: model.team }, commune)).model;
    expect(read.history.map((change: Data) => [change.from, change.to, change.on])).toEqual([
      [null, 'ACTIVE', '2021-09-02'],
      ['ACTIVE', 'DISSOLVED', '2024-11-25'],
    ]);
    expect((await ok(MODELS, { unitId: id.vh, status: 'ACTIVE' }, district)).models).toHaveLength(4);
    const dissolvedEvent = await h.prisma.outboxEvent.findFirst({ where: { aggregateId: model.team, type: 'models.model.dissolved.v1' } });
    expect((dissolvedEvent?.envelope as Data).data).toMatchObject({ decisionNumber: '45/QĐ-UBND', decidedByUnitId: id.vt, hostUnitId: id.vh });
  });
});
