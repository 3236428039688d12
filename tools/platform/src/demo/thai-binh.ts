import { codeSegment } from './ascii-code';
import { type ImportRow } from './import-row';
import { seededRandom, type Random } from './random';
import { addCommuneContents, type PlacedCommune } from './thai-binh-commune';
import {
  addDistrictAgenciesAndSchools,
  addDistrictDepartments,
  addDistrictEnterprises,
  type DistrictContext,
} from './thai-binh-district';
import { communeDisplayName, thaiBinhGazetteer, type ThaiBinhGazetteer } from './thai-binh-gazetteer';
import { TreeBuilder } from './tree-builder';
import { SCHOOL_PATRONS } from './vietnamese-names';

const SEED = 'thai-binh-2024';
const COMMUNE_TYPE_OF = { xã: 'XA', phường: 'PHUONG', 'thị trấn': 'THI_TRAN' } as const;

function departmentStaff(random: Random, name: string, armed: boolean): number {
  if (armed) return random.int(500, 3000);
  if (name.startsWith('Sở ')) return random.int(40, 180);
  if (/^(Hội|Tỉnh đoàn|Liên đoàn|Ủy ban Mặt trận)/.test(name)) return random.int(15, 40);
  return random.int(30, 90);
}

function agencyStaff(random: Random, name: string, armed: boolean): number {
  if (armed) return random.int(300, 800);
  if (name.startsWith('Bệnh viện')) return random.int(300, 1200);
  return random.int(30, 200);
}

function addProvinceLevelUnits(
  builder: TreeBuilder,
  gazetteer: ThaiBinhGazetteer,
  provinceCode: string,
  capitalCommunes: readonly PlacedCommune[],
): void {
  const random = seededRandom(`${SEED}:province-units`);
  for (const agency of gazetteer.provinceAgencies) {
    builder.add({
      code: `${provinceCode}-${agency.code}`,
      kind: 'AGENCY',
      name: agency.name,
      parentCode: random.pick(capitalCommunes).code,
      managingUnitCode: provinceCode,
      armedForces: agency.armedForces,
      staffCount: agencyStaff(random, agency.name, agency.armedForces),
    });
  }
  for (const school of gazetteer.provinceSchools) {
    builder.add({
      code: `${provinceCode}-${school.code}`,
      kind: 'SCHOOL',
      name: school.name,
      parentCode: random.pick(capitalCommunes).code,
      managingUnitCode: provinceCode,
      schoolLevel: school.schoolLevel,
      staffCount: random.int(150, 900),
    });
  }
  ['Hồng Đức', 'Ngôi Sao'].forEach((brand, position) => {
    builder.add({
      code: `${provinceCode}-PTLC${position + 1}`,
      kind: 'SCHOOL',
      name: `Trường Phổ thông liên cấp ${brand}`,
      parentCode: random.pick(capitalCommunes).code,
      managingUnitCode: provinceCode,
      schoolLevel: 'MULTI_LEVEL',
      staffCount: random.int(60, 140),
    });
  });
}

/**
 * The demo province: Thái Bình as it stood before the 2025 reorganisation (8 district-level units, 260 communes),
 * with about 2,000 residential areas, 3,000 agencies, enterprises and schools, the departments and a few hundred
 * security teams. Real names come from `tools/platform/data/thai-binh-2024.json`; villages, enterprises and all
 * counts are synthetic. Deterministic: every call returns the same rows, parents before children.
 */
export function thaiBinhTree(): ImportRow[] {
  const gazetteer = thaiBinhGazetteer();
  const builder = new TreeBuilder();
  const provinceCode = gazetteer.province.code;
  const provinceRandom = seededRandom(`${SEED}:${provinceCode}`);
  builder.add({ code: provinceCode, kind: 'PROVINCE', name: gazetteer.province.name, parentCode: null });
  for (const department of gazetteer.departments) {
    builder.add({
      code: `${provinceCode}-${department.code}`,
      kind: 'DEPARTMENT',
      name: department.name,
      parentCode: provinceCode,
      armedForces: department.armedForces,
      staffCount: departmentStaff(provinceRandom, department.name, department.armedForces),
    });
  }

  let patronIndex = 0;
  const nextPatron = (): string => {
    const patron = SCHOOL_PATRONS[patronIndex % SCHOOL_PATRONS.length] as string;
    patronIndex += 1;
    return patron;
  };
  let capitalCommunes: PlacedCommune[] = [];

  for (const district of gazetteer.districts) {
    const districtCode = `${provinceCode}-${district.code}`;
    const random = seededRandom(`${SEED}:${districtCode}`);
    builder.add({ code: districtCode, kind: 'DISTRICT', name: district.name, parentCode: provinceCode });
    const communes = district.communes.map((commune): PlacedCommune => {
      const code = `${districtCode}-${codeSegment(commune.name)}`;
      builder.add({ code, kind: 'COMMUNE', name: communeDisplayName(commune), parentCode: districtCode, communeType: COMMUNE_TYPE_OF[commune.type] });
      return { code, districtCode, commune };
    });
    const context: DistrictContext = { provinceCode, districtCode, district, communes };
    addDistrictDepartments(builder, random, context);
    addDistrictAgenciesAndSchools(builder, random, context);
    for (const placed of communes) {
      addCommuneContents(builder, seededRandom(`${SEED}:${placed.code}`), placed, nextPatron);
    }
    addDistrictEnterprises(builder, random, context);
    if (district.type === 'thành phố') capitalCommunes = communes.filter((placed) => placed.commune.type === 'phường');
  }

  if (capitalCommunes.length === 0) throw new Error('the province has no city wards to host its agencies');
  addProvinceLevelUnits(builder, gazetteer, provinceCode, capitalCommunes);
  return builder.rows;
}
