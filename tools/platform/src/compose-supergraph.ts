import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, SUPERGRAPH_PATH, type SubgraphSource } from './supergraph.config';

/** A subgraph with its SDL loaded. */
export interface SubgraphSdl {
  name: string;
  url: string;
  typeDefs: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; hints: string[] }
  | { ok: false; errors: string[] };

/**
 * Composes the subgraphs with `@apollo/composition`. The subgraphs are sorted by name, so the output depends only on
 * the schemas and URLs, never on the order they are listed in.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): CompositionOutcome {
  const services = [...subgraphs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parse(typeDefs) }));
  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((error) => String(error.message)) };
  }
  return {
    ok: true,
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
  };
}

/** Reads every subgraph's schema file; a missing file is reported with the subgraph it belongs to. */
export function loadSubgraphs(root: string, sources: readonly SubgraphSource[] = SUBGRAPHS): SubgraphSdl[] {
  return sources.map(({ name, schemaPath, url }) => {
    try {
      return { name, url, typeDefs: readFileSync(path.join(root, schemaPath), 'utf8') };
    } catch (error) {
      throw new Error(`Cannot read the schema of subgraph "${name}" at ${schemaPath}: ${(error as Error).message}`, { cause: error });
    }
  });
}

/** Writes the composed supergraph, or with `check` compares it with the committed file. Returns the exit code. */
export function run(root: string, args: readonly string[], out: Pick<Console, 'log' | 'error' | 'warn'> = console): number {
  const check = args.includes('--check');
  const outcome = composeSupergraph(loadSubgraphs(root));
  if (!outcome.ok) {
    out.error(`Composition failed with ${outcome.errors.length} error(s):`);
    for (const error of outcome.errors) out.error(`  - ${error}`);
    return 1;
  }
  for (const hint of outcome.hints) out.warn(`hint ${hint}`);
  const target = path.join(root, SUPERGRAPH_PATH);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      out.error(`${SUPERGRAPH_PATH} is missing: run \`npx tsx tools/platform/src/compose-supergraph.ts\` and commit it.`);
      return 1;
    }
    if (committed !== outcome.supergraphSdl) {
      out.error(`${SUPERGRAPH_PATH} is stale: run \`npx tsx tools/platform/src/compose-supergraph.ts\` and commit it.`);
      return 1;
    }
    out.log(`${SUPERGRAPH_PATH} is up to date.`);
    return 0;
  }
  writeFileSync(target, outcome.supergraphSdl);
  out.log(`Wrote ${SUPERGRAPH_PATH} (${SUBGRAPHS.map((s) => s.name).join(', ')}).`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = run(path.resolve(__dirname, '../../..'), process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
