import { randomUUID } from 'node:crypto';
import { fixedClock } from '@antt/service-kit';
import { fixtureUnit } from '@antt/testing';
import { ReviewQueueRepository } from '../../src/domain/review-queue';
import { ReviewReminderRepository, ReviewReminderScheduler } from '../../src/domain/review-reminder';
import { type AssessmentsHarness, as, startHarness } from '../support/assessments-harness';
import { APPROVE_ASSESSMENT, REVIEW_QUEUE, REVIEW_QUEUE_WITHOUT_TOTAL, RULE_SETS, SUBMIT_ASSESSMENT } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17 }).map(([itemCode, score]) => ({ itemCode, score }));
const byKey = (a: { deadline: string; id: string }, b: { deadline: string; id: string }) => (a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : a.id < b.id ? -1 : 1);

/**
 * The reviewing levels' work list and the reminders before a level's deadline, on the 2024 review plans (a village's review
 * due at the commune by 20/11, the district by 30/11; a commune's at the district by 30/11): who sees what, overdue first,
 * pages by cursor; and the scheduler publishing each reminder once, however often and however many run.
 */
describe('assessments: review queue and review reminders', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const vh3 = randomUUID();
  const vh4 = randomUUID();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const district = as('ca@vuthu', 'LEVEL_OFFICER', id.vt);
  const otherDistrict = as('ca@kienxuong', 'LEVEL_OFFICER', id.kx);
  const province = as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb);
  const admin = as('admin', 'SYSTEM_ADMIN', id.tb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  const assessmentOf = new Map<string, string>();
  const reminders = (day: string) => new ReviewReminderScheduler(new ReviewReminderRepository(h.prisma), fixedClock(day), 3);
  const reminderEvents = async (): Promise<Data[]> =>
    (await h.prisma.outboxEvent.findMany({ where: { type: { in: ['assessments.review.due-soon.v1', 'assessments.review.overdue.v1'] } }, orderBy: { seq: 'asc' } })).map(
      (event) => (event.envelope as Data)['data'] as Data,
    );
  const queue = async (caller: ReturnType<typeof as>, variables: Record<string, unknown> = {}) => h.request<Data>(REVIEW_QUEUE, { year: 2024, ...variables }, caller);

  beforeAll(async () => {
    h = await startHarness('2024-11-05');
    await h.project([
      ...states,
      fixtureUnit(vh3, 'TB-VT-VH-03', 'RESIDENTIAL_AREA', 'Thôn Hội Khê', id.vh),
      fixtureUnit(vh4, 'TB-VT-VH-04', 'RESIDENTIAL_AREA', 'Thôn Hội Đông', id.vh),
    ]);
    const sets = (await h.request<Data>(RULE_SETS, { year: 2024 }, commune)).data!.ruleSets as Data[];
    const maxScores = (kind: string) => (sets.find((set) => set.unitKind === kind)!.items as Data[]).map((item) => ({ itemCode: item.code, score: item.maxPoints }));
    const submit = async (unitId: string, scores: Array<{ itemCode: string; score: number }>, caller = commune) => {
      const answer = await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId, year: 2024, submittedOn: '2024-11-05', scores } }, caller);
      expect(answer.errors).toBeUndefined();
      assessmentOf.set(unitId, answer.data!.submitAssessment.id);
    };
    for (const unitId of [id.vh1, id.vh2, vh3, vh4]) await submit(unitId, villageScores());
    await submit(id.thcs, maxScores('SCHOOL'));
    await submit(id.vh, maxScores('COMMUNE'));
    h.setToday('2024-11-06');
    const forwarded = await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: assessmentOf.get(vh4), approvedOn: '2024-11-06' } }, commune);
    expect(forwarded.data!.approveAssessment).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: id.vt } });
  });
  afterAll(async () => h?.close());

  it('reminders: nothing 4 days ahead; due soon from 3 days before, once across two concurrent schedulers and a rerun; overdue once the day after, never for a step approved on time', async () => {
    expect(await reminders('2024-11-16').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });

    const concurrent = await Promise.all([reminders('2024-11-17').runOnce(), reminders('2024-11-17').runOnce()]);
    expect(concurrent.reduce((sum, run) => sum + run.dueSoon, 0)).toBe(4);
    expect(concurrent.reduce((sum, run) => sum + run.overdue, 0)).toBe(0);
    expect(await reminders('2024-11-17').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders('2024-11-19').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    const dueSoon = await h.prisma.outboxEvent.findMany({ where: { type: 'assessments.review.due-soon.v1' } });
    expect(dueSoon.map((event) => event.aggregateId).sort()).toEqual([id.vh1, id.vh2, vh3, id.thcs].sort());
    expect((dueSoon.find((event) => event.aggregateId === id.vh1)!.envelope as Data)['data']).toEqual({
      assessmentId: assessmentOf.get(id.vh1),
      unitId: id.vh1,
      unitKind: 'RESIDENTIAL_AREA',
      year: 2024,
      levelUnitId: id.vh,
      position: 0,
      deadline: '2024-11-20',
      daysLeft: 3,
    });

    // Xã Vũ Hội approves Thôn Hội Hạ on 18/11, before its deadline: no overdue reminder for that step, ever.
    h.setToday('2024-11-18');
    await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId: assessmentOf.get(id.vh2), approvedOn: '2024-11-18' } }, commune);

    expect(await reminders('2024-11-20').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    const overdue = await Promise.all([reminders('2024-11-21').runOnce(), reminders('2024-11-21').runOnce()]);
    expect(overdue.reduce((sum, run) => sum + run.overdue, 0)).toBe(3);
    expect(await reminders('2024-11-21').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders('2024-11-22').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    const overdueEvents = await h.prisma.outboxEvent.findMany({ where: { type: 'assessments.review.overdue.v1' } });
    expect(overdueEvents.map((event) => event.aggregateId).sort()).toEqual([id.vh1, vh3, id.thcs].sort());
    expect(overdueEvents.every((event) => (event.envelope as Data)['data'].daysOverdue === 1 && (event.envelope as Data)['data'].levelUnitId === id.vh)).toBe(true);
    expect(await h.prisma.reviewReminder.count()).toBe(7);
    expect((await reminderEvents()).length).toBe(7);
  });

  it('the queue: a commune sees what waits on it, its district also what waits on the district, most overdue first; another district nothing', async () => {
    h.setToday('2024-11-21');
    const atCommune = (await queue(commune)).data!.reviewQueue;
    const waitingAtCommune = [id.vh1, vh3, id.thcs].map((unitId) => ({ id: assessmentOf.get(unitId)!, deadline: '2024-11-20' })).sort(byKey);
    expect(atCommune).toMatchObject({ totalCount: 3, hasNextPage: false });
    expect(atCommune.entries.map((entry: Data) => entry.assessment.id)).toEqual(waitingAtCommune.map((row) => row.id));
    expect(atCommune.entries.find((entry: Data) => entry.unit.id === id.vh1)).toEqual({
      assessment: { id: assessmentOf.get(id.vh1), status: 'SUBMITTED' },
      unit: { id: id.vh1 },
      unitKind: 'RESIDENTIAL_AREA',
      level: { id: id.vh },
      levelKind: 'COMMUNE',
      levelKindLabel: 'Cấp xã',
      position: 0,
      deadline: '2024-11-20',
      overdue: true,
      daysOverdue: 1,
      daysLeft: 0,
      deadlineLabel: 'Quá hạn 1 ngày',
    });

    const atDistrict = (await queue(district, { first: 500 })).data!.reviewQueue;
    const waitingAtDistrict = [id.vh2, vh4, id.vh].map((unitId) => ({ id: assessmentOf.get(unitId)!, deadline: '2024-11-30' })).sort(byKey);
    expect(atDistrict.totalCount).toBe(6);
    expect(atDistrict.entries.map((entry: Data) => entry.assessment.id)).toEqual([...waitingAtCommune, ...waitingAtDistrict].map((row) => row.id));
    expect(atDistrict.entries.slice(3).map((entry: Data) => [entry.level.id, entry.levelKindLabel, entry.overdue, entry.daysLeft, entry.deadlineLabel])).toEqual([
      [id.vt, 'Cấp huyện', false, 9, 'Còn 9 ngày'],
      [id.vt, 'Cấp huyện', false, 9, 'Còn 9 ngày'],
      [id.vt, 'Cấp huyện', false, 9, 'Còn 9 ngày'],
    ]);
    expect(atDistrict.entries.find((entry: Data) => entry.unit.id === id.vh2).position).toBe(1);

    expect((await queue(otherDistrict)).data!.reviewQueue).toEqual({ totalCount: 0, endCursor: null, hasNextPage: false, entries: [] });
    expect((await queue(otherDistrict, { overdueOnly: true })).data!.reviewQueue.totalCount).toBe(0);
    for (const caller of [province, admin]) expect((await queue(caller)).data!.reviewQueue.totalCount).toBe(6);
    expect((await queue(district, { year: 2025 })).data!.reviewQueue.totalCount).toBe(0);
  });

  it('overdueOnly keeps the steps past their deadline; pages follow the cursor with the same total; bad requests are refused naming the field', async () => {
    const overdueOnly = (await queue(district, { overdueOnly: true })).data!.reviewQueue;
    expect(overdueOnly.totalCount).toBe(3);
    expect(overdueOnly.entries.every((entry: Data) => entry.overdue && entry.level.id === id.vh)).toBe(true);

    const all = (await queue(district)).data!.reviewQueue.entries.map((entry: Data) => entry.assessment.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 1; pageNumber <= 3; pageNumber += 1) {
      const page: Data = (await queue(district, { first: 2, after })).data!.reviewQueue;
      expect(page.totalCount).toBe(6);
      expect(page.entries).toHaveLength(2);
      expect(page.hasNextPage).toBe(pageNumber < 3);
      seen.push(...page.entries.map((entry: Data) => entry.assessment.id));
      after = page.endCursor;
    }
    expect(seen).toEqual(all);
    const past = (await queue(district, { first: 2, after })).data!.reviewQueue;
    expect(past).toMatchObject({ totalCount: 6, entries: [], hasNextPage: false, endCursor: null });

    const tooLarge = await queue(district, { first: 501 });
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE', field: 'first', max: 500 });
    expect((await queue(district, { after: 'bm90LWEtY3Vyc29y' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', field: 'after' });
    expect((await queue(district, { year: 1900 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect((await queue(villageOfficer)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('levelKinds keeps the steps pending at levels of those kinds, in the total too, for a level and a system admin', async () => {
    const atDistrictLevel = (await queue(district, { levelKinds: ['DISTRICT'] })).data!.reviewQueue;
    expect(atDistrictLevel.totalCount).toBe(3);
    expect(atDistrictLevel.entries.map((entry: Data) => entry.unit.id).sort()).toEqual([id.vh2, vh4, id.vh].sort());
    expect(atDistrictLevel.entries.every((entry: Data) => entry.levelKind === 'DISTRICT' && entry.level.id === id.vt)).toBe(true);
    expect((await queue(admin, { levelKinds: ['COMMUNE'] })).data!.reviewQueue.totalCount).toBe(3);
    expect((await queue(district, { levelKinds: ['PROVINCE'] })).data!.reviewQueue.totalCount).toBe(0);
    expect((await queue(district, { levelKinds: ['COMMUNE', 'DISTRICT'] })).data!.reviewQueue.totalCount).toBe(6);
  });

  it('unitKinds keeps the assessments of units of those kinds, with the other filters', async () => {
    const schoolsAndCommunes = (await queue(district, { unitKinds: ['SCHOOL', 'COMMUNE'] })).data!.reviewQueue;
    expect(schoolsAndCommunes.totalCount).toBe(2);
    expect(schoolsAndCommunes.entries.map((entry: Data) => [entry.unit.id, entry.unitKind])).toEqual([
      [id.thcs, 'SCHOOL'],
      [id.vh, 'COMMUNE'],
    ]);
    expect((await queue(admin, { unitKinds: ['SCHOOL'] })).data!.reviewQueue.totalCount).toBe(1);
    const areasAtCommunes = (await queue(district, { unitKinds: ['RESIDENTIAL_AREA'], levelKinds: ['COMMUNE'], overdueOnly: true })).data!.reviewQueue;
    expect(areasAtCommunes.entries.map((entry: Data) => entry.unit.id).sort()).toEqual([id.vh1, vh3].sort());
  });

  it('a filtered list pages by its own cursor; a cursor used with other filters and an unknown level kind are refused naming the field', async () => {
    const first: Data = (await queue(district, { levelKinds: ['DISTRICT'], first: 2 })).data!.reviewQueue;
    const second: Data = (await queue(district, { levelKinds: ['DISTRICT'], first: 2, after: first.endCursor })).data!.reviewQueue;
    expect([first.totalCount, first.hasNextPage, second.totalCount, second.hasNextPage, second.entries.length]).toEqual([3, true, 3, false, 1]);

    expect((await queue(district, { first: 2, after: first.endCursor })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CURSOR_FILTERS_CHANGED',
      field: 'after',
    });
    expect((await queue(district, { levelKinds: ['COMMUNE', 'VILLAGE'] })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_LEVEL_KIND',
      field: 'levelKinds',
    });
  });

  it('a page without totalCount runs no count and has the same entries as with it; the count stays right with filters and after a cursor', async () => {
    const counts = jest.spyOn(ReviewQueueRepository.prototype, 'count');
    const together = jest.spyOn(ReviewQueueRepository.prototype, 'entriesAndCount');
    const walk = async (operation: string, caller: ReturnType<typeof as>, variables: Record<string, unknown>) => {
      const pages: Data[] = [];
      let after: string | null = null;
      do {
        const answer = await h.request<Data>(operation, { year: 2024, first: 2, ...variables, after }, caller);
        expect(answer.errors).toBeUndefined();
        const page: Data = answer.data!.reviewQueue;
        pages.push(page);
        after = page.endCursor as string | null;
      } while (pages.at(-1)!.hasNextPage);
      return pages;
    };
    try {
      const cases: Array<[ReturnType<typeof as>, Record<string, unknown>, number]> = [
        [admin, {}, 6],
        [admin, { levelKinds: ['DISTRICT'] }, 3],
        [admin, { unitKinds: ['RESIDENTIAL_AREA'], overdueOnly: true }, 2],
        [admin, { unitKinds: ['SCHOOL', 'COMMUNE'], levelKinds: ['COMMUNE', 'DISTRICT'] }, 2],
        [province, { levelKinds: ['COMMUNE'] }, 3],
        [district, { unitKinds: ['RESIDENTIAL_AREA'] }, 4],
        [commune, {}, 3],
      ];
      for (const [caller, variables, expected] of cases) {
        const without = await walk(REVIEW_QUEUE_WITHOUT_TOTAL, caller, variables);
        expect(counts).not.toHaveBeenCalled();
        expect(together).not.toHaveBeenCalled();
        const withTotal = await walk(REVIEW_QUEUE, caller, variables);
        // Selected together, the page and its count are read together (one statement for a jurisdiction).
        expect(together).toHaveBeenCalledTimes(withTotal.length);
        // The same pages, entry for entry, with the total on every page: the number of entries the pages hold, whatever the cursor.
        expect(withTotal.map(({ totalCount: _total, ...page }) => page)).toEqual(without);
        const entries = without.flatMap((page) => page.entries);
        expect(withTotal.map((page) => page.totalCount)).toEqual(withTotal.map(() => entries.length));
        expect(entries).toHaveLength(expected);
        expect(new Set(entries.map((entry: Data) => entry.assessment.id)).size).toBe(expected);
        counts.mockClear();
        together.mockClear();
      }
      // Asked alone after the last page, the count still counts every entry of the filters.
      const past = (await queue(admin, { levelKinds: ['DISTRICT'], first: 3, after: (await queue(admin, { levelKinds: ['DISTRICT'], first: 3 })).data!.reviewQueue.endCursor })).data!.reviewQueue;
      expect(past).toMatchObject({ totalCount: 3, entries: [], hasNextPage: false });
    } finally {
      counts.mockRestore();
      together.mockRestore();
    }
  });

  it('reminders: a step that becomes due later gets its own reminder, once', async () => {
    expect(await reminders('2024-11-27').runOnce()).toEqual({ dueSoon: 3, overdue: 0 });
    expect(await reminders('2024-11-27').runOnce()).toEqual({ dueSoon: 0, overdue: 0 });
    const later = (await reminderEvents()).slice(7);
    expect(later.map((data) => [data['unitId'], data['levelUnitId'], data['position'], data['daysLeft']]).sort()).toEqual(
      [
        [id.vh2, id.vt, 1, 3],
        [vh4, id.vt, 1, 3],
        [id.vh, id.vt, 0, 3],
      ].sort(),
    );
  });

  it('after the reform (no district from 01/07/2025) the read rule holds: the dissolved district still reads what waited on it on the submission date', async () => {
    h.setToday('2025-07-02');
    expect((await queue(district)).data!.reviewQueue.totalCount).toBe(6);
    expect((await queue(commune)).data!.reviewQueue.totalCount).toBe(3);
    expect((await queue(otherDistrict)).data!.reviewQueue.totalCount).toBe(0);
    expect((await queue(district, { overdueOnly: true })).data!.reviewQueue.entries.map((entry: Data) => entry.daysOverdue)).toEqual([224, 224, 224, 214, 214, 214]);
  });
});
