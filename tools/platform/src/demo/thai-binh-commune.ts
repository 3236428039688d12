import { ordinal } from './ascii-code';
import { enterpriseName, enterpriseStaff, localEnterpriseSize } from './enterprises';
import { type Random } from './random';
import { type GazetteerCommune } from './thai-binh-gazetteer';
import { type TreeBuilder } from './tree-builder';
import { distinctPlaceNames, NURSERY_NAMES } from './vietnamese-names';

/** A commune already added to the tree, with what its contents need to know. */
export interface PlacedCommune {
  code: string;
  districtCode: string;
  commune: GazetteerCommune;
}

/** "xã Vũ Hội": the form used inside other names ("Công an xã Vũ Hội"). */
export function communeInlineName(commune: GazetteerCommune): string {
  return `${commune.type} ${commune.name}`;
}

const SECURITY_TEAM_SHARE = 0.14;

function centred(random: Random, min: number, max: number): number {
  return Math.round((random.int(min, max) + random.int(min, max)) / 2);
}

/** Villages (xã) or street groups (phường, thị trấn), each with its households; some with a security team. */
function addResidentialAreas(builder: TreeBuilder, random: Random, placed: PlacedCommune): void {
  const { code, commune } = placed;
  const urban = commune.type !== 'xã';
  if (urban) {
    const count = commune.type === 'phường' ? random.int(10, 16) : random.int(7, 12);
    for (let index = 1; index <= count; index += 1) {
      const areaCode = `${code}-${ordinal('TDP', index, count)}`;
      builder.add({
        code: areaCode,
        kind: 'RESIDENTIAL_AREA',
        name: `Tổ dân phố ${index}`,
        parentCode: code,
        residentHouseholds: commune.type === 'phường' ? centred(random, 150, 600) : centred(random, 120, 450),
      });
      addAreaSecurityTeam(builder, random, areaCode, `tổ dân phố ${index}`);
    }
    builder.add({
      code: `${code}-BBVDP`,
      kind: 'SECURITY_TEAM',
      name: `Ban bảo vệ dân phố ${communeInlineName(commune)}`,
      parentCode: code,
      staffCount: random.int(15, 40),
    });
    return;
  }
  const count = random.int(5, 10);
  const villages = distinctPlaceNames(random, count, new Set([commune.name]));
  villages.forEach((village, position) => {
    const areaCode = `${code}-${ordinal('T', position + 1, count)}`;
    builder.add({
      code: areaCode,
      kind: 'RESIDENTIAL_AREA',
      name: `Thôn ${village}`,
      parentCode: code,
      residentHouseholds: centred(random, 80, 550),
    });
    addAreaSecurityTeam(builder, random, areaCode, `thôn ${village}`);
  });
}

function addAreaSecurityTeam(builder: TreeBuilder, random: Random, areaCode: string, areaName: string): void {
  if (!random.chance(SECURITY_TEAM_SHARE)) return;
  builder.add({
    code: `${areaCode}-ANTT`,
    kind: 'SECURITY_TEAM',
    name: `Tổ bảo vệ an ninh trật tự ${areaName}`,
    parentCode: areaCode,
    staffCount: random.int(5, 12),
  });
}

/** The commune's own offices: people's committee, police, military command, health station. */
function addCommuneAgencies(builder: TreeBuilder, random: Random, placed: PlacedCommune): void {
  const { code, districtCode, commune } = placed;
  const inline = communeInlineName(commune);
  const agencies = [
    { suffix: 'UBND', name: `Ủy ban nhân dân ${inline}`, managing: code, armed: false, staff: [18, 32] },
    { suffix: 'CA', name: `Công an ${inline}`, managing: districtCode, armed: true, staff: [5, 14] },
    { suffix: 'QS', name: `Ban Chỉ huy Quân sự ${inline}`, managing: districtCode, armed: true, staff: [3, 8] },
    { suffix: 'TYT', name: `Trạm Y tế ${inline}`, managing: districtCode, armed: false, staff: [5, 10] },
  ] as const;
  for (const agency of agencies) {
    builder.add({
      code: `${code}-${agency.suffix}`,
      kind: 'AGENCY',
      name: agency.name,
      parentCode: code,
      managingUnitCode: agency.managing,
      armedForces: agency.armed,
      staffCount: random.int(agency.staff[0], agency.staff[1]),
    });
  }
}

/** Public preschool, primary and lower-secondary schools (district-managed); sometimes a private nursery group. */
function addCommuneSchools(builder: TreeBuilder, random: Random, placed: PlacedCommune, nextPatron: () => string): void {
  const { code, districtCode, commune } = placed;
  const schools = [
    { suffix: 'MN', name: `Trường Mầm non ${commune.name}`, level: 'PRESCHOOL', staff: [20, 45] },
    { suffix: 'TH', name: `Trường Tiểu học ${commune.name}`, level: 'PRIMARY', staff: [22, 45] },
    { suffix: 'THCS', name: `Trường THCS ${commune.name}`, level: 'LOWER_SECONDARY', staff: [22, 42] },
  ] as const;
  for (const school of schools) {
    builder.add({
      code: `${code}-${school.suffix}`,
      kind: 'SCHOOL',
      name: school.name,
      parentCode: code,
      managingUnitCode: districtCode,
      schoolLevel: school.level,
      staffCount: random.int(school.staff[0], school.staff[1]),
    });
  }
  if (commune.type === 'phường' && random.chance(0.6)) {
    builder.add({
      code: `${code}-TH2`,
      kind: 'SCHOOL',
      name: `Trường Tiểu học ${nextPatron()}`,
      parentCode: code,
      managingUnitCode: districtCode,
      schoolLevel: 'PRIMARY',
      staffCount: random.int(25, 50),
    });
  }
  if (random.chance(commune.type === 'xã' ? 0.2 : 0.5)) {
    builder.add({
      code: `${code}-NT`,
      kind: 'SCHOOL',
      name: `Nhóm trẻ tư thục ${random.pick(NURSERY_NAMES)}`,
      parentCode: code,
      managingUnitCode: code,
      schoolLevel: 'NURSERY',
      staffCount: random.int(3, 8),
    });
  }
}

/** An agricultural cooperative in each rural commune, and small businesses: more of them in towns and wards. */
function addCommuneEnterprises(builder: TreeBuilder, random: Random, placed: PlacedCommune): void {
  const { code, districtCode, commune } = placed;
  if (commune.type === 'xã') {
    const staff = random.int(5, 20);
    builder.add({
      code: `${code}-HTX`,
      kind: 'ENTERPRISE',
      name: `Hợp tác xã Dịch vụ nông nghiệp ${commune.name}`,
      parentCode: code,
      managingUnitCode: code,
      enterpriseSize: staff <= 10 ? 'MICRO' : 'SMALL',
      staffCount: staff,
    });
  }
  const count =
    commune.type === 'phường' ? random.int(5, 10) : commune.type === 'thị trấn' ? random.int(3, 7) : random.int(0, 4);
  for (let index = 1; index <= count; index += 1) {
    const size = localEnterpriseSize(random);
    builder.add({
      code: `${code}-${ordinal('DN', index, count)}`,
      kind: 'ENTERPRISE',
      name: enterpriseName(random, builder, size),
      parentCode: code,
      managingUnitCode: size === 'MEDIUM' ? districtCode : code,
      enterpriseSize: size,
      staffCount: enterpriseStaff(random, size),
    });
  }
}

/** Everything that sits in one commune: residential areas, security teams, agencies, schools, enterprises. */
export function addCommuneContents(
  builder: TreeBuilder,
  random: Random,
  placed: PlacedCommune,
  nextPatron: () => string,
): void {
  addResidentialAreas(builder, random, placed);
  addCommuneAgencies(builder, random, placed);
  addCommuneSchools(builder, random, placed, nextPatron);
  addCommuneEnterprises(builder, random, placed);
}
