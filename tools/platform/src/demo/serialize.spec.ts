import { parse } from 'csv-parse/sync';
import { IMPORT_ROW_FIELDS, importRow, type ImportRow } from './import-row';
import { formatFromPath, serializeRows, toCsv } from './serialize';

const rows: ImportRow[] = [
  importRow({ code: 'TB', kind: 'PROVINCE', name: 'Tỉnh Thái Bình', parentCode: null }),
  importRow({
    code: 'TB-SVHTTDL',
    kind: 'DEPARTMENT',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    parentCode: 'TB',
    armedForces: false,
    staffCount: 90,
  }),
  importRow({
    code: 'TB-DN01',
    kind: 'ENTERPRISE',
    name: 'Công ty "Hưng Phát"',
    parentCode: 'TB',
    managingUnitCode: 'TB',
    enterpriseSize: 'SMALL',
    staffCount: 40,
  }),
];

describe('toCsv', () => {
  it('writes the header and one row per unit that a CSV parser reads back', () => {
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe(IMPORT_ROW_FIELDS.join(','));
    const parsed = parse(csv, { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      code: 'TB',
      kind: 'PROVINCE',
      name: 'Tỉnh Thái Bình',
      parentCode: '',
      managingUnitCode: '',
      effectiveFrom: '2020-01-01',
      enterpriseSize: '',
      schoolLevel: '',
      armedForces: '',
      residentHouseholds: '',
      staffCount: '',
      communeType: '',
    });
    expect(parsed[1]).toEqual(expect.objectContaining({ name: 'Sở Văn hóa, Thể thao và Du lịch', armedForces: 'false', staffCount: '90' }));
    expect(parsed[2]).toEqual(expect.objectContaining({ name: 'Công ty "Hưng Phát"', enterpriseSize: 'SMALL' }));
  });
});

describe('serializeRows', () => {
  it('writes JSON and JSON Lines that parse back to the same rows', () => {
    expect(JSON.parse(serializeRows(rows, 'json'))).toEqual(rows);
    expect(JSON.parse(serializeRows([], 'json'))).toEqual([]);
    const lines = serializeRows(rows, 'jsonl').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
  });

  it('keeps the field order of the import format', () => {
    expect(Object.keys(JSON.parse(serializeRows(rows, 'jsonl').split('\n')[0] ?? ''))).toEqual([...IMPORT_ROW_FIELDS]);
  });
});

describe('formatFromPath', () => {
  it('reads the format from the extension', () => {
    expect(formatFromPath('out/tree.json')).toBe('json');
    expect(formatFromPath('tree.JSONL')).toBe('jsonl');
    expect(formatFromPath('/tmp/tree.csv')).toBe('csv');
    expect(() => formatFromPath('tree.xml')).toThrow('use .json, .jsonl or .csv');
  });
});
