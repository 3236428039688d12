import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDirectory } from './support/directory-reader';
import { eventually, sharedStack, type Stack } from './support/stack';
import { recordsKeyedBy } from './support/topic-records';

/**
 * A client's view of the platform: org-units through the gateway, and the campaigns service's copy of the tree
 * fed by org-units events (outbox → relay → Kafka → consumer → unit directory).
 */
const CREATE = `mutation Create($input: CreateUnitInput!) { createUnit(input: $input) { id code revision } }`;
const MERGE = `mutation Merge($input: MergeUnitsInput!) { mergeUnits(input: $input) { id code revision } }`;
const DISSOLVE = `mutation Dissolve($input: DissolveUnitInput!) { dissolveUnit(input: $input) { id dissolvedOn } }`;
const RENAME = `mutation Rename($input: RenameUnitInput!) { renameUnit(input: $input) { id name } }`;
const ANCESTORS = `query Ancestors($id: ID!, $asOf: Date) { unit(id: $id, asOf: $asOf) { code name revision ancestors { code kind } } }`;

interface Created {
  id: string;
  code: string;
  revision: number;
}

describe('org-units through the gateway, and its events into the campaigns unit directory', () => {
  let stack: Stack;
  let admin: string;
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const units: Record<string, Created> = {};

  async function create(key: string, input: Record<string, unknown>): Promise<Created> {
    const result = await stack.query<{ createUnit: Created }>(CREATE, { input: { effectiveDate: '2020-01-01', ...input, code: `${tag}-${key}` } }, admin);
    expect(result.errors).toBeUndefined();
    units[key] = result.data!.createUnit;
    return units[key]!;
  }

  beforeAll(async () => {
    stack = sharedStack();
    admin = await stack.token(['SYSTEM_ADMIN'], randomUUID());
    const province = await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    const d1 = await create('D1', { kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentId: province.id });
    const d2 = await create('D2', { kind: 'DISTRICT', name: 'Huyện Kiến Xương', parentId: province.id });
    const c1 = await create('C1', { kind: 'COMMUNE', name: 'Xã Vũ Hội', parentId: d1.id });
    const c2 = await create('C2', { kind: 'COMMUNE', name: 'Xã Việt Hùng', parentId: d1.id });
    await create('C3', { kind: 'COMMUNE', name: 'Xã Bình Thanh', parentId: d2.id });
    await create('R1', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Đông', parentId: c1.id, attributes: { residentHouseholds: 240 } });
    await create('R2', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Tây', parentId: c2.id, attributes: { residentHouseholds: 180 } });

    // The 2025 reorganisation: the two communes merge into a new one directly under the province, the district goes.
    const merged = await stack.query<{ mergeUnits: Created }>(
      MERGE,
      {
        input: {
          sourceIds: [c1.id, c2.id],
          newTarget: { code: `${tag}-C12`, name: 'Xã Vũ Thư Mới', parentId: province.id },
          effectiveDate: '2025-07-01',
          reason: 'Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025',
        },
      },
      admin,
    );
    expect(merged.errors).toBeUndefined();
    units.C12 = merged.data!.mergeUnits;
    const dissolved = await stack.query(DISSOLVE, { input: { unitId: d1.id, effectiveDate: '2025-07-01', reason: 'Kết thúc cấp huyện' } }, admin);
    expect(dissolved.errors).toBeUndefined();
  }, 180_000);


  it('answers "as of" a date across the merge: the 2024 tree for 2024, the new tree after 1 July 2025', async () => {
    const before = await stack.query<{ unit: { ancestors: Array<{ code: string }> } }>(ANCESTORS, { id: units.R1!.id, asOf: '2024-06-01' }, admin);
    expect(before.errors).toBeUndefined();
    expect(before.data!.unit.ancestors.map((a) => a.code)).toEqual([`${tag}-C1`, `${tag}-D1`, `${tag}-P`]);

    const after = await stack.query<{ unit: { ancestors: Array<{ code: string }> } }>(ANCESTORS, { id: units.R1!.id, asOf: '2025-08-01' }, admin);
    expect(after.errors).toBeUndefined();
    expect(after.data!.unit.ancestors.map((a) => a.code)).toEqual([`${tag}-C12`, `${tag}-P`]);

    const district2024 = await stack.query<{ unit: { descendants: { totalCount: number } } }>(
      `query($id: ID!) { unit(id: $id, asOf: "2024-06-01") { descendants { totalCount } } }`,
      { id: units.D1!.id },
      admin,
    );
    expect(district2024.data!.unit.descendants.totalCount).toBe(4);
    const district2025 = await stack.query<{ unit: unknown }>(`query($id: ID!) { unit(id: $id, asOf: "2025-08-01") { id } }`, { id: units.D1!.id }, admin);
    expect(district2025.errors).toBeUndefined();
    expect(district2025.data!.unit).toBeNull();

    const lineage = await stack.query<{ unit: { lineage: { successors: Array<{ event: string; effectiveDate: string; unitId: string }> } } }>(
      `query($id: ID!) { unit(id: $id, asOf: "2024-06-01") { lineage { successors { event effectiveDate unitId } } } }`,
      { id: units.C1!.id },
      admin,
    );
    expect(lineage.data!.unit.lineage.successors).toEqual([{ event: 'MERGE', effectiveDate: '2025-07-01', unitId: units.C12!.id }]);
  });

  it('delivers every change to the campaigns unit directory, which answers jurisdiction questions by date', async () => {
    const current = await stack.query<{ unit: { revision: number } }>(ANCESTORS, { id: units.R1!.id, asOf: '2025-08-01' }, admin);
    const latestRevision = current.data!.unit.revision;
    const { directory, close } = openDirectory(stack.campaignsDatabase.url);
    try {
      await eventually(
        async () => ((await directory.revisionOf(units.R1!.id)) === latestRevision ? true : undefined),
        60_000,
        `revision ${latestRevision} of R1 in the campaigns directory`,
      );
      await eventually(async () => ((await directory.unitAt(units.D1!.id, '2025-08-01')) === null ? true : undefined), 30_000, 'D1 dissolved');
      expect(await directory.isWithin(units.R1!.id, units.D1!.id, '2024-06-01')).toBe(true);
      expect(await directory.isWithin(units.R1!.id, units.D1!.id, '2025-08-01')).toBe(false);
      expect(await directory.isWithin(units.R1!.id, units.P!.id, '2025-08-01')).toBe(true);
      expect((await directory.ancestorOfKind(units.R1!.id, ['COMMUNE'], '2024-06-01'))?.code).toBe(`${tag}-C1`);
      expect((await directory.ancestorOfKind(units.R1!.id, ['COMMUNE'], '2025-08-01'))?.code).toBe(`${tag}-C12`);
      const descendants2024 = await directory.descendantsOf(units.D1!.id, '2024-06-01');
      expect(descendants2024.map((d) => d.code).sort()).toEqual([`${tag}-C1`, `${tag}-C2`, `${tag}-R1`, `${tag}-R2`]);

      // Every outbox row of this file's units went to the stack's own topic, once (the stack is shared: other files' units
      // are on the topic too, keyed by their own ids).
      const ownIds = Object.values(units).map((unit) => unit.id);
      const outbox = new pg.Client({ connectionString: stack.orgUnitsDatabase.url });
      await outbox.connect();
      const { rows } = await outbox.query<{ published: string; total: string }>(
        'SELECT count(*) FILTER (WHERE published_at IS NOT NULL) AS published, count(*) AS total FROM outbox_event WHERE aggregate_id = ANY($1)',
        [ownIds],
      );
      await outbox.end();
      expect(Number(rows[0]!.total)).toBeGreaterThan(0);
      expect(Number(rows[0]!.published)).toBe(Number(rows[0]!.total));
      expect(await recordsKeyedBy(stack.kafkaBrokers, `${stack.topicPrefix}org-units.unit`, ownIds)).toBe(Number(rows[0]!.total));
    } finally {
      await close();
    }
  });

  it('refuses a caller outside the unit’s jurisdiction, for reads and writes, and changes nothing', async () => {
    const otherDistrictAdmin = await stack.token(['ORG_ADMIN'], units.D2!.id);
    const read = await stack.query(ANCESTORS, { id: units.C1!.id, asOf: '2024-06-01' }, otherDistrictAdmin);
    expect(read).toEqual({ data: { unit: null } });

    const write = await stack.query(RENAME, { input: { unitId: units.C3!.id, name: 'Xã Bình Thanh Mới', effectiveDate: '2025-09-01' } }, await stack.token(['ORG_ADMIN'], units.D1!.id));
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND' });
    const unchanged = await stack.query<{ unit: { name: string } }>(ANCESTORS, { id: units.C3!.id, asOf: '2025-10-01' }, admin);
    expect(unchanged.data!.unit.name).toBe('Xã Bình Thanh');

    const inside = await stack.query<{ unit: { code: string } }>(ANCESTORS, { id: units.C3!.id, asOf: '2024-06-01' }, otherDistrictAdmin);
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.unit.code).toBe(`${tag}-C3`);
  });

  it('refuses an anonymous caller, a forged token, and any request that did not come through the gateway', async () => {
    const anonymous = await stack.query(ANCESTORS, { id: units.C3!.id }, undefined);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const forged = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(forged.status).toBe(401);

    const direct = await fetch(stack.orgUnits.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ANCESTORS, variables: { id: units.C3!.id } }),
    });
    expect(direct.status).toBe(401);
    expect(((await direct.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad input with a stable code and writes nothing, not even an event', async () => {
    const client = new pg.Client({ connectionString: stack.orgUnitsDatabase.url });
    await client.connect();
    try {
      // The whole outbox, before and after: specs run one at a time, so no other file writes to it meanwhile.
      const count = async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM outbox_event')).rows[0]!.n);
      const eventsBefore = await count();
      const wrongParent = await stack.query(
        CREATE,
        { input: { code: `${tag}-BAD`, kind: 'RESIDENTIAL_AREA', name: 'Thôn Sai Cấp', parentId: units.D2!.id, effectiveDate: '2024-01-01' } },
        admin,
      );
      expect(wrongParent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNIT_PARENT_KIND_NOT_ALLOWED' });
      const taken = await stack.query(CREATE, { input: { code: `${tag}-C3`, kind: 'COMMUNE', name: 'Trùng mã', parentId: units.D2!.id, effectiveDate: '2024-01-01' } }, admin);
      expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
      const lookup = await stack.query<{ unitByCode: unknown }>(`query($code: String!) { unitByCode(code: $code) { id } }`, { code: `${tag}-BAD` }, admin);
      expect(lookup.data!.unitByCode).toBeNull();
      expect(await count()).toBe(eventsBefore);
    } finally {
      await client.end();
    }
  });
  it('applies a reorganisation plan through the gateway, and every unit directory ends equal to org-units', async () => {
    // C3 goes in part into C12, gives its village to a new commune, then goes whole into C12: each share is carried by the
    // events, not inferred (which would read C3 as whole into the new commune, the last successor named).
    await create('R3', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Nam', parentId: units.C3!.id, attributes: { residentHouseholds: 120 } });
    const plan = await stack.query<{ createReorganisationPlan: { id: string; dryRun: { valid: boolean } } }>(
      `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id dryRun { valid } } }`,
      {
        input: {
          name: 'Sắp xếp đơn vị hành chính',
          legalBasis: 'Nghị quyết thử nghiệm',
          effectiveDate: '2025-11-01',
          operations: [
            { type: 'CREATE', code: `${tag}-C20`, kind: 'COMMUNE', name: 'Xã Hòa Bình', parent: `${tag}-P` },
            { type: 'MERGE', into: `${tag}-C12`, sources: [{ unit: `${tag}-C3`, share: 'PARTIAL' }] },
            { type: 'TRANSFER', from: `${tag}-C3`, to: `${tag}-C20`, dependents: [`${tag}-R3`] },
            { type: 'MERGE', into: `${tag}-C12`, sources: [{ unit: `${tag}-C3`, share: 'WHOLE' }] },
            { type: 'DISSOLVE', unit: `${tag}-D2`, handToParent: true },
          ],
        },
      },
      admin,
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.createReorganisationPlan.dryRun.valid).toBe(true);
    const applied = await stack.query(`mutation($id: ID!) { applyReorganisationPlan(id: $id) { status } }`, { id: plan.data!.createReorganisationPlan.id }, admin);
    expect(applied).toEqual({ data: { applyReorganisationPlan: { status: 'APPLIED' } } });
    const created = await stack.query<{ unitByCode: Created }>(`query($code: String!) { unitByCode(code: $code) { id code revision } }`, { code: `${tag}-C20` }, admin);
    units.C20 = created.data!.unitByCode;
    const successorsOn = await stack.query<{ unit: { successorsOn: Array<{ unit: { id: string }; share: string }> } }>(
      `query($id: ID!) { unit(id: $id, asOf: "2025-06-01") { successorsOn(asOf: "2025-11-01") { unit { id } share } } }`,
      { id: units.C3!.id },
      admin,
    );
    const orgUnitsSuccessors = successorsOn.data!.unit.successorsOn.map((s) => [s.unit.id, s.share]).sort();
    expect(orgUnitsSuccessors).toEqual([[units.C12!.id, 'WHOLE'], [units.C20!.id, 'PARTIAL']].sort());

    const orgUnits = new pg.Client({ connectionString: stack.orgUnitsDatabase.url });
    await orgUnits.connect();
    const directories = {
      campaigns: openDirectory(stack.campaignsDatabase.url),
      models: openDirectory(stack.modelsDatabase.url),
      assessments: openDirectory(stack.assessmentsDatabase.url),
      awards: openDirectory(stack.awardsDatabase.url),
    };
    try {
      // Every unit of this file's tree (its codes carry the file's tag; the shared stack holds other files' units too).
      const { rows } = await orgUnits.query<{ id: string; revision: number; parent: string | null }>(
        `SELECT u.id::text AS id, u.revision, v.parent_id::text AS parent FROM unit u
         LEFT JOIN unit_version v ON v.unit_id = u.id AND v.valid_from <= '2025-11-01' AND (v.valid_to IS NULL OR v.valid_to > '2025-11-01')
         WHERE u.code LIKE $1`,
        [`${tag}-%`],
      );
      expect(rows.map((row) => row.id).sort()).toEqual(Object.values(units).map((unit) => unit.id).sort());
      for (const [service, { directory }] of Object.entries(directories)) {
        await eventually(
          async () => {
            const revisions = await Promise.all(rows.map((row) => directory.revisionOf(row.id)));
            return revisions.every((revision, i) => revision === rows[i]!.revision) ? true : undefined;
          },
          60_000,
          `every unit at its org-units revision in the ${service} directory`,
        );
        for (const row of rows) expect([service, row.id, (await directory.unitAt(row.id, '2025-11-01'))?.parentId ?? null]).toEqual([service, row.id, row.parent]);
        expect((await directory.ancestorOfKind(units.C3!.id, ['DISTRICT'], '2025-06-01'))?.code).toBe(`${tag}-D2`);
        expect(await directory.unitAt(units.D2!.id, '2025-11-01')).toBeNull();
        expect([service, (await directory.successorsOf(units.C3!.id, '2025-11-01')).map((s) => [s.unitId, s.share]).sort()]).toEqual([service, orgUnitsSuccessors]);
      }
    } finally {
      await Promise.all(Object.values(directories).map(({ close }) => close()));
      await orgUnits.end();
    }
  });

  it('exposes Prometheus metrics on every process, moving with the requests and the events they cause', async () => {
    const scrape = async (service: { baseUrl: string }) => {
      const response = await fetch(`${service.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      return response.text();
    };
    /** The sum of a metric's samples whose labels include every `labels` pair. */
    const sample = (text: string, name: string, labels: Record<string, string> = {}): number =>
      text
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
        .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
        .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

    const gatewayBefore = sample(await scrape(stack.gateway), 'antt_graphql_requests_total', { operation: 'Rename', outcome: 'ok' });
    const publishedBefore = sample(await scrape(stack.orgUnits), 'antt_outbox_published_total');
    const appliedBefore = sample(await scrape(stack.campaigns), 'antt_consumer_applied_total');
    const agency = await create('M1', { kind: 'AGENCY', name: 'Cơ quan thử số liệu', parentId: units.P!.id });
    const renamed = await stack.query(RENAME, { input: { unitId: agency.id, name: 'Cơ quan thử số liệu mới', effectiveDate: '2026-01-01' } }, admin);
    expect(renamed.errors).toBeUndefined();
    const refused = await stack.query(RENAME, { input: { unitId: 'not-a-uuid', name: 'X', effectiveDate: '2026-01-01' } }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const gateway = await scrape(stack.gateway);
    expect(sample(gateway, 'antt_graphql_requests_total', { operation: 'Rename', outcome: 'ok', service: 'gateway' })).toBe(gatewayBefore + 1);
    expect(sample(gateway, 'antt_graphql_requests_total', { operation: 'Rename', outcome: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'antt_graphql_request_duration_seconds_count', { operation: 'Rename' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'antt_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);

    await eventually(async () => (sample(await scrape(stack.orgUnits), 'antt_outbox_published_total') > publishedBefore ? true : undefined), 30_000, 'the relay to publish the rename');
    const campaigns = await eventually(
      async () => {
        const text = await scrape(stack.campaigns);
        return sample(text, 'antt_consumer_applied_total') > appliedBefore ? text : undefined;
      },
      30_000,
      'the unit directory to apply the rename',
    );
    expect(campaigns).toMatch(/^antt_consumer_lag_records\{.*topic=".*org-units\.unit".*\} \d+$/m);
    expect(sample(campaigns, 'antt_db_pool_connections', { pool: 'prisma' })).toBeGreaterThanOrEqual(1);
    expect(campaigns).toMatch(/^antt_events_table_bytes\{.*table="inbox_entry".*\} \d+$/m);
    expect(campaigns).toMatch(/^process_cpu_seconds_total\{service="campaigns"\} /m);
  });
});

