import { fixtureUnit } from './unit-directory-harness';

describe('fixtureUnit', () => {
  it('is an open unit at revision 1 from 2019-01-01, without attributes unless given', () => {
    expect(fixtureUnit('u1', 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null)).toEqual({
      unitId: 'u1',
      code: 'TB',
      kind: 'PROVINCE',
      revision: 1,
      dissolvedOn: null,
      timeline: [{ validFrom: '2019-01-01', validTo: null, name: 'Tỉnh Thái Bình', parentId: null, managingUnitId: null }],
    });
    expect(fixtureUnit('u1', 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null).timeline[0]).not.toHaveProperty('attributes');
  });

  it('carries the attributes given, and is dissolved on the day its version closes', () => {
    const unit = fixtureUnit('u2', 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', 'u1', { residentHouseholds: 12 }, '2025-07-01');
    expect(unit.dissolvedOn).toBe('2025-07-01');
    expect(unit.timeline).toEqual([{ validFrom: '2019-01-01', validTo: '2025-07-01', name: 'Huyện Vũ Thư', parentId: 'u1', managingUnitId: null, attributes: { residentHouseholds: 12 } }]);
  });
});
