import { importRow } from './import-row';
import { findTreeProblems } from './tree-invariants';

const province = importRow({ code: 'P', kind: 'PROVINCE', name: 'Tỉnh', parentCode: null });
const district = importRow({ code: 'P-D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P' });
const commune = importRow({ code: 'P-D-C', kind: 'COMMUNE', name: 'Xã', parentCode: 'P-D' });

describe('findTreeProblems', () => {
  it('accepts a sound tree', () => {
    const area = importRow({ code: 'P-D-C-T1', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'P-D-C', residentHouseholds: 100 });
    const school = importRow({
      code: 'P-D-C-TH',
      kind: 'SCHOOL',
      name: 'Trường',
      parentCode: 'P-D-C',
      managingUnitCode: 'P-D',
      schoolLevel: 'PRIMARY',
    });
    expect(findTreeProblems([province, district, commune, area, school])).toEqual([]);
  });

  it('reports duplicate codes, missing or late parents and parents of the wrong kind', () => {
    const problems = findTreeProblems([
      province,
      importRow({ code: 'P-C', kind: 'COMMUNE', name: 'Xã', parentCode: 'P' }),
      importRow({ code: 'X-D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'X' }),
      district,
      importRow({ code: 'P-D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P' }),
      importRow({ code: 'Q-D', kind: 'DISTRICT', name: 'Huyện', parentCode: null }),
    ]);
    expect(problems).toEqual([
      'P-C: COMMUNE cannot sit under PROVINCE',
      'X-D: parent X is missing or comes later',
      'P-D: duplicate code',
      'Q-D: DISTRICT needs a parent',
    ]);
  });

  it('reports managing units of the wrong kind and attributes that do not fit the kind', () => {
    const area = importRow({ code: 'P-D-C-T1', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'P-D-C', residentHouseholds: 90 });
    const problems = findTreeProblems([
      province,
      district,
      commune,
      area,
      importRow({
        code: 'P-D-C-DN',
        kind: 'ENTERPRISE',
        name: 'Công ty',
        parentCode: 'P-D-C',
        managingUnitCode: 'P-D-C-T1',
        schoolLevel: 'PRIMARY',
      }),
    ]);
    expect(problems).toEqual([
      'P-D-C-DN: RESIDENTIAL_AREA cannot manage units',
      'P-D-C-DN: ENTERPRISE needs enterpriseSize',
      'P-D-C-DN: ENTERPRISE must not have schoolLevel',
    ]);
  });
});
