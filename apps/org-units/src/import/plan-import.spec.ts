import { MAX_COUNT } from './check-row';
import { type ImportRow } from './import-row';
import { type ExistingUnit, checkRows, planImport } from './plan-import';

const DATES = { earliest: '1900-01-01', latest: '2100-12-31' };

function plan(rows: ImportRow[], stored: Record<string, ExistingUnit> = {}, defaultEffectiveFrom: string | null = '2024-01-01') {
  return planImport(checkRows(rows, { defaultEffectiveFrom, dates: DATES }), new Set(Object.keys(stored)), new Map(Object.entries(stored)));
}
const province: ExistingUnit = { id: 'p-id', kind: 'PROVINCE', createdOn: '2000-01-01', dissolvedOn: null };
const summary = (rejected: { row: number; code: string | null; column: string | null; reason: string }[]) =>
  rejected.map((r) => [r.row, r.code, r.column, r.reason]);

describe('planImport', () => {
  it('orders rows so that parents come first, whatever the file order, under stored parents', () => {
    const result = plan(
      [
        { code: 'RA', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'C' },
        { code: 'C', kind: 'COMMUNE', name: 'Xã', parentCode: 'D' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'p' },
      ],
      { P: province },
    );
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((u) => u.code)).toEqual(['D', 'C', 'RA']);
    const [d, c, ra] = result.accepted;
    expect([d?.parentId, c?.parentId, ra?.parentId]).toEqual(['p-id', d?.id, c?.id]);
  });

  it('rejects rows naming the row, code, column and reason, and rows under rejected parents', () => {
    const result = plan(
      [
        { code: 'P', kind: 'PROVINCE', name: 'Tỉnh', effectiveFrom: '2024-13-01' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P', effectiveFrom: '2024-01-01' },
        { code: 'E', kind: 'ENTERPRISE', name: 'Công ty', parentCode: 'X', staffCount: '-3', effectiveFrom: '2024-01-01' },
        { kind: 'COMMUNE', name: 'Không mã' },
      ],
      {},
      null,
    );
    expect(result.accepted).toEqual([]);
    expect(summary(result.rejected)).toEqual([
      [1, 'P', 'effectiveFrom', 'UNIT_INVALID_DATE'],
      [2, 'D', 'parentCode', 'PARENT_REJECTED'],
      [3, 'E', 'staffCount', 'UNIT_INVALID_INPUT'],
      [4, null, 'code', 'UNIT_INVALID_INPUT'],
    ]);
  });

  it('reports a row without a date as its own missing date', () => {
    const result = plan([{ code: 'P', kind: 'PROVINCE', name: 'Tỉnh' }], {}, null);
    expect(result.rejected).toEqual([
      { row: 1, code: 'P', column: 'effectiveFrom', reason: 'UNIT_INVALID_DATE', message: 'effectiveFrom is missing (and no default date was given)' },
    ]);
  });

  it('canonicalises codes and names: "tb-vt" and "TB-VT" are one code; names NFC, without control characters', () => {
    const decomposed = 'Xa\u0303 Vu\u0303 Ho\u0323i';
    const result = plan(
      [
        { code: ' tb-vt ', kind: 'district', name: `  Huyện   Vũ Thư `, parentCode: 'p' },
        { code: 'TB-VT', kind: 'DISTRICT', name: 'Trùng', parentCode: 'P' },
        { code: 'tb-vt-vh', kind: 'COMMUNE', name: decomposed, parentCode: 'Tb-Vt' },
        { code: 'BAD', kind: 'COMMUNE', name: 'Xã\u0007', parentCode: 'TB-VT' },
        { code: 'BAD CODE', kind: 'COMMUNE', name: 'Xã', parentCode: 'TB-VT' },
      ],
      { P: province },
    );
    expect(result.accepted.map((u) => [u.code, u.kind, u.name])).toEqual([
      ['TB-VT', 'DISTRICT', 'Huyện Vũ Thư'],
      ['TB-VT-VH', 'COMMUNE', decomposed.normalize('NFC')],
    ]);
    expect(summary(result.rejected)).toEqual([
      [2, 'TB-VT', 'code', 'DUPLICATE_CODE'],
      [4, 'BAD', 'name', 'UNIT_INVALID_INPUT'],
      [5, 'BAD CODE', 'code', 'UNIT_INVALID_INPUT'],
    ]);
  });

  it('rejects values out of range or of the wrong type, naming the column', () => {
    const result = plan([
      { code: 'A', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'X', residentHouseholds: String(MAX_COUNT + 1) },
      { code: 'B', kind: 'RESIDENTIAL_AREA', name: { vi: 'Thôn' } },
      { code: 'C', kind: 'RESIDENTIAL_AREA', name: 'Thôn', staffCount: 1.5 },
      { code: 'D', kind: 'PROVINCE', name: 'x'.repeat(256) },
      { code: 'E'.repeat(65), kind: 'PROVINCE', name: 'Tỉnh' },
      { code: 'F', kind: 'PROVINCE', name: 'Tỉnh', effectiveFrom: '9999-12-31' },
      { code: 'G', kind: 'PROVINCE', name: 'Tỉnh', armedForces: 'maybe' },
      { code: 'H', kind: 'ENTERPRISE', name: 'Công ty', parentCode: 'P', enterpriseSize: 'HUGE' },
      { code: 'I', kind: 'PROVINCE', name: 'Tỉnh', residentHouseholds: MAX_COUNT },
      'J' as unknown as ImportRow,
    ], { P: province });
    expect(summary(result.rejected)).toEqual([
      [1, 'A', 'residentHouseholds', 'UNIT_INVALID_INPUT'],
      [2, 'B', 'name', 'UNIT_INVALID_INPUT'],
      [3, 'C', 'staffCount', 'UNIT_INVALID_INPUT'],
      [4, 'D', 'name', 'UNIT_INVALID_INPUT'],
      [5, 'E'.repeat(65), 'code', 'UNIT_INVALID_INPUT'],
      [6, 'F', 'effectiveFrom', 'UNIT_INVALID_DATE'],
      [7, 'G', 'armedForces', 'UNIT_INVALID_INPUT'],
      [8, 'H', 'enterpriseSize', 'UNIT_INVALID_INPUT'],
      [10, null, null, 'UNIT_INVALID_INPUT'],
    ]);
    expect(result.rejected[1]?.message).toBe('name must be a text, not an object');
    expect(result.accepted.map((u) => u.attributes.residentHouseholds)).toEqual([MAX_COUNT]);
  });

  it('checks stored parents and managing units live on the row date, with the kind rules', () => {
    const dissolved: ExistingUnit = { id: 'c-old', kind: 'COMMUNE', createdOn: '2000-01-01', dissolvedOn: '2024-03-01' };
    const result = plan(
      [
        { code: 'RA-1', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'C-OLD', effectiveFrom: '2024-06-01' },
        { code: 'RA-2', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'C-OLD', effectiveFrom: '2023-06-01' },
        { code: 'RA-3', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'P' },
        { code: 'S-1', kind: 'SCHOOL', name: 'Trường', parentCode: 'P', managingUnitCode: 'C-OLD', effectiveFrom: '2024-06-01' },
        { code: 'S-2', kind: 'SCHOOL', name: 'Trường', parentCode: 'P', effectiveFrom: '1999-01-01' },
      ],
      { P: province, 'C-OLD': dissolved },
    );
    expect(summary(result.rejected)).toEqual([
      [1, 'RA-1', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
      [2, 'RA-2', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
      [3, 'RA-3', 'parentCode', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
      [4, 'S-1', 'managingUnitCode', 'UNIT_MANAGING_UNIT_NOT_LIVE'],
      [5, 'S-2', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
    ]);
    expect(result.rejected[0]?.message).toBe('parent C-OLD was dissolved on 2024-03-01, so it is not live on 2024-06-01');
    expect(result.rejected[1]?.message).toBe('parent C-OLD is dissolved on 2024-03-01, so a unit created on 2023-06-01 would outlive it');
    expect(result.rejected[4]?.message).toBe('parent P exists only from 2000-01-01, after 1999-01-01');
  });

  it('rejects a child dated before its parent in the file exists, and loops as cycles', () => {
    const result = plan(
      [
        { code: 'P', kind: 'PROVINCE', name: 'Tỉnh', effectiveFrom: '2025-01-01' },
        { code: 'D', kind: 'DISTRICT', name: 'Huyện', parentCode: 'P', effectiveFrom: '2024-01-01' },
        { code: 'L-A', kind: 'COMMUNE', name: 'A', parentCode: 'L-B', effectiveFrom: '2024-01-01' },
        { code: 'L-B', kind: 'COMMUNE', name: 'B', parentCode: 'L-A', effectiveFrom: '2024-01-01' },
      ],
      {},
      null,
    );
    expect(summary(result.rejected)).toEqual([
      [2, 'D', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
      [3, 'L-A', 'parentCode', 'UNIT_CYCLE'],
      [4, 'L-B', 'parentCode', 'UNIT_CYCLE'],
    ]);
  });
});
