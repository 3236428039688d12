import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type UnitState } from '@antt/unit-directory';

/**
 * A small pre-2025 Thái Bình: the province, Vũ Thư district with Xã Vũ Hội (three villages) and Kiến Xương district with Xã
 * Quang Bình (the outsider's commune).
 */
export function seedTree() {
  const id = { tb: randomUUID(), vt: randomUUID(), kx: randomUUID(), vh: randomUUID(), qb: randomUUID(), vh1: randomUUID(), vh2: randomUUID(), vh3: randomUUID() };
  const unit = fixtureUnit;
  const states: UnitState[] = [
    unit(id.tb, 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null),
    unit(id.vt, 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', id.tb),
    unit(id.kx, 'TB-KX', 'DISTRICT', 'Huyện Kiến Xương', id.tb),
    unit(id.vh, 'TB-VT-VH', 'COMMUNE', 'Xã Vũ Hội', id.vt),
    unit(id.qb, 'TB-KX-QB', 'COMMUNE', 'Xã Quang Bình', id.kx),
    unit(id.vh1, 'TB-VT-VH-01', 'RESIDENTIAL_AREA', 'Thôn Hội Thượng', id.vh),
    unit(id.vh2, 'TB-VT-VH-02', 'RESIDENTIAL_AREA', 'Thôn Hội Hạ', id.vh),
    unit(id.vh3, 'TB-VT-VH-03', 'RESIDENTIAL_AREA', 'Thôn Hội Trung', id.vh),
  ];
  return { id, states };
}
