import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportRow } from './import-row';
import { nationalTree } from './national';
import { formatFromPath, serializeRows } from './serialize';
import { thaiBinhTree } from './thai-binh';
import { findTreeProblems } from './tree-invariants';

/** How to call the demo-data writer. */
export const DEMO_USAGE =
  'usage: tsx tools/platform/src/demo/write.ts <thai-binh|national> <out.json|out.jsonl|out.csv> ' +
  '[--provinces 63] [--communes 10000] [--residential-areas 100000]';

function countOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return count;
}

function buildTree(tree: string, values: Record<string, string | undefined>): ImportRow[] {
  if (tree === 'thai-binh') return thaiBinhTree();
  if (tree === 'national') {
    return nationalTree({
      provinces: countOption(values['provinces'], 'provinces'),
      communes: countOption(values['communes'], 'communes'),
      residentialAreas: countOption(values['residential-areas'], 'residential-areas'),
    });
  }
  throw new Error(`unknown tree "${tree}"\n${DEMO_USAGE}`);
}

/**
 * Generates a demo tree, checks it and writes it where `args` say; returns a one-line summary.
 * Throws with the usage on bad arguments.
 */
export function runDemoCli(args: readonly string[], cwd: string = process.cwd()): string {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      provinces: { type: 'string' },
      communes: { type: 'string' },
      'residential-areas': { type: 'string' },
    },
  });
  const [tree, out] = positionals;
  if (!tree || !out || positionals.length > 2) throw new Error(DEMO_USAGE);
  const format = formatFromPath(out);
  const rows = buildTree(tree, values);
  const problems = findTreeProblems(rows);
  if (problems.length > 0) throw new Error(`the ${tree} tree is inconsistent:\n${problems.slice(0, 20).join('\n')}`);
  const path = resolve(cwd, out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeRows(rows, format));
  return `wrote ${rows.length} ${tree} units to ${path} (${format})`;
}
