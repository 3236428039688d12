import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Caller, unauthenticated } from '@antt/auth';
import { HttpRefusal, type Logger } from '@antt/service-kit';
import { parse } from 'graphql';
import { GATEWAY_ERROR_CODES } from '../errors';
import { type ApiKeyAuditEntry, type ApiKeyRecord, type ApiKeyStore, documentHash, isReadOnly } from './api-key-store';

/** The subject prefix of a caller authenticated by an API key (`apikey:<key id>`). */
export const API_KEY_SUBJECT_PREFIX = 'apikey:';

/** True when the caller came in with an API key (counted on the per-key rate limit, held to persisted queries). */
export function isApiKeyCaller(caller: Caller): boolean {
  return caller !== null && caller.subject.startsWith(API_KEY_SUBJECT_PREFIX);
}

interface KeyedRequest {
  key: ApiKeyRecord;
  operation: string | null;
  outcome: string;
}

/** What {@link createApiKeyAccess} needs. */
export interface ApiKeyAccessOptions {
  /** Null when the gateway has no database (DATABASE_URL unset): a request with a key is then refused. */
  store: ApiKeyStore | null;
  logger: Logger;
  /** Audit rows are written in batches, at most this long after the response (default 1 s). */
  auditFlushMs?: number;
  now?: () => Date;
}

/**
 * External agencies' access with API keys (`x-api-key: <key>` or `Authorization: ApiKey <key>`): the caller becomes
 * `{ subject: apikey:<id>, roles: [EXTERNAL_READER], jurisdiction: the key's unit }`; only the key's registered
 * (persisted) queries are executed, never a mutation; every request is audited (key, operation, time, HTTP status,
 * outcome, response bytes), batched into the gateway database off the response path.
 */
export function createApiKeyAccess(options: ApiKeyAccessOptions) {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const requests = new WeakMap<IncomingMessage, KeyedRequest>();
  let pending: ApiKeyAuditEntry[] = [];
  let flushing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (!store || pending.length === 0) return flushing;
    const batch = pending;
    pending = [];
    flushing = flushing
      .then(() => store.insertAudit(batch))
      .catch((error: unknown) => logger.error({ err: error, rows: batch.length }, 'could not write the API key audit'));
    return flushing;
  };
  const timer = setInterval(() => void flush(), options.auditFlushMs ?? 1_000);
  timer.unref();
  const record = (entry: ApiKeyAuditEntry) => {
    pending.push(entry);
    if (pending.length >= 500) void flush();
  };

  return {
    /** The presented key, or undefined when the request carries none (then the Bearer token decides). */
    presentedKey(req: IncomingMessage): string | undefined {
      const header = req.headers['x-api-key'];
      if (typeof header === 'string' && header.trim()) return header.trim();
      const match = /^ApiKey\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      return match?.[1];
    },

    /** Verifies a presented key: the caller it stands for, or UNAUTHENTICATED (HTTP 401) with a stable reason. */
    async authenticate(req: IncomingMessage, presented: string): Promise<Caller> {
      if (typeof req.headers['x-api-key'] === 'string' && /^Bearer\s/i.test(req.headers.authorization ?? '')) {
        throw unauthenticated(GATEWAY_ERROR_CODES.API_KEY_WITH_TOKEN, 'Send an API key or a Bearer token, not both.');
      }
      if (!store) throw unauthenticated(GATEWAY_ERROR_CODES.API_KEYS_DISABLED, 'This gateway does not accept API keys.');
      const key = await store.verify(presented);
      if (!key) throw unauthenticated(GATEWAY_ERROR_CODES.API_KEY_INVALID, 'The API key is not valid.');
      const at = now();
      const refusal =
        key.revokedAt && key.revokedAt <= at
          ? GATEWAY_ERROR_CODES.API_KEY_REVOKED
          : key.expiresAt <= at
            ? GATEWAY_ERROR_CODES.API_KEY_EXPIRED
            : null;
      if (refusal) {
        record({ keyId: key.id, operation: null, at, httpStatus: 401, outcome: refusal, responseBytes: 0 });
        throw unauthenticated(refusal, refusal === GATEWAY_ERROR_CODES.API_KEY_REVOKED ? 'The API key was revoked.' : 'The API key has expired.');
      }
      requests.set(req, { key, operation: null, outcome: 'ok' });
      return { subject: `${API_KEY_SUBJECT_PREFIX}${key.id}`, roles: ['EXTERNAL_READER'], jurisdictionUnitId: key.jurisdictionUnitId };
    },

    /** Counts the bytes of a keyed request's response and audits it when the response is finished. */
    track(req: IncomingMessage, res: ServerResponse): void {
      const keyed = requests.get(req);
      if (!keyed) return;
      const at = now();
      let bytes = 0;
      const write = res.write.bind(res);
      const end = res.end.bind(res);
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        count(chunk);
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') count(chunk);
        return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
      }) as typeof res.end;
      res.once('finish', () =>
        record({ keyId: keyed.key.id, operation: keyed.operation, at, httpStatus: res.statusCode, outcome: keyed.outcome, responseBytes: bytes }),
      );
    },

    /** Notes the stable code a keyed request was refused with (for the audit). */
    refused(req: IncomingMessage, code: string): void {
      const keyed = requests.get(req);
      if (keyed) keyed.outcome = code;
    },

    /**
     * Holds a keyed request to the key's registered queries: a document with a mutation or subscription is refused
     * (API_KEY_READ_ONLY), one whose sha256 (sent as the APQ `extensions.persistedQuery.sha256Hash`, or computed from
     * `query`) is not registered for the key is refused (API_KEY_OPERATION_NOT_REGISTERED); a registered one is
     * executed from the stored document, so a hash alone is enough.
     */
    async verify(req: IncomingMessage, body: unknown): Promise<void> {
      const keyed = requests.get(req);
      if (!keyed || !store) return;
      const refuse = (status: number, code: string, message: string): never => {
        keyed.outcome = code;
        throw new HttpRefusal(status, code, message);
      };
      if (req.method !== 'POST') refuse(405, GATEWAY_ERROR_CODES.API_KEY_POST_REQUIRED, 'Send API key requests with POST.');
      for (const operation of Array.isArray(body) ? body : [body]) {
        if (typeof operation !== 'object' || operation === null) {
          return refuse(403, GATEWAY_ERROR_CODES.API_KEY_OPERATION_NOT_REGISTERED, 'Only operations registered for this API key are accepted.');
        }
        const request = operation as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
        const query = typeof request.query === 'string' ? request.query : undefined;
        const claimed = request.extensions?.persistedQuery?.sha256Hash;
        const sha256 = typeof claimed === 'string' ? claimed.toLowerCase() : query !== undefined ? documentHash(query) : null;
        keyed.operation ??= sha256 && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : null;
        if (query !== undefined) {
          let readOnly = true;
          try {
            readOnly = isReadOnly(parse(query, { noLocation: true }));
          } catch {
            // Not a document: refused below as not registered.
          }
          if (!readOnly) refuse(403, GATEWAY_ERROR_CODES.API_KEY_READ_ONLY, 'An API key may only read: no mutation or subscription.');
        }
        const registered = sha256 && (query === undefined || documentHash(query) === sha256) ? await store.operation(keyed.key.id, sha256) : null;
        if (!registered) {
          return refuse(403, GATEWAY_ERROR_CODES.API_KEY_OPERATION_NOT_REGISTERED, 'Only operations registered for this API key are accepted.');
        }
        // Executed from the registered text; the APQ cache is not involved.
        request.query = registered.document;
        delete request.extensions?.persistedQuery;
      }
    },

    /** Writes the audit rows still waiting. */
    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
    },

    flush,
  };
}

export type ApiKeyAccess = ReturnType<typeof createApiKeyAccess>;
