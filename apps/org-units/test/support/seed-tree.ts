import { type OrgUnitsHarness, startHarness, systemAdmin } from './org-units-harness';
import { type UnitResult, mutateOk } from './operations';

/**
 * A small Thái Bình tree as of 2024-01-01: the province, two districts (Vũ Thư, Kiến Xương), three communes
 * (Xã Vũ Hội and Xã Vũ Vinh in Vũ Thư, Xã Vũ Quý in Kiến Xương), two villages, an enterprise and a school.
 */
export async function seedTree(harness: OrgUnitsHarness) {
  const create = (input: Record<string, unknown>) =>
    mutateOk<UnitResult>(harness, 'createUnit', { effectiveDate: '2024-01-01', ...input }, systemAdmin);
  const province = await create({ code: '34', kind: 'PROVINCE', name: 'Tỉnh Thái Bình' });
  const vuThu = await create({ code: '344', kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentId: province.id });
  const kienXuong = await create({ code: '345', kind: 'DISTRICT', name: 'Huyện Kiến Xương', parentId: province.id });
  const vuHoi = await create({ code: '12670', kind: 'COMMUNE', name: 'Xã Vũ Hội', parentId: vuThu.id });
  const vuVinh = await create({ code: '12676', kind: 'COMMUNE', name: 'Xã Vũ Vinh', parentId: vuThu.id });
  const vuQuy = await create({ code: '12730', kind: 'COMMUNE', name: 'Xã Vũ Quý', parentId: kienXuong.id });
  const hoiThuong = await create({
    code: '12670-01',
    kind: 'RESIDENTIAL_AREA',
    name: 'Thôn Hội Thượng',
    parentId: vuHoi.id,
    attributes: { residentHouseholds: 412 },
  });
  const vinhTrung = await create({ code: '12676-01', kind: 'RESIDENTIAL_AREA', name: 'Thôn Vĩnh Trung', parentId: vuVinh.id });
  const may = await create({
    code: '1000214587',
    kind: 'ENTERPRISE',
    name: 'Công ty Cổ phần May Vũ Vinh',
    parentId: vuVinh.id,
    attributes: { enterpriseSize: 'SMALL', staffCount: 85 },
  });
  const school = await create({
    code: '34000315',
    kind: 'SCHOOL',
    name: 'Trường THPT Vũ Tiên',
    parentId: vuThu.id,
    managingUnitId: province.id,
    attributes: { schoolLevel: 'UPPER_SECONDARY', staffCount: 96 },
  });
  return { province, vuThu, kienXuong, vuHoi, vuVinh, vuQuy, hoiThuong, vinhTrung, may, school };
}

export type Tree = Awaited<ReturnType<typeof seedTree>>;

/** The harness at `today` with {@link seedTree} created through it; closed again if seeding fails. */
export async function startSeededHarness(today: string): Promise<{ harness: OrgUnitsHarness; tree: Tree }> {
  const harness = await startHarness(today);
  try {
    return { harness, tree: await seedTree(harness) };
  } catch (error) {
    await harness.close();
    throw error;
  }
}
