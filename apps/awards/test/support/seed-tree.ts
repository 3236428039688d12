import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type UnitState } from '@antt/unit-directory';
import { as } from './awards-harness';

/**
 * A small pre-2025 Thái Bình: the province, Vũ Thư district with `communes` communes, and Kiến Xương district with Xã Quang
 * Bình (outside Vũ Thư's jurisdiction).
 */
export function seedTree(communes: number) {
  const id = { tb: randomUUID(), vt: randomUUID(), kx: randomUUID(), qb: randomUUID() };
  const commune = Array.from({ length: communes }, () => randomUUID());
  const unit = fixtureUnit;
  const states: UnitState[] = [
    unit(id.tb, 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null),
    unit(id.vt, 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', id.tb),
    unit(id.kx, 'TB-KX', 'DISTRICT', 'Huyện Kiến Xương', id.tb),
    unit(id.qb, 'TB-KX-QB', 'COMMUNE', 'Xã Quang Bình', id.kx),
    ...commune.map((unitId, i) => unit(unitId, `TB-VT-${String(i).padStart(2, '0')}`, 'COMMUNE', `Xã số ${i + 1}`, id.vt)),
  ];
  return { id, commune, states };
}

/** The callers of the seed tree: PV05 and the appraisal board of the province, Vũ Thư's and Kiến Xương's officers, a SYSTEM_ADMIN, an agency. */
export function seedCallers(id: ReturnType<typeof seedTree>['id']) {
  return {
    police: as('pv05@tb', 'STEERING_OFFICER', id.tb),
    vuThu: as('bcd138@vt', 'LEVEL_OFFICER', id.vt),
    kienXuong: as('bcd138@kx', 'LEVEL_OFFICER', id.kx),
    board: as('ban-tdkt@snv', 'APPRAISER', id.tb),
    admin: as('admin@tb', 'SYSTEM_ADMIN', id.tb),
    agency: as('apikey:agency', 'EXTERNAL_READER', id.tb),
  };
}
