import { randomUUID } from 'node:crypto';
import { type EventEnvelope } from '@antt/contracts';
import { type UnitState } from '@antt/unit-directory';
import { modelsDirectoryHandlers } from '../../src/domain/model';
import { type ModelsHarness, as, startHarness } from '../support/models-harness';
import { CREATE_MODEL, MODEL, MODELS } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/**
 * A model's host resolved through the lineage kept in the unit directory: a model registered on a host already merged appears
 * under the successor; a host dissolved by a split hands its models to the first part named; a host that survives keeps them.
 */
describe('a model follows its host through lineage', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const village1 = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const parts = { a: randomUUID(), b: randomUUID(), c: randomUUID() };

  const stateOf = (unitId: string) => states.find((state) => state.unitId === unitId) as UnitState;
  const ended = (unitId: string, revision: number, date: string, change: Record<string, unknown>, dissolved = true): UnitState => {
    const state = stateOf(unitId);
    const first = state.timeline[0] as UnitState['timeline'][number];
    return { ...state, revision, dissolvedOn: dissolved ? date : null, effectiveDate: date, change, timeline: [{ ...first, validTo: dissolved ? date : null }] };
  };
  const created = (unitId: string, code: string, name: string, from: string): UnitState => ({
    unitId,
    code,
    kind: 'RESIDENTIAL_AREA',
    revision: 1,
    dissolvedOn: null,
    effectiveDate: from,
    change: {},
    timeline: [{ validFrom: from, validTo: null, name, parentId: id.vh, managingUnitId: null }],
  });
  /** An org-units event: about one unit (its state, keyed by it), or a plan's part (keyed by the plan). */
  const envelope = (type: string, data: UnitState | Record<string, unknown>, subject = (data as UnitState).unitId): EventEnvelope => ({
    id: randomUUID(),
    source: 'urn:antt:org-units',
    type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data,
  });
  const createModel = async (hostUnitId: string, name: string, foundedOn: string) => {
    const response = await h.request<Data>(CREATE_MODEL, { input: { name, typeCode: 'SECURITY_CAMERA', hostUnitId, foundedOn } }, commune);
    expect(response.errors).toBeUndefined();
    return response.data?.createModel as Data;
  };

  beforeAll(async () => {
    h = await startHarness('2025-03-01');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('a model registered after its host was merged WHOLE appears under the successor, from the merge date', async () => {
    // The merge reached the directory before the model existed: only the lineage can move it.
    await h.project([ended(id.vh2, 2, '2025-07-01', { intoUnitId: id.vh1 })]);
    h.setToday('2025-08-01');
    const model = await createModel(id.vh2, 'Camera an ninh thôn Hội Hạ', '2023-04-01');
    expect(model).toMatchObject({ hostUnitId: id.vh1, revision: 2 });

    const read = (await h.request<Data>(MODEL, { id: model.id }, village1)).data?.model;
    expect(read).toMatchObject({ hostUnitId: id.vh1, foundedOn: '2023-04-01', hostHistory: [{ fromUnitId: id.vh2, toUnitId: id.vh1, effectiveOn: '2025-07-01' }] });
    expect((await h.request<Data>(MODELS, { unitId: id.vh1 }, village1)).data?.models.map((m: Data) => m.id)).toContain(model.id);
    const event = await h.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: model.id } });
    expect((event.envelope as Data).data).toMatchObject({ hostUnitId: id.vh2, foundedOn: '2023-04-01' });

    const outside = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh2, foundedOn: '2023-04-01' } }, outsider);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ reason: 'MODEL_UNIT_NOT_FOUND', field: 'hostUnitId' });
  });

  it('a host split into parts hands its models to the first part named, once however often the batch comes', async () => {
    h.setToday('2025-12-01');
    const model = await createModel(id.vh3, 'Tổ tự quản thôn Hội Trung', '2024-02-01');
    expect(model.hostUnitId).toBe(id.vh3);

    const batch = [
      envelope('org-units.unit.created.v1', created(parts.a, 'TB-VT-VH-03A', 'Thôn Hội Trung A', '2026-01-01')),
      envelope('org-units.unit.created.v1', created(parts.b, 'TB-VT-VH-03B', 'Thôn Hội Trung B', '2026-01-01')),
      envelope('org-units.unit.split.v1', ended(id.vh3, 2, '2026-01-01', { intoUnitIds: [parts.a, parts.b] })),
    ];
    const { batchHandlers } = modelsDirectoryHandlers();
    const apply = batchHandlers['org-units.unit.created.v1']!;
    expect(batchHandlers['org-units.unit.split.v1']).toBe(apply);
    await h.prisma.$transaction((tx) => apply(batch, tx));
    await h.prisma.$transaction((tx) => apply(batch, tx));

    h.setToday('2026-01-05');
    const read = (await h.request<Data>(MODEL, { id: model.id }, commune)).data?.model;
    expect(read).toMatchObject({ hostUnitId: parts.a, hostHistory: [{ fromUnitId: id.vh3, toUnitId: parts.a, effectiveOn: '2026-01-01' }] });
    expect(await h.prisma.modelHostChange.count({ where: { modelId: model.id } })).toBe(1);
    expect(await h.prisma.directoryUnitLineage.count({ where: { fromUnitId: id.vh3 } })).toBe(2);
  });

  it('a plan part (org-units.plan.applied) moves the models of each host it dissolved, along a chain within the plan, once however often it comes', async () => {
    // Three villages; the plan merges X whole into Y and Y whole into Z on one date, so a model on X moves twice.
    const village = { x: randomUUID(), y: randomUUID(), z: randomUUID() };
    await h.project([
      created(village.x, 'TB-VT-VH-X', 'Thôn X', '2024-01-01'),
      created(village.y, 'TB-VT-VH-Y', 'Thôn Y', '2024-01-01'),
      created(village.z, 'TB-VT-VH-Z', 'Thôn Z', '2024-01-01'),
    ]);
    h.setToday('2026-02-01');
    const model = await createModel(village.x, 'Camera an ninh thôn X', '2024-03-01');
    const planId = randomUUID();
    const plan = { planId, planName: 'Sáp nhập thôn X, Y vào thôn Z', legalBasis: 'Nghị quyết 12/NQ-HĐND' };
    const merged = (unitId: string, code: string, into: string): UnitState => {
      const state = created(unitId, code, 'Thôn', '2024-01-01');
      const first = state.timeline[0] as UnitState['timeline'][number];
      return {
        ...state,
        revision: 2,
        dissolvedOn: '2026-03-01',
        effectiveDate: '2026-03-01',
        change: { ...plan, changes: ['merged'], successorIds: [into], successors: [{ unitId: into, share: 'WHOLE', event: 'MERGE' }] },
        timeline: [{ ...first, validTo: '2026-03-01' }],
      };
    };
    const units = [merged(village.x, 'TB-VT-VH-X', village.y), merged(village.y, 'TB-VT-VH-Y', village.z)];
    const part = envelope('org-units.plan.applied.v1', { ...plan, effectiveDate: '2026-03-01', part: 1, unitCount: 2, units }, planId);
    const { handlers, batchHandlers } = modelsDirectoryHandlers();
    expect(batchHandlers['org-units.plan.applied.v1']).toBe(batchHandlers['org-units.unit.created.v1']);
    await h.prisma.$transaction((tx) => batchHandlers['org-units.plan.applied.v1']!([part], tx));
    await h.prisma.$transaction((tx) => handlers['org-units.plan.applied.v1']!(part, tx));

    h.setToday('2026-03-02');
    const read = (await h.request<Data>(MODEL, { id: model.id }, commune)).data?.model;
    expect(read.hostUnitId).toBe(village.z);
    expect(read.hostHistory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromUnitId: village.x, toUnitId: village.y, effectiveOn: '2026-03-01' }),
        expect.objectContaining({ fromUnitId: village.y, toUnitId: village.z, effectiveOn: '2026-03-01' }),
      ]),
    );
    expect(await h.prisma.modelHostChange.count({ where: { modelId: model.id } })).toBe(2);
    expect(await h.prisma.directoryUnit.count({ where: { unitId: { in: [village.x, village.y] }, revision: 2 } })).toBe(2);
  });

  it('a host that survives a split (a part split off) keeps its models', async () => {
    const model = await createModel(id.vh1, 'Camera an ninh thôn Hội Thượng', '2024-05-01');
    const { handlers } = modelsDirectoryHandlers();
    await h.prisma.$transaction(async (tx) => {
      await handlers['org-units.unit.created.v1']!(envelope('org-units.unit.created.v1', created(parts.c, 'TB-VT-VH-01C', 'Xóm Mới', '2026-01-02')), tx);
      await handlers['org-units.unit.split.v1']!(envelope('org-units.unit.split.v1', ended(id.vh1, 2, '2026-01-02', { intoUnitIds: [parts.c] }, false)), tx);
    });
    const read = (await h.request<Data>(MODEL, { id: model.id }, commune)).data?.model;
    expect(read).toMatchObject({ hostUnitId: id.vh1, hostHistory: [] });
    expect(await h.prisma.directoryUnitLineage.count({ where: { fromUnitId: id.vh1 } })).toBe(1);
  });
});
