/**
 * Times the assessments demo year (`loadDemoAssessments`) on the demo province: a scratch database (migrated like production,
 * prefix `bench_asd_`, dropped afterwards) whose unit directory holds the pre-2025 Thái Bình tree of the platform's demo
 * generator and whose facts hold a registration for every unit campaigns' demo registers (about 98%, stable per unit code),
 * projected as the facts consumer would, and models' effective-model fact for an assumed ~90% of communes, agencies, departments and enterprises; then the loader through the domain's commands, timed, and its counts.
 *
 * usage: npm run bench:demo-assessments [-- --concurrency 6]   (DATABASE_ADMIN_URL as for the tests)
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoRows, demoUnitStates, runScript, withMigratedDatabase } from '@antt/testing';
import { projectUnitStates } from '@antt/unit-directory';
import { loadDemoAssessments } from '../src/demo/load-demo';
import { projectEffectiveModelFacts, projectRegistrations } from '../src/domain/facts';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const REGISTERING = ['COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '6' } } });
  const concurrency = Number(values.concurrency);
  const rows = await demoRows('thai-binh', 'bench-demo-year-');
  const { ids, states } = demoUnitStates(rows);
  // campaigns' demo leaves a stable ~2% of units unregistered (sha256 of the code); the same rule here.
  const registered = rows.filter((row) => REGISTERING.includes(row.kind) && createHash('sha256').update(row.code).digest().readUInt16BE(0) % 1000 >= 20);
  await withMigratedDatabase('bench_asd_', path.resolve(__dirname, '..'), (url) => createPrismaClient(url, concurrency + 2), async (prisma) => {
    const campaignId = randomUUID();
    await prisma.$transaction(
      async (tx) => {
        await projectUnitStates(tx, states);
        await projectRegistrations(
          tx,
          registered.map((row) => ({
            registrationId: randomUUID(),
            campaignId,
            unitId: ids.get(row.code) as string,
            unitKind: row.kind as 'COMMUNE',
            forSafeStandard: true,
            forClassification: true,
            registeredOn: '2024-01-10',
            late: false,
            submittedByUnitId: ids.get(row.code) as string,
          })),
        );
        // models' effective-model fact (no models service here): an assumed ~90% of communes, agencies, departments and
        // enterprises with an effective model in their 2024 window, stable per code; the rest are refused ACHIEVED on
        // EFFECTIVE_MODEL (C_2, A_5, D_5, E_5) by the domain.
        await projectEffectiveModelFacts(
          tx,
          rows
            .filter((row) => ['COMMUNE', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE'].includes(row.kind))
            .map((row) => {
              const has = createHash('sha256').update(`effective-model:${row.code}`).digest().readUInt16BE(0) % 1000 >= 100;
              return { unitId: ids.get(row.code) as string, year: 2024, windowStart: '2023-11-16', windowEnd: '2024-11-15', hasEffectiveModel: has, effectiveModelIds: has ? [randomUUID()] : [], revision: 1, derivedOn: '2024-11-16' };
            }),
        );
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    await prisma.$executeRawUnsafe('ANALYZE');
    const started = performance.now();
    const outcome = await loadDemoAssessments(prisma, {
      dates: { earliest: '2000-01-01', latest: '2100-12-31' },
      expectedRegistrations: registered.length,
      registrationsTimeoutMs: 10_000,
      concurrency,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    const outbox = await prisma.outboxEvent.count();
    process.stdout.write(`demo year: ${rows.length} units, ${registered.length} registered, concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${outbox} events in the outbox\n${JSON.stringify(outcome)}\n`);
  });
}

runScript(main);
