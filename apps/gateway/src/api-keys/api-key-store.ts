import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import pg from 'pg';

/** Prefix of every API key, so that a key found in a log or a repository is recognisable. */
export const API_KEY_PREFIX = 'anttk';

/** An external agency's key as stored (never the secret: only its keyed hash). */
export interface ApiKeyRecord {
  id: string;
  agency: string;
  jurisdictionUnitId: string;
  createdAt: Date;
  expiresAt: Date;
  /** When set, the key is refused from this instant on (a rotation sets it to the end of the overlap). */
  revokedAt: Date | null;
  /** The key this one replaced, when created by a rotation. */
  rotatedFrom: string | null;
}

/** A persisted operation registered for a key: the sha256 (hex) of its document, and the document. */
export interface RegisteredOperation {
  sha256: string;
  name: string | null;
  document: string;
}

/** One audited request made with a key. */
export interface ApiKeyAuditEntry {
  keyId: string;
  /** sha256 of the operation's document, when the request named one. */
  operation: string | null;
  at: Date;
  httpStatus: number;
  /** `ok`, or the stable code the request was refused with. */
  outcome: string;
  responseBytes: number;
}

/** Thrown by {@link ApiKeyStore.registerOperation} for a document that is not a single read-only operation. */
export class OperationNotReadOnlyError extends Error {}

/** sha256 (hex) of a GraphQL document exactly as sent: the Automatic Persisted Queries hash. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** True when every operation of the document is a query (no mutation, no subscription). */
export function isReadOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((operation) => operation.operation === OperationTypeNode.QUERY);
}

/** Splits `anttk_<id>_<secret>` into its id and secret; null when the text has another shape. */
export function parseApiKey(text: string): { id: string; secret: string } | null {
  const match = /^anttk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/.exec(text.trim());
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/**
 * The gateway's API keys, in its own PostgreSQL database (`antt_gateway`). A key is `anttk_<uuid>_<secret>`, the
 * secret being 32 random bytes (256 bits); only HMAC-SHA256(pepper, secret) is stored. A slow hash (scrypt, argon2)
 * protects guessable passwords; a 256-bit random secret cannot be guessed, so a keyed fast hash is enough, and the
 * pepper (configuration, not in the database) makes a stolen table useless on its own. Lookup is by the id; the hash is
 * compared in constant time.
 */
export class ApiKeyStore {
  private readonly pool: pg.Pool;

  constructor(
    databaseUrl: string,
    private readonly pepper: string,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  }

  /** Creates the tables when missing (idempotent; the gateway runs it at start, the CLI before each command). */
  async migrate(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS api_key (
        id uuid PRIMARY KEY,
        secret_hash bytea NOT NULL,
        agency text NOT NULL,
        jurisdiction_unit_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        rotated_from uuid REFERENCES api_key (id)
      );
      CREATE TABLE IF NOT EXISTS api_key_operation (
        key_id uuid NOT NULL REFERENCES api_key (id),
        sha256 char(64) NOT NULL,
        name text,
        document text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key_id, sha256)
      );
      CREATE TABLE IF NOT EXISTS api_key_audit (
        id bigserial PRIMARY KEY,
        key_id uuid NOT NULL,
        operation char(64),
        at timestamptz NOT NULL,
        http_status int NOT NULL,
        outcome text NOT NULL,
        response_bytes int NOT NULL
      );
      CREATE INDEX IF NOT EXISTS api_key_audit_key_at ON api_key_audit (key_id, at);
    `);
  }

  private hash(secret: string): Buffer {
    return createHmac('sha256', this.pepper).update(secret).digest();
  }

  /** Creates a key; the returned `key` is shown once and never stored. */
  async create(input: { agency: string; jurisdictionUnitId: string; expiresAt: Date; rotatedFrom?: string }): Promise<{ key: string; record: ApiKeyRecord }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO api_key (id, secret_hash, agency, jurisdiction_unit_id, expires_at, rotated_from)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [id, this.hash(secret), input.agency, input.jurisdictionUnitId, input.expiresAt, input.rotatedFrom ?? null],
    );
    const [row] = rows;
    if (!row) throw new Error('INSERT … RETURNING gave no row.');
    return { key: `${API_KEY_PREFIX}_${id}_${secret}`, record: toRecord(row) };
  }

  async list(): Promise<(ApiKeyRecord & { operations: number })[]> {
    const { rows } = await this.pool.query<Row & { operations: string }>(
      `SELECT k.*, (SELECT count(*) FROM api_key_operation o WHERE o.key_id = k.id) AS operations FROM api_key k ORDER BY k.created_at`,
    );
    return rows.map((row) => ({ ...toRecord(row), operations: Number(row.operations) }));
  }

  async get(id: string): Promise<ApiKeyRecord | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_key WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Refuses the key from `at` on (default now). */
  async revoke(id: string, at: Date = new Date()): Promise<ApiKeyRecord> {
    const { rows } = await this.pool.query<Row>('UPDATE api_key SET revoked_at = $2 WHERE id = $1 RETURNING *', [id, at]);
    if (!rows[0]) throw new Error(`No API key ${id}.`);
    return toRecord(rows[0]);
  }

  /**
   * Rotation: a new key for the same agency, jurisdiction and operations, valid until `expiresAt`; the old key keeps
   * working until `oldRevokedAt` (the overlap during which the agency switches), then is refused.
   */
  async rotate(id: string, input: { expiresAt: Date; oldRevokedAt: Date }): Promise<{ key: string; record: ApiKeyRecord }> {
    const old = await this.get(id);
    if (!old) throw new Error(`No API key ${id}.`);
    const created = await this.create({ agency: old.agency, jurisdictionUnitId: old.jurisdictionUnitId, expiresAt: input.expiresAt, rotatedFrom: id });
    await this.pool.query(
      `INSERT INTO api_key_operation (key_id, sha256, name, document) SELECT $2, sha256, name, document FROM api_key_operation WHERE key_id = $1`,
      [id, created.record.id],
    );
    await this.revoke(id, input.oldRevokedAt);
    return created;
  }

  /** Registers a read-only operation for a key; resolves with its sha256 (what the agency sends as the APQ hash). */
  async registerOperation(id: string, document: string): Promise<RegisteredOperation> {
    const parsed = parse(document);
    if (!isReadOnly(parsed)) throw new OperationNotReadOnlyError('Only queries can be registered for an API key (no mutation, no subscription).');
    const operations = parsed.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const name = operations.length === 1 ? (operations[0]?.name?.value ?? null) : null;
    const sha256 = documentHash(document);
    if (!(await this.get(id))) throw new Error(`No API key ${id}.`);
    await this.pool.query(
      `INSERT INTO api_key_operation (key_id, sha256, name, document) VALUES ($1, $2, $3, $4) ON CONFLICT (key_id, sha256) DO NOTHING`,
      [id, sha256, name, document],
    );
    return { sha256, name, document };
  }

  async operations(id: string): Promise<RegisteredOperation[]> {
    const { rows } = await this.pool.query<RegisteredOperation>('SELECT sha256, name, document FROM api_key_operation WHERE key_id = $1 ORDER BY registered_at', [id]);
    return rows;
  }

  /** The record of a presented key when its secret matches (whatever its validity), else null. */
  async verify(key: string): Promise<ApiKeyRecord | null> {
    const parts = parseApiKey(key);
    if (!parts) return null;
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_key WHERE id = $1', [parts.id]);
    const row = rows[0];
    if (!row) return null;
    const presented = this.hash(parts.secret);
    return presented.length === row.secret_hash.length && timingSafeEqual(presented, row.secret_hash) ? toRecord(row) : null;
  }

  /** The key's registered operation with this hash, or null. */
  async operation(id: string, sha256: string): Promise<RegisteredOperation | null> {
    const { rows } = await this.pool.query<RegisteredOperation>('SELECT sha256, name, document FROM api_key_operation WHERE key_id = $1 AND sha256 = $2', [
      id,
      sha256,
    ]);
    return rows[0] ?? null;
  }

  async insertAudit(entries: readonly ApiKeyAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.pool.query(
      `INSERT INTO api_key_audit (key_id, operation, at, http_status, outcome, response_bytes)
       SELECT * FROM unnest($1::uuid[], $2::char(64)[], $3::timestamptz[], $4::int[], $5::text[], $6::int[])`,
      [
        entries.map((entry) => entry.keyId),
        entries.map((entry) => entry.operation),
        entries.map((entry) => entry.at),
        entries.map((entry) => entry.httpStatus),
        entries.map((entry) => entry.outcome),
        entries.map((entry) => entry.responseBytes),
      ],
    );
  }

  async audit(id: string): Promise<ApiKeyAuditEntry[]> {
    const { rows } = await this.pool.query<{ key_id: string; operation: string | null; at: Date; http_status: number; outcome: string; response_bytes: number }>(
      'SELECT * FROM api_key_audit WHERE key_id = $1 ORDER BY id',
      [id],
    );
    return rows.map((row) => ({
      keyId: row.key_id,
      operation: row.operation,
      at: row.at,
      httpStatus: row.http_status,
      outcome: row.outcome,
      responseBytes: row.response_bytes,
    }));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

interface Row {
  id: string;
  secret_hash: Buffer;
  agency: string;
  jurisdiction_unit_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  rotated_from: string | null;
}

function toRecord(row: Row): ApiKeyRecord {
  return {
    id: row.id,
    agency: row.agency,
    jurisdictionUnitId: row.jurisdiction_unit_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    rotatedFrom: row.rotated_from,
  };
}
