/**
 * Times the awards demo season (`loadDemoAwards`) on the demo province: a scratch database (migrated like production, prefix
 * `bench_awd_`, dropped afterwards) whose unit directory holds the pre-2025 Thái Bình tree of the platform's demo generator and
 * whose fact store holds, through the facts consumer's own handlers, the provincial 2024 campaign, a registration of about 98% of
 * the units, classifications aimed at about 7/53/30/10% and safe-standard decisions (about 88% recognised, a few refused or
 * revoked), stable per unit code as in the assessments demo; then the loader through the domain's commands, timed, and its counts.
 *
 * usage: npm run bench:demo-awards   (DATABASE_ADMIN_URL as for the tests)
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { CampaignLaunchedV1, ClassificationDecidedV1, RecognitionDecidedV1, RegistrationSubmittedV1 } from '@antt/contracts';
import { type EventEnvelope, type SqlExecutor } from '@antt/events';
import { type DemoRow, demoRows, demoUnitStates, runScript, withMigratedDatabase } from '@antt/testing';
import { projectUnitStates } from '@antt/unit-directory';
import { DEV_NOMINEE_KEYS } from '../src/config';
import { loadDemoAwards } from '../src/demo/load-demo';
import { factHandlers } from '../src/domain/facts';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const REGISTERING = ['COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'];

const draw = (code: string, salt: string) => createHash('sha256').update(`${salt}:${code}`).digest().readUInt16BE(0) % 1000;

async function main(): Promise<void> {
  const rows = await demoRows('thai-binh');
  const { ids, states } = demoUnitStates(rows);
  const province = rows.find((row) => row.kind === 'PROVINCE' && row.code === 'TB') as DemoRow;
  const registered = rows.filter((row) => REGISTERING.includes(row.kind) && createHash('sha256').update(row.code).digest().readUInt16BE(0) % 1000 >= 20);
  await withMigratedDatabase('bench_awd_', path.resolve(__dirname, '..'), (url) => createPrismaClient(url, 4), async (prisma) => {
    const campaignId = randomUUID();
    const handlers = factHandlers<SqlExecutor>();
    const apply = async (type: string, data: Record<string, unknown>, tx: SqlExecutor) => {
      const handler = handlers[type];
      if (!handler) throw new Error(`no fact handler for ${type}`);
      await handler({ data } as unknown as EventEnvelope, tx);
    };
    let facts = 0;
    await prisma.$transaction(
      async (tx) => {
        await projectUnitStates(tx, states);
        await apply(
          CampaignLaunchedV1.fullType,
          { campaignId, parentCampaignId: null, ownerUnitId: ids.get(province.code), title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' },
          tx,
        );
        for (const row of registered) {
          const unitId = ids.get(row.code) as string;
          await apply(RegistrationSubmittedV1.fullType, { registrationId: randomUUID(), campaignId, unitId, registeredOn: '2024-01-10' }, tx);
          const roll = draw(row.code, 'classification');
          const classification = roll < 70 ? 'EXCELLENT' : roll < 600 ? 'GOOD' : roll < 900 ? 'AVERAGE' : 'WEAK';
          await apply(ClassificationDecidedV1.fullType, { unitId, year: 2024, classification, decidedOn: '2024-11-27', revision: 1 }, tx);
          const recognition = draw(row.code, 'recognition');
          if (recognition >= 60) {
            const status = recognition < 120 ? 'NOT_RECOGNISED' : recognition < 130 ? 'REVOKED' : 'RECOGNISED';
            await apply(
              RecognitionDecidedV1.fullType,
              { unitId, year: 2024, status, recognisedOn: status === 'NOT_RECOGNISED' ? null : '2024-12-10', revokedOn: status === 'REVOKED' ? '2024-12-20' : null, revision: status === 'REVOKED' ? 2 : 1 },
              tx,
            );
          }
          facts += 1;
        }
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    await prisma.$executeRawUnsafe('ANALYZE');
    const started = performance.now();
    const outcome = await loadDemoAwards(prisma, {
      dates: { earliest: '2000-01-01', latest: '2100-12-31' },
      nomineeKeys: DEV_NOMINEE_KEYS,
      expected: { campaigns: 1, registrations: registered.length, classificationRevisions: 0, recognitionRevisions: 0 },
      factsTimeoutMs: 10_000,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    const outbox = await prisma.outboxEvent.count();
    process.stdout.write(`demo season: ${rows.length} units, ${facts} with facts: ${seconds.toFixed(1)} s, ${outbox} events in the outbox\n${JSON.stringify(outcome)}\n`);
  });
}

runScript(main);
