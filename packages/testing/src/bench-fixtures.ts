import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@antt/infra';
import { type UnitState } from '@antt/unit-directory';

/** One unit of the platform's demo generator (`tools/platform/src/demo/write.ts`), in org-units' import format. */
export interface DemoRow {
  code: string;
  kind: string;
  name: string;
  parentCode: string | null;
  managingUnitCode: string | null;
  effectiveFrom: string;
  enterpriseSize: string | null;
  schoolLevel: string | null;
  armedForces: boolean | null;
  residentHouseholds: number | null;
  staffCount: number | null;
}

/**
 * Writes the demo generator's `tree` (the rows `npm start` loads) to a temporary JSON file and resolves with what `read` makes
 * of it; the file is removed afterwards. The generator runs as its own process: apps do not import tools.
 */
export async function readDemoTree<T>(tree: 'thai-binh' | 'national', read: (file: string) => T | Promise<T>, tempPrefix = 'bench-demo-'): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), tempPrefix));
  try {
    const file = path.join(dir, `${tree}.json`);
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    const result = spawnSync(process.execPath, [tsx, 'tools/platform/src/demo/write.ts', tree, file], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`demo generator exited with ${result.status}`);
    return await read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the demo generator's `tree`. */
export function demoRows(tree: 'thai-binh' | 'national', tempPrefix?: string): Promise<DemoRow[]> {
  return readDemoTree(tree, (file) => JSON.parse(readFileSync(file, 'utf8')) as DemoRow[], tempPrefix);
}

/**
 * What org-units would publish for each row (a new id per code): revision 1, one open version from its effective date with the
 * row's parent, managing unit and attributes. `ids` maps each code to its id.
 */
export function demoUnitStates(rows: readonly DemoRow[]): { ids: Map<string, string>; states: UnitState[] } {
  const ids = new Map(rows.map((row) => [row.code, randomUUID()]));
  const idOf = (code: string | null) => (code === null ? null : (ids.get(code) ?? null));
  const states: UnitState[] = rows.map((row) => ({
    unitId: ids.get(row.code) as string,
    code: row.code,
    kind: row.kind,
    revision: 1,
    dissolvedOn: null,
    timeline: [
      {
        validFrom: row.effectiveFrom,
        validTo: null,
        name: row.name,
        parentId: idOf(row.parentCode),
        managingUnitId: idOf(row.managingUnitCode),
        attributes: { enterpriseSize: row.enterpriseSize, schoolLevel: row.schoolLevel, armedForces: row.armedForces, residentHouseholds: row.residentHouseholds, staffCount: row.staffCount },
      },
    ],
  }));
  return { ids, states };
}

/** Writes a benchmark's results to `.local/bench/<name>.json`; returns that path relative to the repository root. */
export function writeBenchResults(name: string, output: unknown): string {
  const file = path.join(REPO_ROOT, '.local', 'bench', `${name}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  return path.relative(REPO_ROOT, file);
}
