import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, type TestDatabase } from '@antt/testing';
import { lineageOf, projectUnitState, projectUnitStates, UnitDirectory, type UnitState } from '@antt/unit-directory';
import { createPrismaClient, type CampaignsPrisma } from '../../src/infrastructure/prisma-client';

/**
 * Lineage in the unit directory (the kit, on the campaigns database): hops read from the `change` of org-units' merged,
 * split and reorganised events, idempotent under redelivery and revisions, set-based in batches, and the questions it answers.
 */
describe('unit directory lineage', () => {
  let database: TestDatabase;
  let prisma: CampaignsPrisma;
  let directory: UnitDirectory;
  const id = {
    tb: randomUUID(), // Thái Bình, merged WHOLE into Hưng Yên on 2025-07-01
    hy: randomUUID(),
    tbCommune: randomUUID(),
    hyCommune: randomUUID(),
    split: randomUUID(), // a commune split on 2026-01-01 into partA and partB
    partA: randomUUID(),
    partB: randomUUID(),
    donor: randomUUID(), // a commune that survives a reorganisation, giving part to hyCommune
    absorbed: randomUUID(), // a commune the plan merges whole into hyCommune
  };
  const period = (validFrom: string, validTo: string | null, name: string, parentId: string | null) => ({ validFrom, validTo, name, parentId, managingUnitId: null });
  const unit = (unitId: string, kind: string, code: string, revision: number, timeline: UnitState['timeline'], extra: Partial<UnitState> = {}): UnitState => ({
    unitId,
    kind,
    code,
    revision,
    dissolvedOn: null,
    timeline,
    ...extra,
  });
  const merged = unit(id.tb, 'PROVINCE', 'TB', 2, [period('2000-01-01', '2025-07-01', 'Tỉnh Thái Bình', null)], {
    dissolvedOn: '2025-07-01',
    effectiveDate: '2025-07-01',
    change: { intoUnitId: id.hy },
  });
  const plan = (unitId: string, changes: string[], successorIds: string[], dissolvedOn: string | null) => ({
    dissolvedOn,
    effectiveDate: '2025-07-01',
    change: { planId: randomUUID(), planName: 'Sắp xếp 2025', legalBasis: 'NQ 1666', changes, successorIds },
  });

  beforeAll(async () => {
    database = await createMigratedTestDatabase('cp_lin_', path.resolve(__dirname, '../..'));
    prisma = createPrismaClient(database.url, 2);
    directory = new UnitDirectory(prisma);
    await prisma.$transaction((tx) =>
      projectUnitStates(tx, [
        unit(id.hy, 'PROVINCE', 'HY', 1, [period('2000-01-01', null, 'Tỉnh Hưng Yên', null)]),
        unit(id.tbCommune, 'COMMUNE', 'TB-C1', 2, [period('2000-01-01', '2025-07-01', 'Xã Vũ Hội', id.tb), period('2025-07-01', null, 'Xã Vũ Hội', id.hy)]),
        unit(id.hyCommune, 'COMMUNE', 'HY-C1', 1, [period('2000-01-01', null, 'Xã Tân Hưng', id.hy)]),
        unit(id.tb, 'PROVINCE', 'TB', 1, [period('2000-01-01', null, 'Tỉnh Thái Bình', null)]),
      ]),
    );
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('reads hops from the events’ change: merged WHOLE, split PARTIAL in order, reorganised inferred', () => {
    expect(lineageOf(merged)).toEqual([{ fromUnitId: id.tb, toUnitId: id.hy, effectiveDate: '2025-07-01', share: 'WHOLE', event: 'MERGE', ordinal: 0, revision: 2 }]);
    const split = unit(id.split, 'COMMUNE', 'S', 3, [period('2000-01-01', '2026-01-01', 'Xã S', id.hy)], {
      dissolvedOn: '2026-01-01',
      effectiveDate: '2026-01-01',
      change: { intoUnitIds: [id.partA, id.partB] },
    });
    expect(lineageOf(split).map((hop) => [hop.toUnitId, hop.share, hop.event, hop.ordinal])).toEqual([
      [id.partA, 'PARTIAL', 'SPLIT', 0],
      [id.partB, 'PARTIAL', 'SPLIT', 1],
    ]);
    const partlyThenWhole = unit(id.absorbed, 'COMMUNE', 'A', 2, [period('2000-01-01', '2025-07-01', 'Xã A', id.hy)], plan(id.absorbed, ['transferred', 'merged'], [id.donor, id.hyCommune], '2025-07-01'));
    expect(lineageOf(partlyThenWhole).map((hop) => [hop.toUnitId, hop.share, hop.event])).toEqual([
      [id.donor, 'PARTIAL', 'TRANSFER'],
      [id.hyCommune, 'WHOLE', 'MERGE'],
    ]);
    const survivor = unit(id.donor, 'COMMUNE', 'D', 2, [period('2000-01-01', null, 'Xã D', id.hy)], plan(id.donor, ['transferred'], [id.hyCommune], null));
    expect(lineageOf(survivor).map((hop) => [hop.toUnitId, hop.share, hop.event])).toEqual([[id.hyCommune, 'PARTIAL', 'TRANSFER']]);
    const reclassified = unit(id.donor, 'DISTRICT', 'D', 2, [period('2000-01-01', '2025-07-01', 'Huyện D', id.hy)], plan(id.donor, ['reclassified'], [id.partA], '2025-07-01'));
    expect(lineageOf(reclassified).map((hop) => [hop.share, hop.event])).toEqual([['WHOLE', 'RECLASSIFY']]);
    const target = unit(id.hyCommune, 'COMMUNE', 'HY-C1', 2, [period('2000-01-01', null, 'Xã Tân Hưng', id.hy)], plan(id.hyCommune, ['merged', 'rehomed'], [], null));
    expect(lineageOf(target)).toEqual([]);
    expect(lineageOf(unit(id.hy, 'PROVINCE', 'HY', 1, [period('2000-01-01', null, 'Tỉnh Hưng Yên', null)]))).toEqual([]);
  });

  it('records a merge once however often it comes, even from an event older than the state held, and answers lineage by date', async () => {
    expect(await prisma.$transaction((tx) => projectUnitState(tx, merged))).toBe('applied');
    expect(await prisma.$transaction((tx) => projectUnitState(tx, merged))).toBe('stale');
    await prisma.$transaction((tx) => projectUnitStates(tx, [merged, merged]));
    expect(await prisma.directoryUnitLineage.count({ where: { fromUnitId: id.tb } })).toBe(1);

    expect(await directory.successorsOf(id.tb, '2025-08-01')).toEqual([{ unitId: id.hy, share: 'WHOLE', generations: 1, effectiveDate: '2025-07-01' }]);
    expect(await directory.successorsOf(id.tb, '2025-06-30')).toEqual([]);
    expect(await directory.absorbedInto(id.hy, '2024-06-01')).toEqual([{ unitId: id.tb, share: 'WHOLE', generations: 1, effectiveDate: '2025-07-01' }]);
    expect(await directory.absorbedInto(id.hy, '2025-07-01')).toEqual([]);
    expect(await directory.readRootsOf(id.hy, '2024-06-01')).toEqual([id.hy, id.tb]);
    expect(await directory.mergedInto(id.hy, '2025-08-01')).toEqual([{ unitId: id.tb, share: 'WHOLE', generations: 1, effectiveDate: '2025-07-01' }]);
    expect(await directory.mergedInto(id.hy, '2025-06-30')).toEqual([]);
  });

  it('lets reads inherit the past of a unit merged WHOLE, never the present, and leaves isWithin (writes) unchanged', async () => {
    expect(await directory.isWithinForRead(id.tbCommune, id.hy, '2024-06-01')).toBe(true);
    expect(await directory.isWithinForRead(id.tb, id.hy, '2024-06-01')).toBe(true);
    expect(await directory.readJurisdiction().isWithin(id.tbCommune, id.hy, '2024-06-01')).toBe(true);
    expect(await directory.isWithin(id.tbCommune, id.hy, '2024-06-01')).toBe(false);
    expect(await directory.isWithinForRead(id.hyCommune, id.tb, '2024-06-01')).toBe(false);
    expect(await directory.isWithinForRead(id.tbCommune, id.hy, '2025-08-01')).toBe(true);
    expect(await directory.isWithinForRead(id.hyCommune, id.hy, '2024-06-01')).toBe(true);
  });

  it('finds the unit that carries another: itself while it exists, its WHOLE successor from the merge date', async () => {
    expect((await directory.carrierOf(id.tb, '2025-06-30'))?.unitId).toBe(id.tb);
    expect((await directory.carrierOf(id.tb, '2025-07-01'))?.unitId).toBe(id.hy);
    expect(await directory.carrierOf(id.tb, '1999-01-01')).toBeNull();
    expect(await directory.continuationOf(id.hy)).toBeNull();
  });

  it('applies a batch set-based, a split and a plan together: a survivor continues itself, a split follows its first part only through ANY', async () => {
    const alive = (unitId: string, code: string) => unit(unitId, 'COMMUNE', code, 1, [period('2026-01-01', null, `Xã ${code}`, id.hy)]);
    const split = unit(id.split, 'COMMUNE', 'S', 2, [period('2000-01-01', '2026-01-01', 'Xã S', id.hy)], {
      dissolvedOn: '2026-01-01',
      effectiveDate: '2026-01-01',
      change: { intoUnitIds: [id.partA, id.partB] },
    });
    const survivor = unit(id.donor, 'COMMUNE', 'D', 2, [period('2000-01-01', null, 'Xã D', id.hy)], plan(id.donor, ['transferred'], [id.hyCommune], null));
    const absorbed = unit(id.absorbed, 'COMMUNE', 'A', 2, [period('2000-01-01', '2025-07-01', 'Xã A', id.hy)], plan(id.absorbed, ['transferred', 'merged'], [id.donor, id.hyCommune], '2025-07-01'));
    const batch = [alive(id.partA, 'PA'), alive(id.partB, 'PB'), split, survivor, absorbed, split];
    await prisma.$transaction((tx) => projectUnitStates(tx, batch));
    await prisma.$transaction((tx) => projectUnitStates(tx, [...batch].reverse()));
    expect(await prisma.directoryUnitLineage.count()).toBe(1 + 2 + 1 + 2);

    expect((await directory.successorsOf(id.split, '2026-02-01')).map((s) => [s.unitId, s.share])).toEqual(
      [[id.partA, 'PARTIAL'], [id.partB, 'PARTIAL']],
    );
    expect(await directory.carrierOf(id.split, '2026-02-01')).toBeNull();
    expect((await directory.carrierOf(id.split, '2026-02-01', { through: 'ANY' }))?.unitId).toBe(id.partA);
    expect(await directory.continuationOf(id.donor, { through: 'ANY' })).toBeNull();
    expect((await directory.continuationOf(id.absorbed, { through: 'ANY' }))?.toUnitId).toBe(id.hyCommune);
    // A PARTIAL origin is not inherited by reads.
    expect((await directory.originsOf(id.hyCommune, '2024-06-01')).map((o) => [o.unitId, o.share]).sort()).toEqual(
      [[id.absorbed, 'WHOLE'], [id.donor, 'PARTIAL']].sort(),
    );
    expect((await directory.absorbedInto(id.hyCommune, '2024-06-01')).map((o) => o.unitId)).toEqual([id.absorbed]);
  });

  it('rewrites a hop only from a higher revision of its predecessor, whatever the order', async () => {
    const from = randomUUID();
    const to = randomUUID();
    const state = (revision: number, changes: string[]) =>
      unit(from, 'COMMUNE', 'R', revision, [period('2000-01-01', '2025-07-01', 'Xã R', id.hy)], plan(from, changes, [to], '2025-07-01'));
    await prisma.$transaction((tx) => projectUnitStates(tx, [state(5, ['merged']), state(4, ['split'])]));
    await prisma.$transaction((tx) => projectUnitState(tx, state(3, ['split'])));
    const hop = await prisma.directoryUnitLineage.findFirstOrThrow({ where: { fromUnitId: from } });
    expect([hop.share, hop.event, hop.revision]).toEqual(['WHOLE', 'MERGE', 5]);
  });

  it('takes each successor’s share from the event’s `successors` when it carries them: merged in part, then whole, into the first of two', async () => {
    const from = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    const successors = [
      { unitId: first, share: 'WHOLE', event: 'MERGE' },
      { unitId: second, share: 'PARTIAL', event: 'TRANSFER' },
    ];
    const base = plan(from, ['merged', 'transferred', 'merged'], [first, second], '2025-07-01');
    const state = unit(from, 'COMMUNE', 'M', 2, [period('2000-01-01', '2025-07-01', 'Xã M', id.hy)], { ...base, change: { ...base.change, successors } });
    await prisma.$transaction((tx) =>
      projectUnitStates(tx, [state, ...[first, second].map((unitId, index) => unit(unitId, 'COMMUNE', `M${index + 1}`, 1, [period('2025-07-01', null, `Xã M${index + 1}`, id.hy)]))]),
    );
    expect((await directory.successorsOf(from, '2025-08-01')).map((s) => [s.unitId, s.share]).sort()).toEqual([[first, 'WHOLE'], [second, 'PARTIAL']].sort());
    expect((await directory.continuationOf(from))?.toUnitId).toBe(first);
    // Without `successors` (an event published before it was added) the share is inferred: whole into the last one named.
    expect(lineageOf({ ...state, change: base.change }).map((hop) => [hop.toUnitId, hop.share])).toEqual([[first, 'PARTIAL'], [second, 'WHOLE']]);
  });
});
