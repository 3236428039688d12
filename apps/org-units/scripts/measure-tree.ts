import { type Identity } from '@antt/auth';
import { createOrgUnitsDatabase, importUnits } from '../src';
import { loadImportConfig } from '../src/import/config';
import { createOrgUnitsDomain } from '../src/domain/org-units.module';
import { systemClock } from '../src/domain/shared/clock';
import { DEFAULT_DATE_RANGE } from '../src/config';
import { nationalTree } from './national-tree';

/** Imports a national-size tree into DATABASE_URL (an empty, migrated database) and times "descendants of a province". */
async function main() {
  const database = createOrgUnitsDatabase(loadImportConfig().DATABASE_URL, 4);
  const { prisma } = database;
  const rows = nationalTree();
  const started = performance.now();
  const result = await importUnits(prisma, rows, { effectiveFrom: '2024-01-01' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`imported ${result.imported} units (${result.rejected.length} rejected) in ${seconds.toFixed(1)} s: ${Math.round(result.imported / seconds)} units/s`);
  await prisma.$executeRawUnsafe('ANALYZE');
  const domain = createOrgUnitsDomain(database, systemClock('Asia/Ho_Chi_Minh'), DEFAULT_DATE_RANGE);
  const admin: Identity = { subject: 'bench', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: '00000000-0000-4000-8000-000000000000' };
  const province = await domain.forRequest().unitQueries.unitByCode(admin, 'P7', '2024-06-01');
  if (!province) throw new Error('province P7 missing');
  const timings: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const page = await domain.forRequest().unitQueries.descendants(admin, province, { asOf: '2024-06-01' }, { first: 50, afterCode: null });
    timings.push(performance.now() - t);
    const [{ nodes }, totalCount] = await Promise.all([page.rows(), page.totalCount()]);
    if (totalCount !== 1705 || nodes.length !== 50) throw new Error(`unexpected page: ${nodes.length} of ${totalCount}`);
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.floor((timings.length - 1) * p)]?.toFixed(1);
  console.log(`descendants of a province (1,705 units) in the ${result.imported}-unit tree, first 50 + totalCount: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms (domain call, no HTTP)`);
  await prisma.$disconnect();
}

void main();
