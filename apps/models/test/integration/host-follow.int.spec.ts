import { randomUUID } from 'node:crypto';
import { type EventEnvelope } from '@antt/contracts';
import { modelsDirectoryHandlers } from '../../src/domain/model';
import { type ModelsHarness, as, startHarness } from '../support/models-harness';
import { CREATE_MODEL, MODEL } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** A model follows its host when the host is merged into another unit; its history and its reviews keep the old host. */
describe('a model follows its host through a merge', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const village2 = as('truongthon@hoiha', 'UNIT_OFFICER', id.vh2);
  const village1 = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);

  beforeAll(async () => {
    h = await startHarness('2025-03-01');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('moves the merged village’s models to the absorbing village from the merge date, once however often the event comes', async () => {
    const created = await h.request<Data>(CREATE_MODEL, { input: { name: 'Camera an ninh thôn Hội Hạ', typeCode: 'SECURITY_CAMERA', hostUnitId: id.vh2, foundedOn: '2023-04-01' } }, commune);
    const modelId = created.data?.createModel.id as string;
    expect((await h.request<Data>(MODEL, { id: modelId }, village2)).data?.model.hostUnitId).toBe(id.vh2);

    const merged = states.find((state) => state.unitId === id.vh2)!;
    const event: EventEnvelope = {
      id: randomUUID(),
      source: 'urn:antt:org-units',
      type: 'org-units.unit.merged.v1',
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: id.vh2,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        ...merged,
        revision: 2,
        dissolvedOn: '2025-07-01',
        effectiveDate: '2025-07-01',
        change: { intoUnitId: id.vh1 },
        timeline: [{ ...merged.timeline[0], validTo: '2025-07-01' }],
      },
    };
    const { handlers } = modelsDirectoryHandlers();
    const apply = handlers['org-units.unit.merged.v1']!;
    await h.prisma.$transaction((tx) => apply(event, tx));
    await h.prisma.$transaction((tx) => apply(event, tx));

    h.setToday('2025-07-02');
    const read = (await h.request<Data>(MODEL, { id: modelId }, village1)).data?.model;
    expect(read).toMatchObject({ hostUnitId: id.vh1, hostHistory: [{ fromUnitId: id.vh2, toUnitId: id.vh1, effectiveOn: '2025-07-01' }] });
    expect(read.history).toHaveLength(1);
    expect(await h.prisma.modelHostChange.count()).toBe(1);
    expect((await h.request<Data>(MODEL, { id: modelId }, village2)).data?.model).toBeNull();
  });
});
