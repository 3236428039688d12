import { daysLeft, daysOverdue, deadlineLabel, decodeQueueCursor, encodeQueueCursor, queuePageSize } from './review-queue.rules';

const id = '5b0c1f7e-8f61-4f0a-9a59-2f3c4d5e6f70';

describe('review queue rules', () => {
  it('bounds the page size: 50 by default, up to 500, refused above naming first', () => {
    expect(queuePageSize(undefined)).toBe(50);
    expect(queuePageSize(500)).toBe(500);
    expect(() => queuePageSize(501)).toThrow(expect.objectContaining({ reason: 'PAGE_SIZE_TOO_LARGE', details: expect.objectContaining({ field: 'first', max: 500 }) }));
    expect(() => queuePageSize(-1)).toThrow(expect.objectContaining({ reason: 'INVALID_PAGE_SIZE' }));
  });

  it('round-trips its cursor and refuses anything else', () => {
    const cursor = encodeQueueCursor({ deadline: '2024-11-20', assessmentId: id });
    expect(decodeQueueCursor(cursor)).toEqual({ deadline: '2024-11-20', assessmentId: id });
    for (const bad of ['', 'abc', Buffer.from('["2024-02-30","x"]').toString('base64url'), Buffer.from(JSON.stringify(['2024-11-20', 'not-an-id'])).toString('base64url'), 'x'.repeat(300)]) {
      expect(() => decodeQueueCursor(bad)).toThrow(expect.objectContaining({ reason: 'INVALID_CURSOR' }));
    }
  });

  it('reads days overdue or left from today minus the deadline, with a Vietnamese label', () => {
    expect([daysOverdue(3), daysLeft(3), deadlineLabel(3)]).toEqual([3, 0, 'Quá hạn 3 ngày']);
    expect([daysOverdue(0), daysLeft(0), deadlineLabel(0)]).toEqual([0, 0, 'Hết hạn hôm nay']);
    expect([daysOverdue(-2), daysLeft(-2), deadlineLabel(-2)]).toEqual([0, 2, 'Còn 2 ngày']);
  });
});
