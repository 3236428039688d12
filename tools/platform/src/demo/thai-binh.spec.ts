import { type ImportRow, type UnitKind } from './import-row';
import { thaiBinhTree } from './thai-binh';
import { thaiBinhGazetteer } from './thai-binh-gazetteer';
import { findTreeProblems } from './tree-invariants';

const rows = thaiBinhTree();
const byCode = new Map(rows.map((row) => [row.code, row]));

function ofKind(kind: UnitKind): ImportRow[] {
  return rows.filter((row) => row.kind === kind);
}

function childrenOf(code: string, kind?: UnitKind): ImportRow[] {
  return rows.filter((row) => row.parentCode === code && (kind === undefined || row.kind === kind));
}

describe('thaiBinhTree', () => {
  it('has the shape of the pre-2025 province: 1 province, 8 district-level units, 260 communes', () => {
    expect(ofKind('PROVINCE')).toEqual([expect.objectContaining({ code: 'TB', name: 'Tỉnh Thái Bình', parentCode: null })]);
    expect(ofKind('DISTRICT').map((row) => row.name)).toEqual([
      'Thành phố Thái Bình',
      'Huyện Đông Hưng',
      'Huyện Hưng Hà',
      'Huyện Kiến Xương',
      'Huyện Quỳnh Phụ',
      'Huyện Thái Thụy',
      'Huyện Tiền Hải',
      'Huyện Vũ Thư',
    ]);
    expect(ofKind('COMMUNE')).toHaveLength(260);
    const perDistrict = Object.fromEntries(ofKind('DISTRICT').map((d) => [d.code, childrenOf(d.code, 'COMMUNE').length]));
    expect(perDistrict).toEqual({
      'TB-TP': 19,
      'TB-DH': 38,
      'TB-HH': 35,
      'TB-KX': 33,
      'TB-QP': 37,
      'TB-TT': 36,
      'TB-TH': 32,
      'TB-VT': 30,
    });
    const cityCommunes = childrenOf('TB-TP', 'COMMUNE').map((row) => row.name.split(' ')[0]);
    expect(cityCommunes.filter((type) => type === 'Phường')).toHaveLength(10);
  });

  it('has about 2,000 residential areas, 3,000 agencies/enterprises/schools, the departments and some security teams', () => {
    expect(ofKind('RESIDENTIAL_AREA').length).toBeGreaterThanOrEqual(1800);
    expect(ofKind('RESIDENTIAL_AREA').length).toBeLessThanOrEqual(2200);
    const organisations = ofKind('AGENCY').length + ofKind('ENTERPRISE').length + ofKind('SCHOOL').length;
    expect(organisations).toBeGreaterThanOrEqual(2700);
    expect(organisations).toBeLessThanOrEqual(3300);
    const provincial = childrenOf('TB', 'DEPARTMENT');
    expect(provincial.length).toBeGreaterThanOrEqual(20);
    expect(provincial.length).toBeLessThanOrEqual(35);
    expect(ofKind('SECURITY_TEAM').length).toBeGreaterThanOrEqual(150);
    expect(ofKind('SECURITY_TEAM').length).toBeLessThanOrEqual(500);
  });

  it('is a sound import file: unique codes, existing parents and managers of allowed kinds, parents first', () => {
    expect(findTreeProblems(rows)).toEqual([]);
    for (const row of rows) expect(row.effectiveFrom).toBe('2020-01-01');
  });

  it('keeps hierarchical ASCII codes', () => {
    expect(byCode.get('TB-VT')?.name).toBe('Huyện Vũ Thư');
    expect(byCode.get('TB-VT-VUHOI')).toEqual(expect.objectContaining({ kind: 'COMMUNE', parentCode: 'TB-VT' }));
    expect(byCode.get('TB-VT-VUHOI-T01')).toEqual(expect.objectContaining({ kind: 'RESIDENTIAL_AREA', parentCode: 'TB-VT-VUHOI' }));
    for (const row of rows) {
      if (row.kind === 'COMMUNE' || row.kind === 'RESIDENTIAL_AREA') expect(row.code.startsWith(`${row.parentCode}-`)).toBe(true);
    }
  });

  it('uses the real names of districts, communes, towns and departments', () => {
    const names = new Set(rows.map((row) => row.name));
    for (const name of [
      'Xã Vũ Hội',
      'Xã Việt Hùng',
      'Xã Minh Lãng',
      'Xã Song Lãng',
      'Xã Tân Lập',
      'Xã Dũng Nghĩa',
      'Phường Lê Hồng Phong',
      'Phường Bồ Xuyên',
      'Phường Trần Lãm',
      'Xã Đông Hòa',
      'Xã Vũ Phúc',
      'Thị trấn Hưng Hà',
      'Thị trấn Hưng Nhân',
      'Thị trấn Quỳnh Côi',
      'Thị trấn An Bài',
      'Thị trấn Diêm Điền',
      'Thị trấn Tiền Hải',
      'Công an tỉnh',
      'Sở Giáo dục và Đào tạo',
      'Tỉnh đoàn',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('never repeats a commune name in a district or a residential-area name in a commune', () => {
    for (const parent of [...ofKind('DISTRICT'), ...ofKind('COMMUNE')]) {
      const kind: UnitKind = parent.kind === 'DISTRICT' ? 'COMMUNE' : 'RESIDENTIAL_AREA';
      const names = childrenOf(parent.code, kind).map((row) => row.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('gives every residential area 80 to 600 households and villages in rural communes', () => {
    for (const area of ofKind('RESIDENTIAL_AREA')) {
      expect(area.residentHouseholds).toBeGreaterThanOrEqual(80);
      expect(area.residentHouseholds).toBeLessThanOrEqual(600);
      const commune = byCode.get(area.parentCode ?? '');
      expect(area.name.startsWith(commune?.name.startsWith('Xã') ? 'Thôn ' : 'Tổ dân phố ')).toBe(true);
    }
  });

  it('carries the attributes that decide Circular 124 scope', () => {
    for (const commune of ofKind('COMMUNE')) {
      const levels = childrenOf(commune.code, 'SCHOOL').map((row) => row.schoolLevel);
      expect(levels).toEqual(expect.arrayContaining(['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']));
      expect(byCode.get(`${commune.code}-CA`)).toEqual(expect.objectContaining({ kind: 'AGENCY', armedForces: true }));
      expect(byCode.get(`${commune.code}-UBND`)).toEqual(
        expect.objectContaining({ armedForces: false, managingUnitCode: commune.code }),
      );
    }
    const upperSecondary = rows.filter((row) => row.schoolLevel === 'UPPER_SECONDARY');
    expect(upperSecondary.length).toBeGreaterThanOrEqual(30);
    for (const school of upperSecondary) expect(school.managingUnitCode).toBe('TB');
    for (const district of ofKind('DISTRICT')) {
      expect(upperSecondary.some((school) => byCode.get(school.parentCode ?? '')?.parentCode === district.code)).toBe(true);
    }
    const enterprises = ofKind('ENTERPRISE');
    const smallOrMicro = enterprises.filter((row) => row.enterpriseSize === 'MICRO' || row.enterpriseSize === 'SMALL');
    expect(smallOrMicro.length / enterprises.length).toBeGreaterThan(0.8);
    expect(enterprises.some((row) => row.enterpriseSize === 'LARGE' && row.managingUnitCode === 'TB')).toBe(true);
    for (const row of [...enterprises, ...ofKind('SCHOOL'), ...ofKind('AGENCY')]) {
      expect(row.staffCount).toBeGreaterThan(0);
    }
    const managers = new Set(rows.filter((row) => row.managingUnitCode).map((row) => byCode.get(row.managingUnitCode ?? '')?.kind));
    expect(managers).toEqual(new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']));
  });

  it('is deterministic and uses no unseeded randomness', () => {
    const random = jest.spyOn(Math, 'random');
    try {
      expect(thaiBinhTree()).toEqual(rows);
      expect(random).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
    }
  });
});

describe('thaiBinhGazetteer', () => {
  it('lists 260 communes, each marked as a known or a synthetic name', () => {
    const gazetteer = thaiBinhGazetteer();
    const communes = gazetteer.districts.flatMap((district) => district.communes);
    expect(communes).toHaveLength(260);
    expect(communes.filter((commune) => commune.source === 'known').length).toBeGreaterThan(200);
    const types = communes.map((commune) => commune.type);
    expect(types.filter((type) => type === 'phường')).toHaveLength(10);
    expect(types.filter((type) => type === 'thị trấn')).toHaveLength(9);
    expect(types.filter((type) => type === 'xã')).toHaveLength(241);
  });
});
