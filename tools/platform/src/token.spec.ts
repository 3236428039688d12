import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_JWT_AUDIENCE, DEV_JWT_HS256_SECRET, DEV_JWT_ISSUER, createUserTokenVerifier, verifyUserToken } from '@antt/auth';
import { main, orgUnitsDatabaseUrl, parseTokenArgs, resolveUnitId } from './token';

const UNIT = '0b9e2a3c-1d4f-4e5a-8b6c-7d8e9f0a1b2c';

describe('parseTokenArgs', () => {
  it('reads repeated roles, the unit, the subject and the ttl', () => {
    expect(parseTokenArgs(['--role', 'ORG_ADMIN', '--role', 'APPRAISER', '--unit', 'TB', '--sub', 'lan', '--ttl', '2h'])).toEqual({
      roles: ['ORG_ADMIN', 'APPRAISER'],
      unit: 'TB',
      subject: 'lan',
      ttl: '2h',
    });
  });

  it('defaults the subject and the ttl', () => {
    expect(parseTokenArgs(['--role', 'CITIZEN', '--unit', UNIT])).toMatchObject({ subject: 'dev-user', ttl: '8h' });
  });

  it('explains what is missing or wrong', () => {
    expect(() => parseTokenArgs(['--unit', UNIT])).toThrow(/at least one --role and a --unit[\s\S]*Roles: SYSTEM_ADMIN/);
    expect(() => parseTokenArgs(['--role', 'ROOT', '--unit', UNIT])).toThrow('Unknown role(s): ROOT.');
    expect(() => parseTokenArgs(['--role', 'CITIZEN', '--unit', UNIT, '--ttl', 'forever'])).toThrow('--ttl must look like');
  });
});

describe('resolveUnitId', () => {
  it('keeps a uuid without a lookup', async () => {
    await expect(resolveUnitId(UNIT, () => Promise.reject(new Error('no lookup expected')))).resolves.toBe(UNIT);
  });

  it('resolves a code through the lookup', async () => {
    await expect(resolveUnitId('TB-DISTRICT-01', async (code) => (code === 'TB-DISTRICT-01' ? UNIT : null))).resolves.toBe(UNIT);
  });

  it('fails with a clear sentence when no unit has the code', async () => {
    await expect(resolveUnitId('NOPE', async () => null)).rejects.toThrow(
      'No unit has the code "NOPE" in the org-units database; pass a unit id or an existing code.',
    );
  });
});

describe('orgUnitsDatabaseUrl', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'token-'));
    mkdirSync(path.join(root, '.local'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prefers ORG_UNITS_DATABASE_URL', () => {
    expect(orgUnitsDatabaseUrl(root, { ORG_UNITS_DATABASE_URL: 'postgres://x/y' })).toBe('postgres://x/y');
  });

  it('uses the org-units database infra:up resolved, else the admin URL pointed at antt_org_units', () => {
    writeFileSync(path.join(root, '.local/infra.json'), JSON.stringify({ postgres: { adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres' } }));
    expect(orgUnitsDatabaseUrl(root, {})).toBe('postgres://postgres@127.0.0.1:5432/antt_org_units');
    writeFileSync(
      path.join(root, '.local/infra.json'),
      JSON.stringify({ postgres: { adminUrl: 'postgres://a/postgres', databases: { 'org-units': 'postgres://b/antt_org_units' } } }),
    );
    expect(orgUnitsDatabaseUrl(root, {})).toBe('postgres://b/antt_org_units');
  });

  it('says how to provide the database when nothing is known', () => {
    expect(() => orgUnitsDatabaseUrl(root, {})).toThrow('set ORG_UNITS_DATABASE_URL or run `npm run infra:up` first');
  });
});

describe('main', () => {
  it('mints a token the gateway accepts with its dev secret', async () => {
    const token = await main(['--role', 'LEVEL_OFFICER', '--unit', UNIT, '--sub', 'minh'], {}, tmpdir());
    const verifier = createUserTokenVerifier({ hs256Secret: DEV_JWT_HS256_SECRET, issuer: DEV_JWT_ISSUER, audience: DEV_JWT_AUDIENCE });
    await expect(verifyUserToken(token, verifier)).resolves.toEqual({
      subject: 'minh',
      roles: ['LEVEL_OFFICER'],
      jurisdictionUnitId: UNIT,
    });
  });

  it('signs with JWT_HS256_SECRET, JWT_ISSUER and JWT_AUDIENCE when they are set', async () => {
    const staging = { JWT_HS256_SECRET: 'a-shared-secret-of-a-staging-gateway', JWT_ISSUER: 'https://idp.staging', JWT_AUDIENCE: 'antt-staging' };
    const token = await main(['--role', 'CITIZEN', '--unit', UNIT], staging, tmpdir());
    const verifier = createUserTokenVerifier({ hs256Secret: staging.JWT_HS256_SECRET, issuer: staging.JWT_ISSUER, audience: staging.JWT_AUDIENCE });
    await expect(verifyUserToken(token, verifier)).resolves.toMatchObject({ roles: ['CITIZEN'] });
  });
});
