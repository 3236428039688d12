import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Caller, DomainError, SYSTEM_ADMIN } from '@antt/auth';
import { HttpRefusal } from '@antt/service-kit';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { GATEWAY_ERROR_CODES } from '../errors';
import { type ApiKeyStore, OperationNotReadOnlyError } from './api-key-store';

/** What {@link createApiKeyAdminRoutes} needs. */
export interface ApiKeyAdminOptions {
  store: ApiKeyStore | null;
  /** The end user behind `Authorization: Bearer …` (null when none), as `/graphql` verifies it. */
  authenticate: (req: IncomingMessage) => Promise<Caller>;
  /** The caller's rate limit, as for `/graphql`. */
  admit: (req: IncomingMessage, caller: Caller) => Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true })).transform((text) => new Date(text));
const createInput = z.object({ agency: z.string().trim().min(1).max(200), jurisdictionUnitId: z.uuid(), expiresAt: isoDate }).strict();
const rotateInput = z.object({ expiresAt: isoDate, oldRevokedAt: isoDate }).strict();
const revokeInput = z.object({ at: isoDate.optional() }).strict();
const operationInput = z.object({ document: z.string().min(1).max(MAX_BODY_BYTES) }).strict();

/**
 * The API key administration of the gateway, for SYSTEM_ADMIN only (`Authorization: Bearer <token>`), as plain JSON
 * under `/admin/api-keys` rather than mutations: the gateway's GraphQL schema is the composed supergraph, which has no
 * place for the gateway's own fields, and keys are no business of the subgraphs.
 *
 * - `GET /admin/api-keys`: every key (never a secret)
 * - `POST /admin/api-keys` `{ agency, jurisdictionUnitId, expiresAt }` → 201 `{ key, record }` (the key shown once)
 * - `POST /admin/api-keys/<id>/rotate` `{ expiresAt, oldRevokedAt }` → 201 `{ key, record }`
 * - `POST /admin/api-keys/<id>/revoke` `{ at? }` → the record
 * - `POST /admin/api-keys/<id>/operations` `{ document }` → 201 `{ sha256, name }` (queries only)
 * - `GET /admin/api-keys/<id>/operations`, `GET /admin/api-keys/<id>/audit`
 *
 * Refusals: 401 UNAUTHENTICATED, 403 FORBIDDEN (reason ROLE_REQUIRED), 404 API_KEY_NOT_FOUND, 400 INVALID_INPUT,
 * 400 API_KEY_READ_ONLY (a mutation registered), 503 API_KEYS_DISABLED (no gateway database).
 * Returns a `beforeRoute` hook: true when it answered.
 */
export function createApiKeyAdminRoutes(options: ApiKeyAdminOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== '/admin/api-keys' && !path.startsWith('/admin/api-keys/')) return false;
    let caller: Caller;
    try {
      caller = await options.authenticate(req);
    } catch (error) {
      if (error instanceof DomainError) throw new HttpRefusal(401, 'UNAUTHENTICATED', error.message, {}, { reason: error.reason });
      throw error;
    }
    if (!caller) throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Sign in as SYSTEM_ADMIN.', {}, { reason: 'AUTHENTICATION_REQUIRED' });
    if (caller.subject.startsWith('apikey:') || !caller.roles.includes(SYSTEM_ADMIN)) {
      throw new HttpRefusal(403, 'FORBIDDEN', 'API keys are managed by SYSTEM_ADMIN only.', {}, { reason: 'ROLE_REQUIRED', requiredRoles: [SYSTEM_ADMIN] });
    }
    await options.admit(req, caller);
    const store = options.store;
    if (!store) throw new HttpRefusal(503, GATEWAY_ERROR_CODES.API_KEYS_DISABLED, 'This gateway has no database (DATABASE_URL), so no API keys.');
    const [, , , id, action] = path.split('/');
    const method = req.method ?? 'GET';
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
      return true;
    };
    if (id !== undefined && !z.uuid().safeParse(id).success) throw notFound(id);
    if (id !== undefined && !(await store.get(id))) throw notFound(id);

    if (id === undefined && method === 'GET') return send(200, { keys: await store.list() });
    if (id === undefined && method === 'POST') return send(201, await store.create(parseInput(createInput, await readJson(req))));
    if (id !== undefined && action === 'rotate' && method === 'POST') return send(201, await store.rotate(id, parseInput(rotateInput, await readJson(req))));
    if (id !== undefined && action === 'revoke' && method === 'POST') {
      return send(200, await store.revoke(id, parseInput(revokeInput, await readJson(req))?.at ?? new Date()));
    }
    if (id !== undefined && action === 'operations' && method === 'GET') {
      return send(200, { operations: (await store.operations(id)).map(({ sha256, name }) => ({ sha256, name })) });
    }
    if (id !== undefined && action === 'operations' && method === 'POST') {
      const { document } = parseInput(operationInput, await readJson(req));
      try {
        const { sha256, name } = await store.registerOperation(id, document);
        return send(201, { sha256, name });
      } catch (error) {
        if (error instanceof OperationNotReadOnlyError) throw new HttpRefusal(400, GATEWAY_ERROR_CODES.API_KEY_READ_ONLY, error.message);
        if (error instanceof GraphQLError) throw new HttpRefusal(400, 'INVALID_INPUT', `document: ${error.message}`);
        throw error;
      }
    }
    if (id !== undefined && action === 'audit' && method === 'GET') return send(200, { audit: await store.audit(id) });
    throw new HttpRefusal(404, 'NOT_FOUND', `No route ${method} ${path}.`);
  };
}

function notFound(id: string): HttpRefusal {
  return new HttpRefusal(404, GATEWAY_ERROR_CODES.API_KEY_NOT_FOUND, `No API key ${id}.`);
}

function parseInput<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpRefusal(400, 'INVALID_INPUT', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpRefusal(413, 'BODY_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {}, { limit: MAX_BODY_BYTES });
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpRefusal(400, 'INVALID_INPUT', 'The body is not JSON.');
  }
}
