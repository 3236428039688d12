import { type OrgUnitsHarness, systemAdmin } from '../support/org-units-harness';
import { UNIT_FIELDS, type UnitResult, mutateOk, queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

const CHILDREN = `query($id: ID!, $asOf: Date) { unit(id: $id, asOf: $asOf) { name children { totalCount edges { node { code name } } } } }`;
const DESCENDANTS = `query($id: ID!, $asOf: Date, $kinds: [UnitKind!]) {
  unit(id: $id, asOf: $asOf) { descendants(kinds: $kinds, first: 100) { totalCount edges { node { code name parentId } } } } }`;

describe('org-units lifecycle: every change on a date, every read as of a date', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  const childCodes = async (id: string, asOf: string) => {
    const data = await queryOk<{ unit: { children: { edges: { node: { code: string } }[] } } }>(harness, CHILDREN, { id, asOf }, systemAdmin);
    return data.unit.children.edges.map((edge) => edge.node.code);
  };

  it('creates units with one created event each, and answers before creation with null', async () => {
    const events = await harness.prisma.outboxEvent.findMany({ where: { type: 'org-units.unit.created.v1' } });
    expect(events).toHaveLength(10);
    const before = await queryOk<{ unit: null }>(harness, `query($id: ID!) { unit(id: $id, asOf: "2023-12-31") { id } }`, { id: tree.province.id }, systemAdmin);
    expect(before.unit).toBeNull();
    expect(tree.may.managingUnitId).toBe(tree.vuVinh.id);
    expect(tree.may.safeStandardScope).toEqual({ applies: false, reason: 'SMALL_OR_MICRO_ENTERPRISE' });
    expect(tree.school.safeStandardScope).toEqual({ applies: true, reason: null });
  });

  it('renames from a date: the old name before it, the new one after', async () => {
    const renamed = await mutateOk(harness, 'renameUnit', { unitId: tree.kienXuong.id, name: 'Thị xã Kiến Xương', effectiveDate: '2025-01-01' }, systemAdmin);
    expect(renamed).toMatchObject({ name: 'Thị xã Kiến Xương', validFrom: '2025-01-01', revision: 2 });
    const at = (asOf: string) => queryOk<{ unit: { name: string } }>(harness, `query($id: ID!, $asOf: Date) { unit(id: $id, asOf: $asOf) { name } }`, { id: tree.kienXuong.id, asOf }, systemAdmin);
    expect((await at('2024-12-31')).unit.name).toBe('Huyện Kiến Xương');
    expect((await at('2025-01-01')).unit.name).toBe('Thị xã Kiến Xương');
    const event = await harness.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: tree.kienXuong.id, type: 'org-units.unit.renamed.v1' } });
    const data = (event.envelope as { data: { revision: number; change: unknown; timeline: unknown[] } }).data;
    expect(data.revision).toBe(2);
    expect(data.change).toEqual({ previousName: 'Huyện Kiến Xương', name: 'Thị xã Kiến Xương' });
    expect(data.timeline).toHaveLength(2);
  });

  it('moves from a date: the 2024 tree keeps the old parent', async () => {
    await mutateOk(harness, 'moveUnit', { unitId: tree.vuQuy.id, parentId: tree.vuThu.id, effectiveDate: '2025-03-01' }, systemAdmin);
    expect(await childCodes(tree.kienXuong.id, '2024-06-01')).toEqual(['12730']);
    expect(await childCodes(tree.kienXuong.id, '2025-06-01')).toEqual([]);
    expect(await childCodes(tree.vuThu.id, '2025-06-01')).toEqual(['12670', '12676', '12730', '34000315']);
  });

  it('merges: absorbed units dissolve, their children and managed units move to the target, lineage recorded', async () => {
    const target = await mutateOk(
      harness,
      'mergeUnits',
      { sourceIds: [tree.vuVinh.id], targetId: tree.vuHoi.id, effectiveDate: '2025-07-01', reason: 'Nghị quyết sáp nhập xã' },
      systemAdmin,
    );
    expect(target.id).toBe(tree.vuHoi.id);
    expect(await childCodes(tree.vuThu.id, '2024-06-01')).toEqual(['12670', '12676', '34000315']);
    expect(await childCodes(tree.vuThu.id, '2025-07-01')).toEqual(['12670', '12730', '34000315']);
    expect(await childCodes(tree.vuHoi.id, '2024-06-01')).toEqual(['12670-01']);
    expect(await childCodes(tree.vuHoi.id, '2025-07-01')).toEqual(['1000214587', '12670-01', '12676-01']);

    const may = await queryOk<{ a: UnitResult; b: UnitResult }>(
      harness,
      `query($id: ID!) { a: unit(id: $id, asOf: "2024-06-01") { ${UNIT_FIELDS} } b: unit(id: $id, asOf: "2025-08-01") { ${UNIT_FIELDS} } }`,
      { id: tree.may.id },
      systemAdmin,
    );
    expect([may.a.parentId, may.a.managingUnitId]).toEqual([tree.vuVinh.id, tree.vuVinh.id]);
    expect([may.b.parentId, may.b.managingUnitId]).toEqual([tree.vuHoi.id, tree.vuHoi.id]);

    const lineage = await queryOk<{ unit: { lineage: { predecessors: { event: string; effectiveDate: string; unit: { name: string; dissolvedOn: string } }[] } } }>(
      harness,
      `query($id: ID!) { unit(id: $id) { lineage { predecessors { event effectiveDate unit { name dissolvedOn asOf } } } } }`,
      { id: tree.vuHoi.id },
      systemAdmin,
    );
    expect(lineage.unit.lineage.predecessors).toEqual([
      { event: 'MERGE', effectiveDate: '2025-07-01', unit: { name: 'Xã Vũ Vinh', dissolvedOn: '2025-07-01', asOf: '2025-06-30' } },
    ]);
    const gone = await queryOk<{ unit: null }>(harness, `query($id: ID!) { unit(id: $id, asOf: "2025-07-01") { id } }`, { id: tree.vuVinh.id }, systemAdmin);
    expect(gone.unit).toBeNull();

    const types = await harness.prisma.outboxEvent.findMany({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { seq: 'desc' }, take: 3 });
    expect(types.map((e) => e.type).sort()).toEqual(['org-units.unit.merged.v1', 'org-units.unit.moved.v1', 'org-units.unit.moved.v1']);
  });

  it('answers the province\'s descendants as of 2024 and as of 2025 across the merge', async () => {
    const at = (asOf: string) =>
      queryOk<{ unit: { descendants: { totalCount: number; edges: { node: { code: string } }[] } } }>(
        harness,
        DESCENDANTS,
        { id: tree.province.id, asOf, kinds: ['COMMUNE'] },
        systemAdmin,
      );
    expect((await at('2024-06-01')).unit.descendants.edges.map((e) => e.node.code)).toEqual(['12670', '12676', '12730']);
    expect((await at('2025-08-01')).unit.descendants.edges.map((e) => e.node.code)).toEqual(['12670', '12730']);
    const all2024 = await queryOk<{ unit: { descendants: { totalCount: number } } }>(harness, DESCENDANTS, { id: tree.province.id, asOf: '2024-06-01' }, systemAdmin);
    expect(all2024.unit.descendants.totalCount).toBe(9);
  });

  it('splits a commune into two new ones under the same parent, with lineage', async () => {
    const parts = await mutateOk<UnitResult[]>(
      harness,
      'splitUnit',
      {
        unitId: tree.vuQuy.id,
        into: [
          { code: '12730-A', name: 'Xã Vũ Quý Đông' },
          { code: '12730-B', name: 'Xã Vũ Quý Tây' },
        ],
        effectiveDate: '2025-05-01',
        reason: 'Chia tách xã',
      },
      systemAdmin,
    );
    expect(parts.map((p) => [p.code, p.parentId, p.createdOn])).toEqual([
      ['12730-A', tree.vuThu.id, '2025-05-01'],
      ['12730-B', tree.vuThu.id, '2025-05-01'],
    ]);
    const source = await queryOk<{ unit: { lineage: { successors: { event: string; unitId: string }[] } } }>(
      harness,
      `query($id: ID!) { unit(id: $id, asOf: "2025-04-30") { dissolvedOn lineage { successors { event unitId } } } }`,
      { id: tree.vuQuy.id },
      systemAdmin,
    );
    expect(source.unit.lineage.successors.map((s) => s.unitId).sort()).toEqual(parts.map((p) => p.id).sort());
  });

  it('dissolves a unit on a date: gone after it, there before it, history kept', async () => {
    const dissolved = await mutateOk(harness, 'dissolveUnit', { unitId: tree.school.id, effectiveDate: '2025-08-15', reason: 'Giải thể' }, systemAdmin);
    expect(dissolved).toMatchObject({ dissolvedOn: '2025-08-15', validTo: '2025-08-15' });
    expect(await childCodes(tree.vuThu.id, '2025-08-14')).toContain('34000315');
    expect(await childCodes(tree.vuThu.id, '2025-08-15')).not.toContain('34000315');
    const history = await queryOk<{ unit: { history: { validFrom: string; validTo: string }[] } }>(
      harness,
      `query($id: ID!) { unit(id: $id, asOf: "2025-01-01") { history { validFrom validTo } } }`,
      { id: tree.school.id },
      systemAdmin,
    );
    expect(history.unit.history).toEqual([{ validFrom: '2024-01-01', validTo: '2025-08-15' }]);
  });

  it('keeps one audit row per change with actor, effective date and reason', async () => {
    const changes = await harness.prisma.unitChange.findMany({ where: { unitId: tree.vuVinh.id }, orderBy: { revision: 'asc' } });
    expect(changes.map((c) => [c.type, c.actor, c.reason, c.correction, c.revision])).toEqual([
      ['created', 'admin@test', null, false, 1],
      ['merged', 'admin@test', 'Nghị quyết sáp nhập xã', false, 2],
    ]);
  });
});
