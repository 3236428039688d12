import { type RunningServer } from '@antt/service-kit';
import { createTestDatabase, type TestDatabase } from '@antt/testing';
import { ApiKeyStore, documentHash } from '../src/api-keys/api-key-store';
import { runApiKeysCli } from '../src/api-keys/cli';
import { DEV_API_KEY_PEPPER } from '../src/config';
import { bearer, post, startGatewayOver, startTreeSubgraph, UNIT } from './support/in-process';

const REGISTERED = 'query AgencyWhoAmI { whoami ping }';
const OTHER = 'query Other { ping }';
const MUTATION = 'mutation M { ping }';

describe('external agencies with API keys (gateway database, persisted queries only, read-only, audited)', () => {
  let database: TestDatabase;
  let store: ApiKeyStore;
  let subgraph: RunningServer;
  let gateway: RunningServer;
  let key: string;
  let keyId: string;

  beforeAll(async () => {
    database = await createTestDatabase('gw_keys_');
    store = new ApiKeyStore(database.url, DEV_API_KEY_PEPPER);
    await store.migrate();
    subgraph = await startTreeSubgraph();
    gateway = await startGatewayOver(subgraph.url, {
      DATABASE_URL: database.url,
      GATEWAY_LIMITS: JSON.stringify({ rateLimits: { anonymous: { points: 10_000 }, authenticated: { points: 10_000 }, apiKey: { points: 12 } } }),
    });
    const created = await store.create({ agency: 'Tỉnh đoàn', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    key = created.key;
    keyId = created.record.id;
    await store.registerOperation(keyId, REGISTERED);
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await store?.close();
    await database?.drop();
  });

  it('stores only a keyed hash of the secret, never the key', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ secret_hash: Buffer }>('SELECT secret_hash FROM api_key WHERE id = $1', [keyId]);
      expect(rows[0]?.secret_hash).toHaveLength(32);
      const secret = key.split('_').slice(2).join('_');
      expect(rows[0]?.secret_hash.toString('base64url')).not.toBe(secret);
    } finally {
      await client.end();
    }
  });

  it('runs a registered query as EXTERNAL_READER of the key, by document or by its sha256 alone', async () => {
    const byDocument = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': key });
    expect(byDocument.status).toBe(200);
    expect(byDocument.json).toEqual({ data: { whoami: `apikey:${keyId}`, ping: 'pong' } });
    const byHash = await post(
      gateway.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } } },
      { authorization: `ApiKey ${key}` },
    );
    expect(byHash.status).toBe(200);
    expect(byHash.json).toEqual({ data: { whoami: `apikey:${keyId}`, ping: 'pong' } });
  });

  it('refuses an unregistered query and a mutation with stable codes', async () => {
    const unregistered = await post(gateway.url, { query: OTHER }, { 'x-api-key': key });
    expect(unregistered.status).toBe(403);
    expect(unregistered.json.errors?.[0]?.extensions).toEqual({ code: 'API_KEY_OPERATION_NOT_REGISTERED' });
    const unknownHash = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }, { 'x-api-key': key });
    expect(unknownHash.status).toBe(403);
    expect(unknownHash.json.errors?.[0]?.extensions).toEqual({ code: 'API_KEY_OPERATION_NOT_REGISTERED' });
    // A registered hash does not smuggle another document.
    const mismatch = await post(
      gateway.url,
      { query: OTHER, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } } },
      { 'x-api-key': key },
    );
    expect(mismatch.status).toBe(403);
    expect(mismatch.json.errors?.[0]?.extensions).toEqual({ code: 'API_KEY_OPERATION_NOT_REGISTERED' });
    const mutation = await post(gateway.url, { query: MUTATION }, { 'x-api-key': key });
    expect(mutation.status).toBe(403);
    expect(mutation.json.errors?.[0]?.extensions).toEqual({ code: 'API_KEY_READ_ONLY' });
  });

  it('never registers a mutation for a key', async () => {
    await expect(store.registerOperation(keyId, MUTATION)).rejects.toThrow(/Only queries/);
  });

  it('refuses unknown, expired and revoked keys (401) and a key beside a Bearer token', async () => {
    const unknown = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': `anttk_${keyId}_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_INVALID' });

    const expired = await store.create({ agency: 'old', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() - 1_000) });
    const expiredAnswer = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': expired.key });
    expect(expiredAnswer.status).toBe(401);
    expect(expiredAnswer.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_EXPIRED' });

    const both = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': key, ...(await bearer()) });
    expect(both.status).toBe(401);
    expect(both.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_WITH_TOKEN' });
  });

  it('rotates with an overlap: the new key carries the operations, the old one is refused once the overlap ends', async () => {
    const first = await store.create({ agency: 'Công an tỉnh', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    await store.registerOperation(first.record.id, REGISTERED);
    const overlap = await store.rotate(first.record.id, { expiresAt: new Date(Date.now() + 2 * 86_400_000), oldRevokedAt: new Date(Date.now() + 60_000) });
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': first.key })).status).toBe(200);
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': overlap.key })).status).toBe(200);
    expect(overlap.record.rotatedFrom).toBe(first.record.id);

    await store.revoke(first.record.id);
    const old = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': first.key });
    expect(old.status).toBe(401);
    expect(old.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_REVOKED' });
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': overlap.key })).status).toBe(200);
  });

  it('counts each key on its own rate limit budget', async () => {
    const own = await store.create({ agency: 'budget', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    await store.registerOperation(own.record.id, REGISTERED);
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': own.key })).status);
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(200));
    expect(statuses[12]).toBe(429);
    // Another key, and end users, are not affected.
    const other = await store.create({ agency: 'other', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    await store.registerOperation(other.record.id, REGISTERED);
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': other.key })).status).toBe(200);
    expect((await post(gateway.url, { query: '{ ping }' }, await bearer())).status).toBe(200);
  });

  it('audits every keyed request: key, operation, time, status, outcome, response bytes', async () => {
    const audited = await store.create({ agency: 'audited', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    await store.registerOperation(audited.record.id, REGISTERED);
    const before = Date.now();
    const ok = await post(gateway.url, { query: REGISTERED }, { 'x-api-key': audited.key });
    await post(gateway.url, { query: OTHER }, { 'x-api-key': audited.key });
    await post(gateway.url, { query: MUTATION }, { 'x-api-key': audited.key });
    let rows = await store.audit(audited.record.id);
    for (let i = 0; i < 50 && rows.length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await store.audit(audited.record.id);
    }
    expect(rows.map(({ operation, httpStatus, outcome }) => ({ operation, httpStatus, outcome }))).toEqual([
      { operation: documentHash(REGISTERED), httpStatus: 200, outcome: 'ok' },
      { operation: documentHash(OTHER), httpStatus: 403, outcome: 'API_KEY_OPERATION_NOT_REGISTERED' },
      { operation: documentHash(MUTATION), httpStatus: 403, outcome: 'API_KEY_READ_ONLY' },
    ]);
    expect(rows[0]?.responseBytes).toBe(Buffer.byteLength(JSON.stringify(ok.json)) + 1);
    for (const row of rows) {
      expect(row.keyId).toBe(audited.record.id);
      expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    }
  });

  it('is administered from the command line (create, register-operation, list, revoke)', async () => {
    const lines: string[] = [];
    const env = { DATABASE_URL: database.url };
    await runApiKeysCli(['create', '--agency', 'CLI agency', '--unit', UNIT, '--expires', '2099-01-01'], env, (line) => lines.push(line));
    const created = JSON.parse(lines[0]!) as { id: string; key: string };
    expect(created.key).toMatch(/^anttk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const os = await import('node:os');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'apikeys-')), 'op.graphql');
    await writeFile(file, REGISTERED);
    lines.length = 0;
    await runApiKeysCli(['register-operation', '--id', created.id, '--file', file], env, (line) => lines.push(line));
    expect(JSON.parse(lines[0]!)).toEqual({ sha256: documentHash(REGISTERED), name: 'AgencyWhoAmI' });
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': created.key })).status).toBe(200);
    lines.length = 0;
    await runApiKeysCli(['list'], env, (line) => lines.push(line));
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toContain(created.id);
    await runApiKeysCli(['revoke', '--id', created.id], env, () => undefined);
    expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': created.key })).status).toBe(401);
  });

  describe('admin routes (SYSTEM_ADMIN only, JSON under /admin/api-keys)', () => {
    const admin = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
      fetch(new URL(path, gateway.url), {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }).then(async (response) => ({ status: response.status, json: (await response.json()) as Record<string, unknown> }));

    it('refuses anonymous callers, other roles and API keys with stable codes', async () => {
      const anonymous = await admin('/admin/api-keys');
      expect(anonymous.status).toBe(401);
      expect(anonymous.json).toEqual({ errors: [{ message: 'Sign in as SYSTEM_ADMIN.', extensions: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' } }] });
      const orgAdmin = await admin('/admin/api-keys', { headers: await bearer(['ORG_ADMIN']) });
      expect(orgAdmin.status).toBe(403);
      expect(orgAdmin.json).toEqual({
        errors: [{ message: 'API keys are managed by SYSTEM_ADMIN only.', extensions: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED', requiredRoles: ['SYSTEM_ADMIN'] } }],
      });
      const withKey = await admin('/admin/api-keys', { headers: { 'x-api-key': key } });
      expect(withKey.status).toBe(401);
    });

    it('creates, registers, lists, audits and revokes a key', async () => {
      const headers = await bearer(['SYSTEM_ADMIN'], 'root');
      const created = await admin('/admin/api-keys', { method: 'POST', headers, body: { agency: 'Bộ đội biên phòng', jurisdictionUnitId: UNIT, expiresAt: '2099-12-31' } });
      expect(created.status).toBe(201);
      const { key: adminKey, record } = created.json as { key: string; record: { id: string; agency: string } };
      expect(record.agency).toBe('Bộ đội biên phòng');

      const mutation = await admin(`/admin/api-keys/${record.id}/operations`, { method: 'POST', headers, body: { document: MUTATION } });
      expect(mutation.status).toBe(400);
      expect((mutation.json.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('API_KEY_READ_ONLY');
      const registered = await admin(`/admin/api-keys/${record.id}/operations`, { method: 'POST', headers, body: { document: REGISTERED } });
      expect(registered).toEqual({ status: 201, json: { sha256: documentHash(REGISTERED), name: 'AgencyWhoAmI' } });
      expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': adminKey })).status).toBe(200);

      const listed = await admin('/admin/api-keys', { headers });
      expect((listed.json.keys as { id: string }[]).map((entry) => entry.id)).toContain(record.id);
      expect(JSON.stringify(listed.json)).not.toContain(adminKey.split('_')[2]);

      const invalid = await admin(`/admin/api-keys/${record.id}/rotate`, { method: 'POST', headers, body: { expiresAt: 'soon' } });
      expect(invalid.status).toBe(400);
      expect((invalid.json.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('INVALID_INPUT');
      const missing = await admin('/admin/api-keys/00000000-0000-4000-8000-000000000000/revoke', { method: 'POST', headers });
      expect(missing.status).toBe(404);
      expect((missing.json.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('API_KEY_NOT_FOUND');

      expect((await admin(`/admin/api-keys/${record.id}/revoke`, { method: 'POST', headers })).status).toBe(200);
      expect((await post(gateway.url, { query: REGISTERED }, { 'x-api-key': adminKey })).status).toBe(401);
      let audit = await admin(`/admin/api-keys/${record.id}/audit`, { headers });
      for (let i = 0; i < 50 && (audit.json.audit as unknown[]).length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        audit = await admin(`/admin/api-keys/${record.id}/audit`, { headers });
      }
      expect((audit.json.audit as { outcome: string; httpStatus: number }[]).map(({ outcome, httpStatus }) => ({ outcome, httpStatus }))).toEqual([
        { outcome: 'ok', httpStatus: 200 },
        { outcome: 'API_KEY_REVOKED', httpStatus: 401 },
      ]);
    });
  });
});
