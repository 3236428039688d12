import { codeSegment, ordinal } from './ascii-code';
import { enterpriseName, enterpriseStaff } from './enterprises';
import { type Random } from './random';
import { type PlacedCommune } from './thai-binh-commune';
import { type GazetteerDistrict } from './thai-binh-gazetteer';
import { type TreeBuilder } from './tree-builder';

type Level = 'district' | 'province';

interface AgencyTemplate {
  suffix: string;
  name: (inline: string) => string;
  managedBy: Level;
  armed: boolean;
  staff: readonly [number, number];
}

/** District-level offices; vertical branches (police, courts, treasury, tax, insurance) are managed by the province. */
const DISTRICT_AGENCIES: readonly AgencyTemplate[] = [
  { suffix: 'UBND', name: (d) => `Ủy ban nhân dân ${d}`, managedBy: 'district', armed: false, staff: [60, 120] },
  { suffix: 'CA', name: (d) => `Công an ${d}`, managedBy: 'province', armed: true, staff: [120, 300] },
  { suffix: 'BCHQS', name: (d) => `Ban Chỉ huy Quân sự ${d}`, managedBy: 'province', armed: true, staff: [20, 45] },
  { suffix: 'TTYT', name: (d) => `Trung tâm Y tế ${d}`, managedBy: 'province', armed: false, staff: [150, 400] },
  { suffix: 'TTVH', name: (d) => `Trung tâm Văn hóa, Thể thao và Truyền thông ${d}`, managedBy: 'district', armed: false, staff: [15, 30] },
  { suffix: 'KBNN', name: (d) => `Kho bạc Nhà nước ${d}`, managedBy: 'province', armed: false, staff: [12, 25] },
  { suffix: 'CCT', name: (d) => `Chi cục Thuế ${d}`, managedBy: 'province', armed: false, staff: [25, 50] },
  { suffix: 'BHXH', name: (d) => `Bảo hiểm xã hội ${d}`, managedBy: 'province', armed: false, staff: [15, 30] },
  { suffix: 'TAND', name: (d) => `Tòa án nhân dân ${d}`, managedBy: 'province', armed: false, staff: [15, 30] },
  { suffix: 'VKSND', name: (d) => `Viện kiểm sát nhân dân ${d}`, managedBy: 'province', armed: false, staff: [12, 25] },
  { suffix: 'THADS', name: (d) => `Chi cục Thi hành án dân sự ${d}`, managedBy: 'province', armed: false, staff: [10, 20] },
];

/** District offices that launch the movement to their own staff. */
const DISTRICT_DEPARTMENTS = [
  { suffix: 'PNV', name: (d: string) => `Phòng Nội vụ ${d}` },
  { suffix: 'PGDDT', name: (d: string) => `Phòng Giáo dục và Đào tạo ${d}` },
] as const;

/** What district-level units need to know about where they are. */
export interface DistrictContext {
  provinceCode: string;
  districtCode: string;
  district: GazetteerDistrict;
  communes: readonly PlacedCommune[];
}

function inlineName(district: GazetteerDistrict): string {
  return district.name.charAt(0).toLowerCase() + district.name.slice(1);
}

/** The district's departments (DEPARTMENT under DISTRICT). */
export function addDistrictDepartments(builder: TreeBuilder, random: Random, context: DistrictContext): void {
  for (const department of DISTRICT_DEPARTMENTS) {
    builder.add({
      code: `${context.districtCode}-${department.suffix}`,
      kind: 'DEPARTMENT',
      name: department.name(inlineName(context.district)),
      parentCode: context.districtCode,
      armedForces: false,
      staffCount: random.int(6, 15),
    });
  }
}

/** District agencies at the district seat, the continuing-education centre and the province-run upper-secondary schools. */
export function addDistrictAgenciesAndSchools(builder: TreeBuilder, random: Random, context: DistrictContext): void {
  const { provinceCode, districtCode, district, communes } = context;
  const seat = communes.find((placed) => placed.commune.name === district.seat);
  if (!seat) throw new Error(`district ${districtCode}: seat ${district.seat} was not placed`);
  const managing = (level: Level): string => (level === 'district' ? districtCode : provinceCode);
  for (const agency of DISTRICT_AGENCIES) {
    builder.add({
      code: `${districtCode}-${agency.suffix}`,
      kind: 'AGENCY',
      name: agency.name(inlineName(district)),
      parentCode: seat.code,
      managingUnitCode: managing(agency.managedBy),
      armedForces: agency.armed,
      staffCount: random.int(agency.staff[0], agency.staff[1]),
    });
  }
  builder.add({
    code: `${districtCode}-GDNNGDTX`,
    kind: 'SCHOOL',
    name: `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${inlineName(district)}`,
    parentCode: seat.code,
    managingUnitCode: districtCode,
    schoolLevel: 'VOCATIONAL',
    staffCount: random.int(25, 60),
  });
  const hosts = [seat, ...communes.filter((placed) => placed !== seat)];
  district.upperSecondarySchools.forEach((school, position) => {
    const host = position === 0 ? seat : random.pick(hosts.slice(1));
    builder.add({
      code: `${districtCode}-${codeSegment(school.name)}`,
      kind: 'SCHOOL',
      name: `Trường ${school.name}`,
      parentCode: host.code,
      managingUnitCode: provinceCode,
      schoolLevel: 'UPPER_SECONDARY',
      staffCount: random.int(70, 130),
    });
  });
}

/** Medium enterprises managed by the district and large ones managed by the province, spread over its communes. */
export function addDistrictEnterprises(builder: TreeBuilder, random: Random, context: DistrictContext): void {
  const { provinceCode, districtCode, communes } = context;
  const count = random.int(8, 12);
  for (let index = 1; index <= count; index += 1) {
    const size = random.chance(0.4) ? 'LARGE' : 'MEDIUM';
    builder.add({
      code: `${districtCode}-${ordinal('DN', index, count)}`,
      kind: 'ENTERPRISE',
      name: enterpriseName(random, builder, size),
      parentCode: random.pick(communes).code,
      managingUnitCode: size === 'LARGE' ? provinceCode : districtCode,
      enterpriseSize: size,
      staffCount: enterpriseStaff(random, size),
    });
  }
}
