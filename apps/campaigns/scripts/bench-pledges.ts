/**
 * Pledge import rate through the bulk path (not a timed test): 500,000 pledges (250 residential areas × 1,000 households
 * and 1,000 residents, about 90% with a citizen ID to hash and encrypt) sent as batches of 1,000 rows to
 * `PledgeService.importBatch`, one transaction each (canonicalisation, unit checks on the directory, HMAC, AES-GCM,
 * one multi-row INSERT … ON CONFLICT, one coverage event per unit into the outbox). Then the same batches again: the
 * idempotent re-run. Prints rows/s for both (import time only, the synthetic rows are made before each batch's clock starts).
 *
 * usage: DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres KAFKA_BROKERS=127.0.0.1:9092 ANTT_TEST_INFRA=local \
 *   npx tsx --tsconfig apps/campaigns/tsconfig.json apps/campaigns/scripts/bench-pledges.ts [--units 250] [--per-unit 2000] [--rerun-units 25]
 * Runs on a scratch database (prefix `bpl_`, dropped afterwards), never on the platform's.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Identity } from '@antt/auth';
import { createMigratedTestDatabase } from '@antt/testing';
import { projectUnitState, type UnitState } from '@antt/unit-directory';
import { DEV_PLEDGE_KEYS } from '../src/config';
import { createCampaignsDomain } from '../src/domain/campaigns.module';
import { MAX_PLEDGE_BATCH, type PledgeRowInput } from '../src/domain/pledge';
import { createBulkSql } from '../src/infrastructure/bulk-sql';
import { createPrismaClient } from '../src/infrastructure/prisma-client';
import { syntheticPledgeRows } from '../src/pledges/synthetic-people';

const log = (line: string) => process.stdout.write(`[bench-pledges] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { units: { type: 'string', default: '250' }, 'per-unit': { type: 'string', default: '2000' }, 'rerun-units': { type: 'string', default: '25' } } });
  const unitCount = Number(values.units);
  const perUnit = Number(values['per-unit']);
  const database = await createMigratedTestDatabase('bpl_', path.resolve(__dirname, '..'));
  const prisma = createPrismaClient(database.url, 4);
  const bulk = createBulkSql(database.url, 1);
  try {
    const province = randomUUID();
    const commune = randomUUID();
    const areas = Array.from({ length: unitCount }, (_, index) => ({ id: randomUUID(), code: `TB-BENCH-${String(index).padStart(4, '0')}` }));
    const state = (unitId: string, code: string, kind: string, parentId: string | null, households: number | null): UnitState => ({
      unitId,
      code,
      kind,
      revision: 1,
      dissolvedOn: null,
      timeline: [{ validFrom: '2019-01-01', validTo: null, name: code, parentId, managingUnitId: null, attributes: { residentHouseholds: households, staffCount: null } }],
    });
    await prisma.$transaction(async (tx) => {
      await projectUnitState(tx, state(province, 'TB', 'PROVINCE', null, null));
      await projectUnitState(tx, state(commune, 'TB-BENCH', 'COMMUNE', province, null));
      for (const area of areas) await projectUnitState(tx, state(area.id, area.code, 'RESIDENTIAL_AREA', commune, perUnit / 2));
    }, { timeout: 120_000 });
    let today = '2024-01-05';
    const domain = createCampaignsDomain(prisma, { today: () => today, now: () => new Date() }, { earliest: '2000-01-01', latest: '2100-12-31' }, 7, DEV_PLEDGE_KEYS, bulk).forRequest();
    const police: Identity = { subject: 'bench@pv05', roles: ['STEERING_OFFICER'], jurisdictionUnitId: province };
    const context = { caller: police, correlationId: 'bench-pledges' };
    const campaign = await domain.campaigns.createCampaign(context, { title: 'Bench 2024', legalBases: [], ownerUnitId: province, periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    await domain.campaigns.launchCampaign(context, campaign.id, null);
    today = '2024-06-01';

    const rowsOf = (ordinal: number): PledgeRowInput[] => {
      const area = areas[ordinal] as { code: string };
      const half = perUnit / 2;
      return [
        ...syntheticPledgeRows(area.code, 'HOUSEHOLD', half, { signedOn: '2024-03-15', idBase: ordinal * 10_000 }),
        ...syntheticPledgeRows(area.code, 'RESIDENT', half, { signedOn: '2024-03-15', idBase: ordinal * 10_000 + 5_000, firstRow: 2 + half }),
      ];
    };
    const run = async (label: string, ordinals: readonly number[]) => {
      let seconds = 0;
      let rows = 0;
      const totals = { imported: 0, alreadyPresent: 0, rejected: 0 };
      for (const ordinal of ordinals) {
        const unitRows = rowsOf(ordinal);
        for (let start = 0; start < unitRows.length; start += MAX_PLEDGE_BATCH) {
          const batch = unitRows.slice(start, start + MAX_PLEDGE_BATCH);
          const began = performance.now();
          const report = await domain.pledges.importBatch(context, { campaignId: campaign.id, columns: null, rows: batch, partial: true });
          seconds += (performance.now() - began) / 1000;
          rows += batch.length;
          totals.imported += report.imported;
          totals.alreadyPresent += report.alreadyPresent;
          totals.rejected += report.rejected;
        }
        if ((ordinal + 1) % 50 === 0) log(`${label}: ${rows} rows, ${Math.round(rows / seconds)} rows/s so far`);
      }
      log(`${label}: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s (imported ${totals.imported}, already present ${totals.alreadyPresent}, rejected ${totals.rejected})`);
      return { rows, seconds, ...totals };
    };
    const wall = performance.now();
    const first = await run('import', areas.map((_, index) => index));
    log(`import wall time including row generation: ${((performance.now() - wall) / 1000).toFixed(1)} s`);
    const stored = await prisma.pledge.count();
    const events = await prisma.outboxEvent.count({ where: { type: 'campaigns.pledge-coverage.changed.v1' } });
    log(`stored ${stored} pledges, ${events} coverage events (one per unit per batch)`);
    const rerun = await run('re-run (idempotent)', areas.slice(0, Number(values['rerun-units'])).map((_, index) => index));
    if (first.imported !== unitCount * perUnit || stored !== first.imported || rerun.imported !== 0) throw new Error('unexpected counts: see above');
  } finally {
    await prisma.$disconnect();
    await bulk.end();
    await database.drop();
    log('scratch database dropped');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
