import { daysLeft, daysOverdue, deadlineLabel, decodeQueueCursor, encodeQueueCursor, queueFilters, queuePageSize } from './review-queue.rules';

const id = '5b0c1f7e-8f61-4f0a-9a59-2f3c4d5e6f70';
const all = queueFilters({ year: 2024 });

describe('review queue rules', () => {
  it('bounds the page size: 50 by default, up to 500, refused above naming first', () => {
    expect(queuePageSize(undefined)).toBe(50);
    expect(queuePageSize(500)).toBe(500);
    expect(() => queuePageSize(501)).toThrow(expect.objectContaining({ reason: 'PAGE_SIZE_TOO_LARGE', details: expect.objectContaining({ field: 'first', max: 500 }) }));
    expect(() => queuePageSize(-1)).toThrow(expect.objectContaining({ reason: 'INVALID_PAGE_SIZE' }));
  });

  it('round-trips its cursor and refuses anything else', () => {
    const cursor = encodeQueueCursor({ deadline: '2024-11-20', assessmentId: id }, all);
    expect(decodeQueueCursor(cursor, all)).toEqual({ deadline: '2024-11-20', assessmentId: id });
    for (const bad of ['', 'abc', Buffer.from('["2024-02-30","x"]').toString('base64url'), Buffer.from(JSON.stringify(['2024-11-20', 'not-an-id', 'k'])).toString('base64url'), Buffer.from(JSON.stringify(['2024-11-20', id])).toString('base64url'), 'x'.repeat(300)]) {
      expect(() => decodeQueueCursor(bad, all)).toThrow(expect.objectContaining({ reason: 'INVALID_CURSOR' }));
    }
  });

  it('canonicalises the filters (empty is none, sorted, deduplicated) and refuses unknown kinds naming the field', () => {
    expect(queueFilters({ year: 2024, overdueOnly: null, levelKinds: [], unitKinds: null })).toEqual({ year: 2024, overdueOnly: false, levelKinds: null, unitKinds: null });
    expect(queueFilters({ year: 2024, levelKinds: ['DISTRICT', 'COMMUNE', 'DISTRICT'], unitKinds: ['SCHOOL', 'RESIDENTIAL_AREA'] })).toMatchObject({ levelKinds: ['COMMUNE', 'DISTRICT'], unitKinds: ['RESIDENTIAL_AREA', 'SCHOOL'] });
    expect(() => queueFilters({ year: 2024, levelKinds: ['COMMUNE', 'VILLAGE'] })).toThrow(expect.objectContaining({ reason: 'INVALID_LEVEL_KIND', details: expect.objectContaining({ field: 'levelKinds', index: 1 }) }));
    expect(() => queueFilters({ year: 2024, unitKinds: ['HAMLET'] })).toThrow(expect.objectContaining({ reason: 'INVALID_UNIT_KIND', details: expect.objectContaining({ field: 'unitKinds' }) }));
  });

  it('keeps a cursor valid only with the same filters, whatever their order', () => {
    const communes = queueFilters({ year: 2024, levelKinds: ['COMMUNE', 'DISTRICT'] });
    const cursor = encodeQueueCursor({ deadline: '2024-11-20', assessmentId: id }, communes);
    expect(decodeQueueCursor(cursor, queueFilters({ year: 2024, levelKinds: ['DISTRICT', 'COMMUNE'] }))).toEqual({ deadline: '2024-11-20', assessmentId: id });
    for (const other of [all, queueFilters({ year: 2025, levelKinds: ['COMMUNE', 'DISTRICT'] }), queueFilters({ year: 2024, overdueOnly: true, levelKinds: ['COMMUNE', 'DISTRICT'] }), queueFilters({ year: 2024, levelKinds: ['COMMUNE', 'DISTRICT'], unitKinds: ['SCHOOL'] })]) {
      expect(() => decodeQueueCursor(cursor, other)).toThrow(expect.objectContaining({ reason: 'CURSOR_FILTERS_CHANGED', details: expect.objectContaining({ field: 'after' }) }));
    }
  });

  it('reads days overdue or left from today minus the deadline, with a Vietnamese label', () => {
    expect([daysOverdue(3), daysLeft(3), deadlineLabel(3)]).toEqual([3, 0, 'Quá hạn 3 ngày']);
    expect([daysOverdue(0), daysLeft(0), deadlineLabel(0)]).toEqual([0, 0, 'Hết hạn hôm nay']);
    expect([daysOverdue(-2), daysLeft(-2), deadlineLabel(-2)]).toEqual([0, 2, 'Còn 2 ngày']);
  });
});
