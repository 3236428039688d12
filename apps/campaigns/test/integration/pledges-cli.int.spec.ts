import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type PledgeRowInput } from '../../src/domain/pledge';
import { syntheticPledgeRows } from '../../src/pledges/synthetic-people';
import { type CampaignsHarness, PROJECT_ROOT, as, startHarness } from '../support/campaigns-harness';
import { CREATE_CAMPAIGN, LAUNCH_CAMPAIGN } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers

const REPO_ROOT = path.resolve(PROJECT_ROOT, '../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(PROJECT_ROOT, 'src/pledges/cli.ts');
const COLUMNS = ['unit_code', 'signer_kind', 'full_name', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on'];

const csv = (rows: readonly PledgeRowInput[], columns = COLUMNS) =>
  [columns.join(','), ...rows.map((row) => columns.map((column) => row.values[column] ?? '').join(','))].join('\n') + '\n';

/** The import CLI as an operator runs it: a real process on the campaigns database, streaming the file in batches. */
describe('pledges import CLI', () => {
  let h: CampaignsHarness;
  let dir = '';
  const { id, states } = seedTree();
  const provincePolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  let campaignId = '';

  const run = async (file: string, args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [TSX, '--tsconfig', path.join(PROJECT_ROOT, 'tsconfig.json'), CLI, file, '--campaign', campaignId, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: h.database.url },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  };
  const asSchool = ['--subject', 'hieutruong@thpt', '--role', 'UNIT_OFFICER'];

  beforeAll(async () => {
    h = await startHarness('2026-01-05');
    await h.project(states);
    dir = await mkdtemp(path.join(tmpdir(), 'pledges-cli-'));
    const input = { title: 'Kế hoạch 2026', legalBases: [], ownerUnitId: id.tb, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    campaignId = (await h.request<Data>(CREATE_CAMPAIGN, { input }, provincePolice)).data?.createCampaign.id;
    expect((await h.request(LAUNCH_CAMPAIGN, { id: campaignId }, provincePolice)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await h?.close();
  });

  it('streams 2,500 rows in batches (partial), reports the bad rows by line and column, and a re-run imports nothing twice', async () => {
    const rows = syntheticPledgeRows('34000315', 'PUPIL', 2500, { signedOn: '2026-03-01', idBase: 0 });
    rows[1500] = { ...(rows[1500] as PledgeRowInput), values: { ...(rows[1500] as PledgeRowInput).values, birth_year: '19x0' } };
    rows[2400] = { ...(rows[2400] as PledgeRowInput), values: { ...(rows[2400] as PledgeRowInput).values, signer_kind: 'RESIDENT' } };
    const file = path.join(dir, 'pupils.csv');
    await writeFile(file, csv(rows));
    const report = path.join(dir, 'rejected.csv');
    const first = await run(file, [...asSchool, '--unit', id.school, '--partial', '--report', report]);
    expect(first.out).toContain('received 2500, imported 2498, already present 0, rejected 2 (3 batches, 0 refused whole)');
    expect(first.out).toContain('row 1502 [birth_year] PLEDGE_INVALID_BIRTH_YEAR');
    expect(first.out).toContain('row 2402 [signer_kind] PLEDGE_SIGNER_KIND_NOT_ALLOWED');
    expect(first.code).toBe(1);
    expect((await readFile(report, 'utf8')).split('\n')[0]).toBe('row,column,code,reason');
    expect(await h.prisma.pledge.count({ where: { unitId: id.school } })).toBe(2498);
    expect(await h.prisma.outboxEvent.count({ where: { type: 'campaigns.pledge-coverage.changed.v1' } })).toBe(3);

    const again = await run(file, [...asSchool, '--unit', id.school, '--partial']);
    expect(again.out).toContain('received 2500, imported 0, already present 2498, rejected 2');
    expect(await h.prisma.pledge.count()).toBe(2498);
    expect(await h.prisma.outboxEvent.count({ where: { type: 'campaigns.pledge-coverage.changed.v1' } })).toBe(3);
  }, 120_000);

  it('all or nothing per batch: a batch with a bad row writes none of its rows, the others go in', async () => {
    const rows = syntheticPledgeRows('TB-VT-VH-01', 'HOUSEHOLD', 412, { signedOn: '2026-02-01', idBase: 100_000 });
    rows[5] = { ...(rows[5] as PledgeRowInput), values: { ...(rows[5] as PledgeRowInput).values, phone: '123' } };
    const file = path.join(dir, 'households.csv');
    await writeFile(file, csv(rows));
    const result = await run(file, ['--subject', 'ca@vh', '--role', 'LEVEL_OFFICER', '--unit', id.vh, '--batch', '200']);
    expect(result.out).toContain('received 412, imported 212, already present 0, rejected 1 (3 batches, 1 refused whole)');
    expect(result.out).toContain('row 7 [phone] PLEDGE_INVALID_PHONE');
    expect(await h.prisma.pledge.count({ where: { unitId: id.vh1 } })).toBe(212);
  }, 120_000);

  it('a file with wrong columns is refused whole before any row is read', async () => {
    const file = path.join(dir, 'wrong.csv');
    await writeFile(file, 'unit_code,signer_kind,ho_ten,birth_year,citizen_id,phone,household_code,signed_on\n34000315,PUPIL,An,2010,,,,2026-03-01\n');
    const result = await run(file, [...asSchool, '--unit', id.school]);
    expect(result.code).toBe(2);
    expect(result.out).toContain('PLEDGE_CSV_COLUMNS');
    expect(result.out).toContain('missing: full_name; not expected: ho_ten');
  }, 60_000);
});
