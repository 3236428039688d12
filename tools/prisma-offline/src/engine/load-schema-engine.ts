import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaOfflineError } from '../errors';
import { webAssembly } from './webassembly';

/** The engine class of `@prisma/schema-engine-wasm`, ready to use. */
export type SchemaEngineClass = typeof glue.SchemaEngine;

const requireHere = createRequire(__filename);
let loading: Promise<SchemaEngineClass> | undefined;

/**
 * Instantiates Prisma's schema engine (WebAssembly) once per process (per test file under Jest). The wasm-bindgen glue
 * keeps the instance in module state, so it must never be instantiated twice for the same glue module.
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Forgets the instance after a WebAssembly trap (an engine panic leaves it unusable); the next call instantiates afresh. */
export function discardSchemaEngine(): void {
  loading = undefined;
}

async function instantiate(): Promise<SchemaEngineClass> {
  const gluePath = requireHere.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  await assertMatchingVersions(path.dirname(gluePath));
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await webAssembly.instantiate(bytes, { './schema_engine_bg.js': engineImports() });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

async function assertMatchingVersions(wasmDir: string): Promise<void> {
  const wasmVersion = (JSON.parse(await readFile(path.join(wasmDir, 'package.json'), 'utf8')) as { version: string }).version;
  const prismaVersion = (requireHere('prisma/package.json') as { version: string }).version;
  if (!wasmVersion.startsWith(`${prismaVersion}-`)) {
    throw new PrismaOfflineError(
      'ENGINE_ERROR',
      `@prisma/schema-engine-wasm ${wasmVersion} was not built for prisma ${prismaVersion}: pin the engine version released with prisma ${prismaVersion}.`,
    );
  }
}

/**
 * The glue's functions as the wasm module imports them, except `setTimeout`: the engine races its advisory-lock query
 * against a 10 s timer it can never cancel (the glue has no clearTimeout), which would keep the process (and Jest) alive
 * for 10 s after every migration. Its timers are unref'd; {@link OfflineSchemaEngine} keeps the process alive while a call runs.
 */
function engineImports(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(glue).map(([name, value]) =>
      name.startsWith('__wbg_setTimeout_') ? [name, (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref()] : [name, value],
    ),
  );
}
