/**
 * Benchmark of the review queue and the reminder scheduler: a scratch database (migrated like production) holding
 * `--provinces` provinces (default 1) of 8 districts, 260 communes and 3,300 residential areas each, every area's 2024
 * self-assessment under review (inserted in SQL: a third waiting at its commune, a third at its district, a third at the
 * province, submitted over 30 days of November). Times, on 21/11/2024, the first page (50) and the tenth page of
 * `reviewQueue` for a commune, a district, a province officer and a system admin, with and without `overdueOnly`: the page
 * without `totalCount` (its rows only), with it (rows and count side by side, as GraphQL resolves them) and the count alone;
 * then one scheduler run (every commune step overdue, every district step due soon). `--explain` prints the plans.
 *
 * usage: npm run bench:review-queue [-- --provinces 10] [-- --runs 5] [-- --explain]   (DATABASE_ADMIN_URL as for the tests)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fixedClock } from '@antt/service-kit';
import { fixtureUnit, runScript, withMigratedDatabase } from '@antt/testing';
import { projectUnitStates, type UnitState } from '@antt/unit-directory';
import { ReviewQueueRepository, ReviewQueueService } from '../src/domain/review-queue';
import { ReviewReminderRepository, ReviewReminderScheduler } from '../src/domain/review-reminder';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const PROVINCES = argument('--provinces', 1);
const RUNS = argument('--runs', 5);
const COMMUNES = 260;
const AREAS = 3300;

async function main(): Promise<void> {
  await withMigratedDatabase('bench_rq_', path.resolve(__dirname, '..'), (url) => createPrismaClient(url, 4), async (prisma) => {
    const unit = (unitId: string, code: string, kind: string, parentId: string | null) => fixtureUnit(unitId, code, kind, code, parentId);
    const chains: Array<[string, string, string, string]> = [];
    let sample = { province: '', district: '', commune: '' };
    for (let p = 0; p < PROVINCES; p += 1) {
      const province = randomUUID();
      const states: UnitState[] = [unit(province, `P${p}`, 'PROVINCE', null)];
      const communes: Array<[string, string]> = [];
      for (let d = 0; d < 8; d += 1) {
        const district = randomUUID();
        states.push(unit(district, `P${p}-D${d}`, 'DISTRICT', province));
        for (let c = d; c < COMMUNES; c += 8) {
          const commune = randomUUID();
          communes.push([commune, district]);
          states.push(unit(commune, `P${p}-C${c}`, 'COMMUNE', district));
        }
      }
      for (let a = 0; a < AREAS; a += 1) {
        const area = randomUUID();
        const [commune, district] = communes[a % COMMUNES] as [string, string];
        states.push(unit(area, `P${p}-A${a}`, 'RESIDENTIAL_AREA', commune));
        chains.push([area, commune, district, province]);
      }
      if (p === 0) sample = { province, district: communes[0]?.[1] ?? '', commune: communes[0]?.[0] ?? '' };
      await prisma.$transaction((tx) => projectUnitStates(tx, states), { timeout: 600_000, maxWait: 10_000 });
    }
    await prisma.$executeRawUnsafe(
      `WITH rs AS (SELECT id FROM rule_set WHERE code = 'TB-2024-RESIDENTIAL_AREA'),
       rows AS (
         SELECT gen_random_uuid() AS id, c.area::uuid AS area, c.commune::uuid AS commune, c.district::uuid AS district, c.province::uuid AS province, (c.i % 3)::int AS step,
                ('2024-11-01'::date + (c.i % 30)::int) AS submitted_on
         FROM jsonb_to_recordset($1::jsonb) AS c(area text, commune text, district text, province text, i int)
       ),
       a AS (
         INSERT INTO assessment (id, unit_id, unit_kind, year, rule_set_id, status, reviewing_unit_id, submitted_on, revision, current_step)
         SELECT r.id, r.area, 'RESIDENTIAL_AREA', 2024, (SELECT id FROM rs), 'SUBMITTED', CASE r.step WHEN 0 THEN r.commune WHEN 1 THEN r.district ELSE r.province END,
                r.submitted_on, 1, r.step
         FROM rows r RETURNING id
       )
       INSERT INTO assessment_review_step (assessment_id, position, level_unit_id, status, deadline)
       SELECT r.id, s.position, s.level, CASE WHEN s.position < r.step THEN 'APPROVED' ELSE 'PENDING' END, s.deadline
       FROM rows r CROSS JOIN LATERAL (VALUES (0, r.commune, '2024-11-20'::date), (1, r.district, '2024-11-30'::date), (2, r.province, '2024-12-15'::date)) AS s(position, level, deadline)`,
      JSON.stringify(chains.map(([area, commune, district, province], i) => ({ area, commune, district, province, i }))),
    );
    await prisma.$executeRawUnsafe('ANALYZE');
    const today = '2024-11-21';
    const service = new ReviewQueueService(new ReviewQueueRepository(prisma), fixedClock(today), { earliest: '2000-01-01', latest: '2100-12-31' });
    const officer = (unitId: string, role: 'LEVEL_OFFICER' | 'SYSTEM_ADMIN' = 'LEVEL_OFFICER') => ({ subject: 'bench', roles: [role], jurisdictionUnitId: unitId });
    const callers = { commune: officer(sample.commune), district: officer(sample.district), province: officer(sample.province), admin: officer(sample.province, 'SYSTEM_ADMIN') };
    const lines: string[] = [];
    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    for (const [name, caller] of Object.entries(callers)) {
      for (const overdueOnly of [false, true]) {
        const args = { year: 2024, overdueOnly, first: 50 };
        const rowsOnly: number[] = [];
        const withCount: number[] = [];
        const countOnly: number[] = [];
        let total = 0;
        let tenth = 0;
        for (let run = 0; run < RUNS; run += 1) {
          // A page without totalCount: its rows only (no count runs).
          let started = performance.now();
          let rows = await service.page(caller, args).rows();
          rowsOnly.push(performance.now() - started);
          // The same page with totalCount: rows and count resolved side by side, as GraphQL resolves sibling fields.
          started = performance.now();
          const both = service.page(caller, args);
          [, total] = await Promise.all([both.rows(), both.totalCount()]);
          withCount.push(performance.now() - started);
          started = performance.now();
          await service.page(caller, args).totalCount();
          countOnly.push(performance.now() - started);
          for (let page = 2; page <= 10 && rows.endCursor; page += 1) {
            const pageStarted = performance.now();
            rows = await service.page(caller, { ...args, after: rows.endCursor }).rows();
            if (page === 10) tenth = performance.now() - pageStarted;
          }
        }
        lines.push(
          `${name.padEnd(8)} overdueOnly=${String(overdueOnly).padEnd(5)} total ${String(total).padStart(6)}: first page p50 ${ms(p50(rowsOnly))} ` +
            `(with totalCount ${ms(p50(withCount))}, the count alone ${ms(p50(countOnly))}), 10th page ${tenth > 0 ? ms(tenth) : '(fewer pages)'}`,
        );
      }
    }
    if (process.argv.includes('--explain')) {
      const sql = await import('../src/domain/review-queue/review-queue.sql');
      const explain = async (title: string, statement: string, ...params: unknown[]) => {
        const plan = await prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ANALYZE ${statement}`, ...params);
        process.stdout.write(`--- ${title}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}\n`);
      };
      const kinds = ['COMMUNE', 'DISTRICT', 'PROVINCE'];
      const tenthPage = await (async () => {
        let rows = await service.page(callers.admin, { year: 2024, first: 50 }).rows();
        for (let page = 2; page < 10 && rows.endCursor; page += 1) rows = await service.page(callers.admin, { year: 2024, first: 50, after: rows.endCursor }).rows();
        const last = rows.entries.at(-1);
        return last ? [last.deadline, last.assessment.id] : [null, null];
      })();
      await explain('admin, first page', sql.REVIEW_QUEUE_PAGE_ALL, 2024, today, false, null, null, null, null, 51);
      await explain('admin, 10th page', sql.REVIEW_QUEUE_PAGE_ALL, 2024, today, false, null, null, ...tenthPage, 51);
      await explain('admin, first page, overdueOnly', sql.REVIEW_QUEUE_PAGE_ALL, 2024, today, true, null, null, null, null, 51);
      await explain('admin, first page, levelKinds PROVINCE', sql.REVIEW_QUEUE_PAGE_ALL, 2024, today, false, ['PROVINCE'], null, null, null, 51);
      await explain('admin, count', sql.REVIEW_QUEUE_COUNT_ALL, 2024, today, false, null, null);
      for (const [name, unitId] of [['commune', sample.commune], ['province', sample.province]] as const) {
        await explain(`${name}, first page`, sql.REVIEW_QUEUE_PAGE_SCOPED, 2024, today, false, null, null, null, null, 51, unitId, kinds);
        await explain(`${name}, count`, sql.REVIEW_QUEUE_COUNT_SCOPED, 2024, today, false, null, null, unitId, kinds);
      }
    }
    const started = performance.now();
    const run = await new ReviewReminderScheduler(new ReviewReminderRepository(prisma), fixedClock(today), 9).runOnce();
    const schedulerMs = performance.now() - started;
    const againStarted = performance.now();
    const again = await new ReviewReminderScheduler(new ReviewReminderRepository(prisma), fixedClock(today), 9).runOnce();
    process.stdout.write(
      `${PROVINCES} province(s), ${chains.length} assessments under review on ${today}, ${RUNS} runs:\n${lines.join('\n')}\n` +
        `scheduler: ${run.overdue} overdue + ${run.dueSoon} due soon sent in ${schedulerMs.toFixed(0)} ms; a second run sent ${again.overdue + again.dueSoon} in ${(performance.now() - againStarted).toFixed(0)} ms\n`,
    );
  });
}

runScript(main);
