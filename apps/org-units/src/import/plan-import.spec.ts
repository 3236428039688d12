import { planImport } from './plan-import';

describe('planImport', () => {
  it('orders rows so that parents come first, whatever the file order', () => {
    const plan = planImport(
      [
        { code: 'RA', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'C' },
        { code: 'C', kind: 'COMMUNE', name: 'Xã', parentCode: 'D' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P' },
      ],
      new Map([['P', { id: 'p-id', kind: 'PROVINCE', createdOn: '2000-01-01', dissolvedOn: null }]]),
      '2024-01-01',
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.accepted.map((u) => u.code)).toEqual(['D', 'C', 'RA']);
    const [d, c, ra] = plan.accepted;
    expect([d?.parentId, c?.parentId, ra?.parentId]).toEqual(['p-id', d?.id, c?.id]);
  });

  it('rejects rows with their number, code and reason, and rows under rejected parents', () => {
    const plan = planImport(
      [
        { code: 'P', kind: 'PROVINCE', name: 'Tỉnh', effectiveFrom: '2024-13-01' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P', effectiveFrom: '2024-01-01' },
        { code: 'E', kind: 'ENTERPRISE', name: 'Công ty', parentCode: 'X', staffCount: '-3', effectiveFrom: '2024-01-01' },
        { kind: 'COMMUNE', name: 'Không mã' },
      ],
      new Map([['X', { id: 'x', kind: 'COMMUNE', createdOn: '2000-01-01', dissolvedOn: null }]]),
      null,
    );
    expect(plan.accepted).toEqual([]);
    expect(plan.rejected.map((r) => [r.row, r.code, r.reason])).toEqual([
      [1, 'P', 'UNIT_INVALID_DATE'],
      [2, 'D', 'PARENT_REJECTED'],
      [3, 'E', 'UNIT_INVALID_INPUT'],
      [4, null, 'UNIT_INVALID_INPUT'],
    ]);
  });

  it('rejects a child dated before its parent exists', () => {
    const plan = planImport(
      [
        { code: 'P', kind: 'PROVINCE', name: 'Tỉnh', effectiveFrom: '2025-01-01' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P', effectiveFrom: '2024-01-01' },
      ],
      new Map(),
      null,
    );
    expect(plan.rejected.map((r) => [r.code, r.reason])).toEqual([['D', 'UNIT_PARENT_NOT_LIVE']]);
  });
});
