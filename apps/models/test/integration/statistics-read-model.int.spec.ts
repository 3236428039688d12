import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, type TestDatabase } from '@antt/testing';
import pg from 'pg';
import { refreshStatisticPeriods, refreshStatisticPeriodsOfUnits } from '../../src/domain/shared';
import { NATIONAL_STATISTICS_SQL, SUBTREE_STATISTICS_SQL } from '../../src/domain/statistics/statistics.sql';
import { PROJECT_ROOT } from '../support/models-harness';
import { STRAIGHT_COUNT_SQL } from '../support/straight-count.sql';

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const date = (from: number, to: number) => {
    const day = new Date(Date.UTC(from, 0, 1) + int((to - from + 1) * 365) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  return { next, int, pick, date };
}

interface Unit {
  id: string;
  kind: string;
  versions: Array<{ from: string; to: string | null; parent: string | null }>;
}

/**
 * The statistics read model (ADR 0017) answers exactly what the straightforward count on the registry and the directory
 * answered before it (the previous statement, kept as the reference in test/support), on a generated registry: units that
 * move between parents on a date, models founded, replicated, dissolved and moved to another host, sites opened and closed,
 * teams formed, recounted and disbanded, trainings and reviews; for the whole country and for subtrees, on many dates. Then
 * after changes made afterwards (a unit moved in the directory, a site closed, a team recounted), refreshed the way the
 * service refreshes (by unit, by model), the two still agree.
 */
describe('models: the statistics read model equals the straightforward count', () => {
  let database: TestDatabase;
  let db: pg.Client;
  const random = generator(20261130);
  const units: Unit[] = [];
  const modelIds: string[] = [];

  /** The service's refresh functions take a Prisma-like client; the same calls on the test's pg client. */
  const sql = () => ({
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await db.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T,>(query: string, ...values: unknown[]) => (await db.query(query, values)).rows as T,
  });

  const unit = (kind: string, parent: string | null, from = '2015-01-01'): Unit => {
    const created: Unit = { id: randomUUID(), kind, versions: [{ from, to: null, parent }] };
    units.push(created);
    return created;
  };

  const answer = async (sql: string, root: string | null, asOf: string, year: number) => {
    await db.query('BEGIN');
    await db.query('SET LOCAL jit = off');
    const { rows } = await db.query(sql, [root, asOf, year, `${asOf.slice(0, 4)}-01-01`]);
    await db.query('COMMIT');
    return rows.map((row) => JSON.stringify(row)).sort();
  };

  const compare = async (roots: ReadonlyArray<string | null>, dates: readonly string[]) => {
    let compared = 0;
    let nonEmpty = 0;
    for (const root of roots) {
      for (const asOf of dates) {
        const year = Number(asOf.slice(0, 4));
        const expected = await answer(STRAIGHT_COUNT_SQL, root, asOf, year);
        const actual = await answer(root === null ? NATIONAL_STATISTICS_SQL : SUBTREE_STATISTICS_SQL, root, asOf, year);
        expect({ root, asOf, rows: actual }).toEqual({ root, asOf, rows: expected });
        compared += 1;
        if (expected.length > 1) nonEmpty += 1;
      }
    }
    return { compared, nonEmpty };
  };

  beforeAll(async () => {
    database = await createMigratedTestDatabase('md_stat_', PROJECT_ROOT);
    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    // The tree: 2 provinces, 3 districts each, 4 communes each, 3 villages each; a few communes and villages move on a date.
    const provinces = [unit('PROVINCE', null), unit('PROVINCE', null)];
    const districts = provinces.flatMap((p) => [0, 1, 2].map(() => unit('DISTRICT', p.id)));
    const communes = districts.flatMap((d) => [0, 1, 2, 3].map(() => unit(random.next() < 0.2 ? 'WARD' : 'COMMUNE', d.id)));
    const villages = communes.flatMap((c) => [0, 1, 2].map(() => unit('RESIDENTIAL_AREA', c.id)));
    for (const moving of [...communes.filter(() => random.next() < 0.25), ...villages.filter(() => random.next() < 0.1)]) {
      const on = random.date(2020, 2024);
      const first = moving.versions[0] as Unit['versions'][number];
      const parents = moving.kind === 'RESIDENTIAL_AREA' ? communes : districts;
      moving.versions = [
        { from: first.from, to: on, parent: first.parent },
        { from: on, to: null, parent: random.pick(parents.filter((p) => p.id !== first.parent)).id },
      ];
    }
    for (const u of units) {
      await db.query('INSERT INTO directory_unit (unit_id, code, kind, revision) VALUES ($1, $2, $3, 1)', [u.id, u.id.slice(0, 8), u.kind]);
      for (const v of u.versions) {
        await db.query('INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id) VALUES ($1, $2, $3, $4, $5)', [u.id, v.from, v.to, u.kind, v.parent]);
      }
    }

    // The registry: originals in communes, replicas in villages, some dissolved, some moved to another host on a date.
    await db.query("INSERT INTO model_type (code, name) VALUES ('T1', 'Loại 1') ON CONFLICT DO NOTHING");
    const hosts = [...communes, ...villages];
    const originals: Array<{ id: string; founded: string }> = [];
    for (let n = 0; n < 160; n += 1) {
      const id = randomUUID();
      const founded = random.date(2018, 2024);
      const replicaOf = originals.length > 0 && random.next() < 0.4 ? random.pick(originals) : null;
      const dissolved = random.next() < 0.15 ? random.date(Number(founded.slice(0, 4)) + 1, 2025) : null;
      const status = dissolved && dissolved > founded ? 'DISSOLVED' : random.next() < 0.1 ? 'SUSPENDED' : 'ACTIVE';
      const host = random.pick(hosts);
      await db.query(
        `INSERT INTO self_management_model (id, name, type_code, host_unit_id, founded_on, status, status_on, replicated_from_id, lineage_root_id)
         VALUES ($1, $2, 'T1', $3, $4, $5, $6, $7, $8)`,
        [id, `Mô hình ${n}`, host.id, founded, status, status === 'DISSOLVED' ? dissolved : founded, replicaOf?.id ?? null, replicaOf?.id ?? id],
      );
      if (!replicaOf) originals.push({ id, founded });
      modelIds.push(id);
      if (random.next() < 0.15) {
        // Moved to another host (its host merged): the current host is the destination, the change names the one it left.
        const to = random.pick(hosts.filter((h) => h.id !== host.id));
        await db.query('UPDATE self_management_model SET host_unit_id = $2 WHERE id = $1', [id, to.id]);
        await db.query('INSERT INTO model_host_change (model_id, from_unit_id, to_unit_id, effective_on, cause_event_id) VALUES ($1, $2, $3, $4, $5)', [
          id, host.id, to.id, random.date(Number(founded.slice(0, 4)), 2025), randomUUID(),
        ]);
      }
      for (let s = random.int(4); s > 0; s -= 1) {
        const opened = random.date(2018, 2025);
        await db.query('INSERT INTO model_site (id, model_id, unit_id, name, opened_on, closed_on) VALUES ($1, $2, $3, $4, $5, $6)', [
          randomUUID(), id, host.id, `Điểm ${s}`, opened, random.next() < 0.3 ? random.date(Number(opened.slice(0, 4)) + 1, 2026) : null,
        ]);
      }
      for (let t = random.int(3); t > 0; t -= 1) {
        const team = randomUUID();
        const formed = random.date(2018, 2025);
        await db.query('INSERT INTO model_team (id, model_id, name, member_count, formed_on, disbanded_on) VALUES ($1, $2, $3, $4, $5, $6)', [
          team, id, `Tổ ${t}`, 3 + random.int(20), formed, random.next() < 0.2 ? random.date(Number(formed.slice(0, 4)) + 1, 2026) : null,
        ]);
        if (random.next() < 0.3) {
          await db.query("INSERT INTO model_team_count_change (team_id, effective_on, member_count, actor) VALUES ($1, $2, $3, 'test'), ($1, $4, $5, 'test')", [
            team, formed, 4, random.date(Number(formed.slice(0, 4)) + 1, 2026), 9 + random.int(10),
          ]);
        }
      }
      for (let t = random.int(4); t > 0; t -= 1) {
        await db.query("INSERT INTO model_training (id, model_id, held_on, content, trainer, participants, actor) VALUES ($1, $2, $3, 'Tập huấn', 'Công an', 10, 'test')", [
          randomUUID(), id, random.date(2018, 2025),
        ]);
      }
      for (const year of [2023, 2024]) {
        if (random.next() < 0.6) {
          await db.query(
            `INSERT INTO model_review (id, model_id, host_unit_id, year, window_start, window_end, rating, criteria_set_code, criteria_version, reviewer_unit_id, reviewed_on, reason, actor)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'MODEL_EFFECTIVENESS', 1, $3, $6, 'Đánh giá', 'test')`,
            [randomUUID(), id, host.id, year, `${year - 1}-11-16`, `${year}-11-15`, random.pick(['EFFECTIVE', 'LESS_EFFECTIVE', 'INEFFECTIVE'])],
          );
        }
      }
    }
    await db.query('SELECT refresh_model_statistic_periods($1::uuid[])', [modelIds]);
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  const dates = ['2018-06-30', '2019-12-31', '2020-07-01', '2021-03-15', '2022-11-16', '2023-06-01', '2024-01-01', '2024-12-31', '2025-06-30', '2026-02-01'];

  it('answers as the straightforward count for the whole country and every province, district and a few communes, on ten dates', async () => {
    const roots = [null, ...units.filter((u) => u.kind === 'PROVINCE' || u.kind === 'DISTRICT').map((u) => u.id), ...units.filter((u) => u.kind === 'COMMUNE').slice(0, 4).map((u) => u.id)];
    const { compared, nonEmpty } = await compare(roots, dates);
    expect(compared).toBe(roots.length * dates.length);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  });

  it('still agrees after later changes refreshed the way the service refreshes them (by unit after a move, by model after a write)', async () => {
    // A district moves to the other province from 2023, as the directory consumer projects it; then the models of that unit are refreshed.
    const district = units.find((u) => u.kind === 'DISTRICT') as Unit;
    const otherProvince = units.filter((u) => u.kind === 'PROVINCE')[1] as Unit;
    await db.query("UPDATE directory_unit_version SET valid_to = '2023-01-01' WHERE unit_id = $1 AND valid_to IS NULL", [district.id]);
    await db.query("INSERT INTO directory_unit_version (unit_id, valid_from, name, parent_id) VALUES ($1, '2023-01-01', 'moved', $2)", [district.id, otherProvince.id]);
    const { rows: affected } = await db.query('SELECT DISTINCT model_id FROM model_statistic_period WHERE path && $1::uuid[]', [[district.id]]);
    expect(affected.length).toBeGreaterThan(0);
    await refreshStatisticPeriodsOfUnits(sql(), [district.id]);
    // A site closes and a team is recounted, written as the commands write them, then that model is refreshed.
    const { rows: sites } = await db.query("UPDATE model_site SET closed_on = '2024-05-01' WHERE id = (SELECT id FROM model_site WHERE closed_on IS NULL AND opened_on < '2024-05-01' LIMIT 1) RETURNING model_id");
    const { rows: teams } = await db.query("SELECT id, model_id FROM model_team WHERE disbanded_on IS NULL AND formed_on < '2024-02-01' AND id NOT IN (SELECT team_id FROM model_team_count_change) LIMIT 1");
    await db.query("INSERT INTO model_team_count_change (team_id, effective_on, member_count, actor) SELECT id, formed_on, member_count, 'test' FROM model_team WHERE id = $1", [teams[0].id]);
    await db.query("INSERT INTO model_team_count_change (team_id, effective_on, member_count, actor) VALUES ($1, '2024-02-01', 40, 'test')", [teams[0].id]);
    await db.query('UPDATE model_team SET member_count = 40 WHERE id = $1', [teams[0].id]);
    await refreshStatisticPeriods(sql(), [sites[0].model_id, teams[0].model_id]);

    const roots = [null, ...units.filter((u) => u.kind === 'PROVINCE' || u.kind === 'DISTRICT').map((u) => u.id)];
    const { compared } = await compare(roots, dates);
    expect(compared).toBe(roots.length * dates.length);
  });
});
