import { type OrgUnitsHarness, officer, orgAdmin, systemAdmin, tableCounts } from '../support/org-units-harness';
import { type UnitResult, errorOf, mutate, mutateOk, queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

/**
 * Regression tests for the jurisdiction holes found by a security review (issue 5, defects 1-4), through the gateway:
 * each refused change writes nothing.
 *
 * The tree (2024-01-01): province 34 › Vũ Thư 344 › Vũ Hội 12670 › Thôn Hội Thượng 12670-01 (with a security team),
 * Vũ Thư › Vũ Vinh 12676; Kiến Xương 345 › Vũ Quý 12730. On 2025-03-01 Hội Thượng moves to Vũ Vinh, and on 2025-05-01
 * Vũ Vinh renames it.
 */
describe('org-units jurisdiction: every date and every unit a change touches', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;
  let team: UnitResult;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
    team = await mutateOk(
      harness,
      'createUnit',
      { code: '12670-01-T1', kind: 'SECURITY_TEAM', name: 'Tổ bảo vệ an ninh trật tự Hội Thượng', parentId: tree.hoiThuong.id, managingUnitId: tree.vuHoi.id, effectiveDate: '2024-01-01' },
      systemAdmin,
    );
    await mutateOk(harness, 'moveUnit', { unitId: tree.hoiThuong.id, parentId: tree.vuVinh.id, effectiveDate: '2025-03-01' }, systemAdmin);
    await mutateOk(harness, 'renameUnit', { unitId: tree.hoiThuong.id, name: 'Thôn Vĩnh Hội', effectiveDate: '2025-05-01' }, orgAdmin(tree.vuVinh.id));
  });
  afterAll(() => harness?.close());

  async function refusedWithNothingWritten(
    name: Parameters<typeof mutate>[1],
    input: Record<string, unknown>,
    caller: Parameters<typeof mutate>[3],
  ): Promise<{ code: unknown; reason: unknown; extensions: Record<string, unknown> | undefined }> {
    const before = await tableCounts(harness.prisma);
    const response = await mutate(harness, name, input, caller);
    expect(await tableCounts(harness.prisma)).toEqual(before);
    return { ...errorOf(response), extensions: response.errors?.[0]?.extensions };
  }

  describe('a correction is checked on every later period (defect 1)', () => {
    const vuHoiAdmin = () => orgAdmin(tree.vuHoi.id);

    it.each([
      ['rename', 'renameUnit', () => ({ unitId: tree.hoiThuong.id, name: 'Thôn Giả', effectiveDate: '2024-06-01', correction: { reason: 'sai tên' } })],
      ['move', 'moveUnit', () => ({ unitId: tree.hoiThuong.id, parentId: tree.vuHoi.id, effectiveDate: '2024-06-01', correction: { reason: 'sai' } })],
      ['dissolve', 'dissolveUnit', () => ({ unitId: tree.hoiThuong.id, reason: 'giải thể', effectiveDate: '2024-06-01', correction: { reason: 'sai' }, cascade: true })],
    ] as const)('refuses a past-dated %s of a unit that has since left the jurisdiction, naming the date', async (_label, name, input) => {
      const refusal = await refusedWithNothingWritten(name, input(), vuHoiAdmin());
      expect([refusal.code, refusal.reason]).toEqual(['FORBIDDEN', 'OUTSIDE_JURISDICTION']);
      expect(refusal.extensions?.date).toBe('2025-03-01');
    });

    it('lets the level above both periods make the same correction', async () => {
      const renamed = await mutateOk(
        harness,
        'renameUnit',
        { unitId: tree.vinhTrung.id, name: 'Thôn Vĩnh Trung Đông', effectiveDate: '2024-06-01', correction: { reason: 'đính chính tên' } },
        orgAdmin(tree.vuThu.id),
      );
      expect(renamed.name).toBe('Thôn Vĩnh Trung Đông');
    });

    it('refuses taking a school from a managing unit outside the jurisdiction', async () => {
      const refusal = await refusedWithNothingWritten(
        'updateUnit',
        { unitId: tree.school.id, managingUnitId: tree.vuThu.id, effectiveDate: '2025-09-01' },
        orgAdmin(tree.vuThu.id),
      );
      expect([refusal.code, refusal.reason]).toEqual(['NOT_FOUND', 'UNIT_NOT_FOUND']);
    });
  });

  describe('placements must be inside the jurisdiction (defect 2)', () => {
    it('refuses a split whose parts would be managed by the commune above a residential area admin', async () => {
      const refusal = await refusedWithNothingWritten(
        'splitUnit',
        {
          unitId: team.id,
          keepSource: true,
          into: [{ code: '12670-01-T2', name: 'Tổ 2' }],
          effectiveDate: '2025-09-01',
          reason: 'tách tổ',
        },
        orgAdmin(tree.hoiThuong.id),
      );
      expect([refusal.code, refusal.reason]).toEqual(['NOT_FOUND', 'UNIT_NOT_FOUND']);
    });

    it('refuses creating, moving or merging into a unit of another jurisdiction', async () => {
      const vuHoiAdmin = orgAdmin(tree.vuHoi.id);
      const create = await refusedWithNothingWritten('createUnit', { code: '12676-09', kind: 'RESIDENTIAL_AREA', name: 'Thôn Mới', parentId: tree.vuVinh.id, effectiveDate: '2025-09-01' }, vuHoiAdmin);
      expect([create.code, create.reason]).toEqual(['NOT_FOUND', 'UNIT_NOT_FOUND']);
      const merge = await refusedWithNothingWritten(
        'mergeUnits',
        { sourceIds: [tree.vuHoi.id, tree.vuVinh.id], newTarget: { code: '12999', name: 'Xã Vũ Hợp', parentId: tree.kienXuong.id }, effectiveDate: '2025-09-01', reason: 'sáp nhập' },
        orgAdmin(tree.vuThu.id),
      );
      expect([merge.code, merge.reason]).toEqual(['NOT_FOUND', 'UNIT_NOT_FOUND']);
    });

    it('allows placing under the jurisdiction unit itself', async () => {
      const created = await mutateOk(
        harness,
        'createUnit',
        { code: '12670-02', kind: 'RESIDENTIAL_AREA', name: 'Thôn Hội Hạ', parentId: tree.vuHoi.id, effectiveDate: '2025-09-01' },
        orgAdmin(tree.vuHoi.id),
      );
      expect(created.parentId).toBe(tree.vuHoi.id);
    });
  });

  describe('the unit that defines a jurisdiction belongs to the level above (defect 3)', () => {
    it.each([
      ['rename', 'renameUnit', () => ({ unitId: tree.vuHoi.id, name: 'Xã Vũ Hội Mới', effectiveDate: '2025-09-01' })],
      ['split', 'splitUnit', () => ({ unitId: tree.vuHoi.id, into: [{ code: '12670-A', name: 'Xã A' }, { code: '12670-B', name: 'Xã B' }], effectiveDate: '2025-09-01', reason: 'chia' })],
      ['dissolve with cascade', 'dissolveUnit', () => ({ unitId: tree.vuHoi.id, effectiveDate: '2025-09-01', reason: 'giải thể', cascade: true })],
    ] as const)('refuses its own admin a %s', async (_label, name, input) => {
      const refusal = await refusedWithNothingWritten(name, input(), orgAdmin(tree.vuHoi.id));
      expect([refusal.code, refusal.reason]).toEqual(['FORBIDDEN', 'JURISDICTION_ROOT']);
    });

    it('lets the district rename the commune', async () => {
      const renamed = await mutateOk(harness, 'renameUnit', { unitId: tree.vuVinh.id, name: 'Xã Vũ Vinh Mới', effectiveDate: '2025-09-01' }, orgAdmin(tree.vuThu.id));
      expect(renamed.name).toBe('Xã Vũ Vinh Mới');
    });
  });

  describe('reads outside the jurisdiction answer as for a unit that does not exist (defect 4)', () => {
    const HISTORY = `query($id: ID!, $asOf: Date) { unit(id: $id, asOf: $asOf) { history { validFrom validTo name parentId } } }`;

    it('cuts history to the periods inside the caller’s jurisdiction', async () => {
      const vuVinh = await queryOk<{ unit: { history: unknown[] } }>(harness, HISTORY, { id: tree.hoiThuong.id, asOf: '2025-06-01' }, officer(tree.vuVinh.id));
      expect(vuVinh.unit.history).toEqual([
        { validFrom: '2025-03-01', validTo: '2025-05-01', name: 'Thôn Hội Thượng', parentId: tree.vuVinh.id },
        { validFrom: '2025-05-01', validTo: null, name: 'Thôn Vĩnh Hội', parentId: tree.vuVinh.id },
      ]);
      const vuHoi = await queryOk<{ unit: { history: unknown[] } }>(harness, HISTORY, { id: tree.hoiThuong.id, asOf: '2024-06-01' }, officer(tree.vuHoi.id));
      expect(vuHoi.unit.history).toEqual([{ validFrom: '2024-01-01', validTo: '2025-03-01', name: 'Thôn Hội Thượng', parentId: tree.vuHoi.id }]);
      const district = await queryOk<{ unit: { history: unknown[] } }>(harness, HISTORY, { id: tree.hoiThuong.id, asOf: '2024-06-01' }, officer(tree.vuThu.id));
      expect(district.unit.history).toHaveLength(3);
    });

    it('answers unitByCode with null for another jurisdiction’s code, as for an unknown code, on any date', async () => {
      const BY_CODE = `query($code: String!, $asOf: Date) { unitByCode(code: $code, asOf: $asOf) { id name } }`;
      const caller = officer(tree.vuVinh.id);
      const outside = await harness.request(BY_CODE, { code: '12730' }, caller);
      const unknown = await harness.request(BY_CODE, { code: 'NO-SUCH-CODE' }, caller);
      const beforeItCame = await harness.request(BY_CODE, { code: '12670-01', asOf: '2024-06-01' }, caller);
      expect(outside).toEqual({ data: { unitByCode: null } });
      expect(unknown).toEqual(outside);
      expect(beforeItCame).toEqual(outside);
      const inside = await queryOk<{ unitByCode: { id: string } }>(harness, BY_CODE, { code: '12670-01', asOf: '2025-06-01' }, caller);
      expect(inside.unitByCode.id).toBe(tree.hoiThuong.id);
    });

    it('answers nested reads on a date outside the jurisdiction as empty', async () => {
      const data = await queryOk<{ unit: { ancestors: unknown[]; children: { totalCount: number } } }>(
        harness,
        `query($id: ID!) { unit(id: $id, asOf: "2025-06-01") { ancestors(asOf: "2024-06-01") { id } children(asOf: "2024-06-01") { totalCount } } }`,
        { id: tree.hoiThuong.id },
        officer(tree.vuVinh.id),
      );
      expect(data.unit).toEqual({ ancestors: [], children: { totalCount: 0 } });
    });
  });
});
