import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadApiKeyCliConfig } from '../config';
import { ApiKeyStore } from './api-key-store';

const USAGE = `Usage: npm run apikeys -- <command> [options]   (DATABASE_URL = the gateway database antt_gateway, API_KEY_PEPPER = the gateway's pepper)
  create --agency <name> --unit <jurisdiction unit id> --expires <YYYY-MM-DD>   prints the key once
  list                                                                          every key, without secrets
  rotate --id <key id> --expires <YYYY-MM-DD> --overlap-until <ISO date>        new key; the old one refused after the overlap
  revoke --id <key id> [--at <ISO date>]                                        refused from now (or --at)
  register-operation --id <key id> --file <query.graphql>                       prints the sha256 the agency sends
  operations --id <key id>                                                      the key's registered operations
  audit --id <key id>                                                           the key's audited requests`;

const date = (text: string | undefined, option: string): Date => {
  const value = text ? new Date(text) : new Date(NaN);
  if (Number.isNaN(value.getTime())) throw new Error(`--${option} must be a date (YYYY-MM-DD or ISO), got ${text ?? 'nothing'}.\n${USAGE}`);
  return value;
};

const required = (value: string | undefined, option: string): string => {
  if (!value) throw new Error(`--${option} is required.\n${USAGE}`);
  return value;
};

/** The API key administration command line; `argv` without the node and script paths. */
export async function runApiKeysCli(argv: string[], env: Record<string, string | undefined> | undefined, print: (line: string) => void): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      unit: { type: 'string' },
      expires: { type: 'string' },
      id: { type: 'string' },
      at: { type: 'string' },
      'overlap-until': { type: 'string' },
      file: { type: 'string' },
    },
  });
  const command = positionals[0];
  const { databaseUrl, pepper } = loadApiKeyCliConfig(env);
  const store = new ApiKeyStore(databaseUrl, pepper);
  try {
    await store.migrate();
    switch (command) {
      case 'create': {
        const { key, record } = await store.create({
          agency: required(values.agency, 'agency'),
          jurisdictionUnitId: required(values.unit, 'unit'),
          expiresAt: date(values.expires, 'expires'),
        });
        print(JSON.stringify({ ...record, key }, null, 2));
        print('Give the key to the agency now: it is not stored and cannot be shown again.');
        return;
      }
      case 'list':
        for (const key of await store.list()) print(JSON.stringify(key));
        return;
      case 'rotate': {
        const { key, record } = await store.rotate(required(values.id, 'id'), {
          expiresAt: date(values.expires, 'expires'),
          oldRevokedAt: date(values['overlap-until'], 'overlap-until'),
        });
        print(JSON.stringify({ ...record, key }, null, 2));
        return;
      }
      case 'revoke':
        print(JSON.stringify(await store.revoke(required(values.id, 'id'), values.at ? date(values.at, 'at') : new Date())));
        return;
      case 'register-operation': {
        const document = await readFile(required(values.file, 'file'), 'utf8');
        const { sha256, name } = await store.registerOperation(required(values.id, 'id'), document);
        print(JSON.stringify({ sha256, name }));
        return;
      }
      case 'operations':
        for (const operation of await store.operations(required(values.id, 'id'))) print(JSON.stringify({ sha256: operation.sha256, name: operation.name }));
        return;
      case 'audit':
        for (const entry of await store.audit(required(values.id, 'id'))) print(JSON.stringify(entry));
        return;
      default:
        throw new Error(USAGE);
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runApiKeysCli(process.argv.slice(2), undefined, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
