/**
 * Benchmark of the derived commune rule (R7) for a whole province: a scratch database (migrated like production) holding a
 * province of 260 communes managing 5,000 units (12–13 residential areas and 6–7 local units each, a few out of scope), every unit
 * registered and about 75% recognised; then `DerivedRuleService.evaluate` for every commune at once, timed. Target < 2 s.
 * `--national` evaluates the country's size instead (10,000 communes managing 192,000 units, in 700 districts, one directory):
 * the issue asks for that figure and how it grows; `--communes N --units M` any other size.
 *
 * usage: npm run bench:assessments [-- --runs 10] [-- --national | --communes 10000 --units 192000]   (DATABASE_ADMIN_URL as for the tests)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureUnit, runScript, withMigratedDatabase } from '@antt/testing';
import { projectUnitStates, type UnitState } from '@antt/unit-directory';
import { DerivedRuleService } from '../src/domain/derived';
import { projectRegistrations } from '../src/domain/facts';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    national: { type: 'boolean', default: false },
    communes: { type: 'string' },
    units: { type: 'string' },
  },
});
const COMMUNES = Number(values.communes ?? (values.national ? 10_000 : 260));
const UNITS = Number(values.units ?? (values.national ? 192_000 : 5000));
const RUNS = Number(values.runs);
/** Districts of the synthetic province: 8 for a province, about 14 communes each beyond. */
const DISTRICTS = Math.max(8, Math.round(COMMUNES / 14));
for (const [name, value] of [['--communes', COMMUNES], ['--units', UNITS], ['--runs', RUNS]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: a positive whole number expected`);
}

async function main(): Promise<void> {
  await withMigratedDatabase('bench_as_', path.resolve(__dirname, '..'), (url) => createPrismaClient(url, 4), async (prisma) => {
    const province = randomUUID();
    const unit = (unitId: string, code: string, kind: string, parentId: string | null, attributes = {}) => fixtureUnit(unitId, code, kind, code, parentId, attributes);
    const states: UnitState[] = [unit(province, 'TB', 'PROVINCE', null)];
    const communes: string[] = [];
    const managed: string[] = [];
    for (let d = 0; d < DISTRICTS; d += 1) {
      const district = randomUUID();
      states.push(unit(district, `TB-D${d}`, 'DISTRICT', province));
      for (let c = d; c < COMMUNES; c += DISTRICTS) {
        const commune = randomUUID();
        communes.push(commune);
        states.push(unit(commune, `TB-C${c}`, 'COMMUNE', district));
      }
    }
    for (let u = 0; u < UNITS; u += 1) {
      const unitId = randomUUID();
      const commune = communes[u % COMMUNES] ?? province;
      const slot = Math.floor(u / COMMUNES);
      const kind = slot < 13 ? 'RESIDENTIAL_AREA' : (['AGENCY', 'ENTERPRISE', 'SCHOOL'][slot % 3] ?? 'AGENCY');
      const attributes = kind === 'ENTERPRISE' ? { enterpriseSize: u % 7 === 0 ? 'SMALL' : 'MEDIUM' } : kind === 'SCHOOL' ? { schoolLevel: u % 5 === 0 ? 'PRIMARY' : 'LOWER_SECONDARY' } : {};
      states.push(unit(unitId, `TB-U${u}`, kind, commune, attributes));
      managed.push(unitId);
    }
    const campaignId = randomUUID();
    await prisma.$transaction(
      async (tx) => {
        await projectUnitStates(tx, states);
        await projectRegistrations(
          tx,
          managed.map((unitId) => ({ registrationId: randomUUID(), campaignId, unitId, unitKind: 'RESIDENTIAL_AREA' as const, forSafeStandard: true, forClassification: true, registeredOn: '2024-01-10', late: false, submittedByUnitId: unitId })),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO safe_standard_recognition (id, unit_id, unit_kind, year, status, deciding_unit_id, decided_on, recognised_on, revision, decided_by)
           SELECT gen_random_uuid(), u, 'RESIDENTIAL_AREA', 2024, CASE WHEN i % 4 = 0 THEN 'NOT_RECOGNISED' ELSE 'RECOGNISED' END, $2::uuid, '2024-12-05',
                  CASE WHEN i % 4 = 0 THEN NULL ELSE '2024-12-05'::date END, 1, 'bench'
           FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, i)`,
          managed,
          province,
        );
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    await prisma.$executeRawUnsafe('ANALYZE');
    const service = new DerivedRuleService(prisma, { today: () => '2024-12-20', now: () => new Date() });
    const timings: number[] = [];
    let passing = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const rules = await service.evaluate(communes, 2024);
      timings.push(performance.now() - started);
      passing = rules.filter((rule) => rule.passes).length;
    }
    timings.sort((a, b) => a - b);
    const at = (q: number) => (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(1);
    process.stdout.write(
      `R7 for ${COMMUNES} communes managing ${UNITS} units, ${RUNS} runs: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target < 2000 ms); ${passing} communes pass\n`,
    );
  });
}

runScript(main);
