import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type DirectoryAttributes, type UnitState } from '@antt/unit-directory';

const NONE: DirectoryAttributes = { enterpriseSize: null, schoolLevel: null, armedForces: null, residentHouseholds: null, staffCount: null };

/**
 * A small pre-2025 Thái Bình: the province, two districts, three communes with their villages, a school and a small enterprise.
 * Vũ Thư district is abolished on 2025-07-01 and Xã Vũ Hội goes straight under the province that day.
 */
export function seedTree() {
  const id = {
    tb: randomUUID(),
    vt: randomUUID(),
    kx: randomUUID(),
    vh: randomUUID(),
    vv: randomUUID(),
    kxA: randomUUID(),
    vh1: randomUUID(),
    vh2: randomUUID(),
    vh3: randomUUID(),
    vv1: randomUUID(),
    kxA1: randomUUID(),
    school: randomUUID(),
    smallEnterprise: randomUUID(),
  };
  const unit = (unitId: string, code: string, kind: string, name: string, parentId: string | null, attributes: DirectoryAttributes = NONE, validTo: string | null = null) =>
    fixtureUnit(unitId, code, kind, name, parentId, attributes, validTo);
  const states: UnitState[] = [
    unit(id.tb, 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null),
    unit(id.vt, 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', id.tb, NONE, '2025-07-01'),
    unit(id.kx, 'TB-KX', 'DISTRICT', 'Huyện Kiến Xương', id.tb),
    {
      unitId: id.vh,
      code: 'TB-VT-VH',
      kind: 'COMMUNE',
      revision: 2,
      dissolvedOn: null,
      timeline: [
        { validFrom: '2019-01-01', validTo: '2025-07-01', name: 'Xã Vũ Hội', parentId: id.vt, managingUnitId: null, attributes: { ...NONE, residentHouseholds: 2874 } },
        { validFrom: '2025-07-01', validTo: null, name: 'Xã Vũ Hội', parentId: id.tb, managingUnitId: null, attributes: { ...NONE, residentHouseholds: 2874 } },
      ],
    },
    unit(id.vv, 'TB-VT-VV', 'COMMUNE', 'Xã Vũ Vinh', id.vt, { ...NONE, residentHouseholds: 2130 }),
    unit(id.kxA, 'TB-KX-QB', 'COMMUNE', 'Xã Quang Bình', id.kx),
    unit(id.vh1, 'TB-VT-VH-01', 'RESIDENTIAL_AREA', 'Thôn Hội Thượng', id.vh, { ...NONE, residentHouseholds: 412 }),
    unit(id.vh2, 'TB-VT-VH-02', 'RESIDENTIAL_AREA', 'Thôn Hội Hạ', id.vh, { ...NONE, residentHouseholds: 356 }),
    unit(id.vh3, 'TB-VT-VH-03', 'RESIDENTIAL_AREA', 'Thôn Hội Trung', id.vh, { ...NONE, residentHouseholds: 298 }),
    unit(id.vv1, 'TB-VT-VV-01', 'RESIDENTIAL_AREA', 'Thôn Vinh Quang', id.vv),
    unit(id.kxA1, 'TB-KX-QB-01', 'RESIDENTIAL_AREA', 'Thôn Quang Trung', id.kxA),
    unit(id.school, '34000315', 'SCHOOL', 'Trường THPT Vũ Tiên', id.vh, { ...NONE, schoolLevel: 'UPPER_SECONDARY', staffCount: 1200 }),
    unit(id.smallEnterprise, '1000214587', 'ENTERPRISE', 'Công ty TNHH May Hội Thượng', id.vh, { ...NONE, enterpriseSize: 'SMALL', staffCount: 35 }),
  ];
  return { id, states };
}
