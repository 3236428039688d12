import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type DirectoryAttributes, type UnitState } from '@antt/unit-directory';

/**
 * A small Thái Bình across the reform: the province; Vũ Thư district (until 01/07/2025) with Xã Vũ Hội, which the province
 * manages directly from that date; Xã Vũ Hội's villages, a lower-secondary school and a primary school (out of the safe
 * standard's scope, R1); Kiến Xương district with Xã Quang Bình (the outsider).
 */
export function seedTree() {
  const id = {
    tb: randomUUID(),
    vt: randomUUID(),
    kx: randomUUID(),
    vh: randomUUID(),
    qb: randomUUID(),
    vh1: randomUUID(),
    vh2: randomUUID(),
    thcs: randomUUID(),
    primary: randomUUID(),
  };
  const unit = (unitId: string, code: string, kind: string, name: string, parentId: string | null, attributes: DirectoryAttributes = {}) =>
    fixtureUnit(unitId, code, kind, name, parentId, attributes);
  const vuHoi: UnitState = {
    unitId: id.vh,
    code: 'TB-VT-VH',
    kind: 'COMMUNE',
    revision: 2,
    dissolvedOn: null,
    timeline: [
      { validFrom: '2019-01-01', validTo: '2025-07-01', name: 'Xã Vũ Hội', parentId: id.vt, managingUnitId: null, attributes: {} },
      { validFrom: '2025-07-01', validTo: null, name: 'Xã Vũ Hội', parentId: id.tb, managingUnitId: null, attributes: {} },
    ],
  };
  const states: UnitState[] = [
    unit(id.tb, 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null),
    { ...unit(id.vt, 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', id.tb), revision: 2, dissolvedOn: '2025-07-01', timeline: [{ validFrom: '2019-01-01', validTo: '2025-07-01', name: 'Huyện Vũ Thư', parentId: id.tb, managingUnitId: null, attributes: {} }] },
    unit(id.kx, 'TB-KX', 'DISTRICT', 'Huyện Kiến Xương', id.tb),
    vuHoi,
    unit(id.qb, 'TB-KX-QB', 'COMMUNE', 'Xã Quang Bình', id.kx),
    unit(id.vh1, 'TB-VT-VH-01', 'RESIDENTIAL_AREA', 'Thôn Hội Thượng', id.vh),
    unit(id.vh2, 'TB-VT-VH-02', 'RESIDENTIAL_AREA', 'Thôn Hội Hạ', id.vh),
    unit(id.thcs, 'TB-VT-VH-THCS', 'SCHOOL', 'Trường THCS Vũ Hội', id.vh, { schoolLevel: 'LOWER_SECONDARY' }),
    unit(id.primary, 'TB-VT-VH-TH', 'SCHOOL', 'Trường Tiểu học Vũ Hội', id.vh, { schoolLevel: 'PRIMARY' }),
  ];
  return { id, states };
}

/**
 * models' 2024 effective-model fact for a commune-window unit (16/11/2023–15/11/2024), as its consumer projects it
 * (`projectEffectiveModelFacts`): the tests have no models service.
 */
export function effectiveModelFact2024(unitId: string, hasEffectiveModel: boolean, { revision = 1, derivedOn = '2024-11-16' } = {}) {
  return {
    unitId,
    year: 2024,
    windowStart: '2023-11-16',
    windowEnd: '2024-11-15',
    hasEffectiveModel,
    effectiveModelIds: hasEffectiveModel ? [randomUUID()] : [],
    revision,
    derivedOn,
  };
}
