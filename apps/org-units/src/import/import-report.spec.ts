import { importReportCsv } from './import-report';

describe('importReportCsv', () => {
  it('writes one line per refused row and one for a failed write, quoting what CSV needs quoted', () => {
    const csv = importReportCsv({
      rejected: [
        { row: 2, code: 'TB-VT', column: 'name', reason: 'UNIT_INVALID_INPUT', message: 'name: contains a control character' },
        { row: 7, code: null, column: null, reason: 'UNIT_CYCLE', message: 'A, B and "C"\nloop' },
      ],
      failure: { reason: 'IMPORT_WRITE_FAILED', message: '23514: new row violates check constraint "x"' },
    });
    expect(csv).toBe(
      [
        'row,code,column,reason,message',
        '2,TB-VT,name,UNIT_INVALID_INPUT,name: contains a control character',
        '7,,,UNIT_CYCLE,"A, B and ""C""\nloop"',
        ',,,IMPORT_WRITE_FAILED,"23514: new row violates check constraint ""x"""',
        '',
      ].join('\n'),
    );
  });
});
