import { type OrgUnitsHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { errorOf, mutate, mutateOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

describe('org-units rules: clear errors, nothing written on failure', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
    await mutateOk(harness, 'renameUnit', { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội (mới)', effectiveDate: '2025-01-01' }, systemAdmin);
  });
  afterAll(() => harness?.close());

  const cases: [string, () => [Parameters<typeof mutate>[1], Record<string, unknown>], string, string][] = [
    ['a residential area under a district', () => ['createUnit', { code: 'X1', kind: 'RESIDENTIAL_AREA', name: 'Thôn X', parentId: tree.vuThu.id, effectiveDate: '2025-02-01' }], 'BAD_USER_INPUT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['a commune without a parent', () => ['createUnit', { code: 'X2', kind: 'COMMUNE', name: 'Xã X', effectiveDate: '2025-02-01' }], 'BAD_USER_INPUT', 'UNIT_PARENT_REQUIRED'],
    ['a code already used', () => ['createUnit', { code: '12670', kind: 'COMMUNE', name: 'Xã trùng', parentId: tree.vuThu.id, effectiveDate: '2025-02-01' }], 'CONFLICT', 'UNIT_CODE_TAKEN'],
    ['a parent that does not exist yet', () => ['createUnit', { code: 'X3', kind: 'COMMUNE', name: 'Xã sớm', parentId: tree.vuThu.id, effectiveDate: '2023-06-01' }], 'BAD_USER_INPUT', 'UNIT_PARENT_NOT_LIVE'],
    ['an enterprise managed by a village', () => ['createUnit', { code: 'X4', kind: 'ENTERPRISE', name: 'Công ty X', parentId: tree.vuHoi.id, managingUnitId: tree.hoiThuong.id, effectiveDate: '2025-02-01' }], 'BAD_USER_INPUT', 'UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED'],
    ['a school level on a commune', () => ['updateUnit', { unitId: tree.vuHoi.id, effectiveDate: '2025-02-01', attributes: { schoolLevel: 'PRIMARY' } }], 'BAD_USER_INPUT', 'UNIT_INVALID_INPUT'],
    ['a change before the latest one without a correction', () => ['renameUnit', { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội cũ', effectiveDate: '2024-06-01' }], 'BAD_USER_INPUT', 'UNIT_CHANGE_IN_PAST'],
    ['a change before creation', () => ['renameUnit', { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội cũ', effectiveDate: '2023-06-01', correction: { reason: 'x' } }], 'BAD_USER_INPUT', 'UNIT_DATE_BEFORE_CREATION'],
    ['a rename to the same name', () => ['renameUnit', { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội (mới)', effectiveDate: '2025-03-01' }], 'BAD_USER_INPUT', 'UNIT_NOTHING_CHANGED'],
    ['a commune moved under a village', () => ['moveUnit', { unitId: tree.vuQuy.id, parentId: tree.hoiThuong.id, effectiveDate: '2025-03-01' }], 'BAD_USER_INPUT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['a district dissolved with live children', () => ['dissolveUnit', { unitId: tree.vuThu.id, effectiveDate: '2025-07-01', reason: 'Bỏ cấp huyện' }], 'CONFLICT', 'UNIT_HAS_LIVE_CHILDREN'],
    ['a merge of a commune into a district', () => ['mergeUnits', { sourceIds: [tree.vuVinh.id], targetId: tree.vuThu.id, effectiveDate: '2025-07-01', reason: 'x' }], 'BAD_USER_INPUT', 'UNIT_MERGE_KIND_MISMATCH'],
    ['a split leaving villages without a commune', () => ['splitUnit', { unitId: tree.vuVinh.id, into: [{ code: 'V-A', name: 'Xã A' }, { code: 'V-B', name: 'Xã B' }], effectiveDate: '2025-06-01', reason: 'x' }], 'BAD_USER_INPUT', 'UNIT_SPLIT_CHILDREN_UNASSIGNED'],
    ['a thị trấn created after the district level ended', () => ['createUnit', { code: '12998', kind: 'COMMUNE', name: 'Thị trấn Mới', parentId: tree.province.id, effectiveDate: '2025-07-01', attributes: { communeType: 'THI_TRAN' } }], 'BAD_USER_INPUT', 'UNIT_INVALID_INPUT'],
    ['a commune subtype on a village', () => ['updateUnit', { unitId: tree.hoiThuong.id, effectiveDate: '2025-02-01', attributes: { communeType: 'XA' } }], 'BAD_USER_INPUT', 'UNIT_INVALID_INPUT'],
    ['a commune placed under a district after the district level ended', () => ['createUnit', { code: '12999', kind: 'COMMUNE', name: 'Xã Mới', parentId: tree.vuThu.id, effectiveDate: '2025-07-01' }], 'BAD_USER_INPUT', 'UNIT_PLACEMENT_NOT_IN_FORCE'],
    ['an invalid date', () => ['renameUnit', { unitId: tree.vuHoi.id, name: 'Xã', effectiveDate: '2025-02-30' }], 'BAD_USER_INPUT', 'UNIT_INVALID_DATE'],
    ['an unknown unit', () => ['renameUnit', { unitId: '5f7c1d9e-0000-4000-8000-000000000001', name: 'Xã', effectiveDate: '2025-02-01' }], 'NOT_FOUND', 'UNIT_NOT_FOUND'],
  ];

  it.each(cases)('refuses %s with %s / %s and writes nothing', async (_, build, code, reason) => {
    const before = await tableCounts(harness.prisma);
    const [name, input] = build();
    expect(errorOf(await mutate(harness, name, input, systemAdmin))).toEqual({ code, reason });
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('accepts a change to the past with an explicit correction, records it and publishes it as corrected', async () => {
    const corrected = await mutateOk(
      harness,
      'renameUnit',
      { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội (mới)', effectiveDate: '2024-10-01', correction: { reason: 'Nghị quyết có hiệu lực từ 01/10/2024' } },
      systemAdmin,
    );
    expect(corrected).toMatchObject({ validFrom: '2024-10-01', revision: 3 });
    const audit = await harness.prisma.unitChange.findFirstOrThrow({ where: { unitId: tree.vuHoi.id, revision: 3 } });
    expect([audit.type, audit.correction, audit.reason]).toEqual(['corrected', true, 'Nghị quyết có hiệu lực từ 01/10/2024']);
    const event = await harness.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: tree.vuHoi.id }, orderBy: { seq: 'desc' } });
    expect(event.type).toBe('org-units.unit.corrected.v1');
    const data = (event.envelope as { data: { timeline: { validFrom: string; validTo: string | null; name: string }[] } }).data;
    expect(data.timeline.map((v) => [v.validFrom, v.validTo, v.name])).toEqual([
      ['2024-01-01', '2024-10-01', 'Xã Vũ Hội'],
      ['2024-10-01', null, 'Xã Vũ Hội (mới)'],
    ]);
  });

  it('dissolves with cascade only when asked, and then refuses any later change', async () => {
    await mutateOk(harness, 'dissolveUnit', { unitId: tree.vuVinh.id, effectiveDate: '2025-05-01', reason: 'Giải thể', cascade: true }, systemAdmin);
    const dissolved = await harness.prisma.unit.findMany({ where: { id: { in: [tree.vuVinh.id, tree.vinhTrung.id] } } });
    expect(dissolved.every((u) => u.dissolvedOn?.toISOString().startsWith('2025-05-01'))).toBe(true);
    const response = await mutate(harness, 'renameUnit', { unitId: tree.vinhTrung.id, name: 'Thôn mới', effectiveDate: '2025-06-01' }, systemAdmin);
    expect(errorOf(response)).toEqual({ code: 'CONFLICT', reason: 'UNIT_DISSOLVED' });
  });
});
