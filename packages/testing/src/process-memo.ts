import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RememberedInfra } from './test-infra';

/**
 * Jest runs every test file in its own module registry, so a module-level cache lasts one file. What was resolved is also
 * kept in a file named after the worker's pid, so later files of the same worker reuse it (and the mode line is printed once).
 */
const MEMO_PATTERN = /^antt-testing-(\d+)\.json$/;

function memoFile(pid: number = process.pid): string {
  return path.join(os.tmpdir(), `antt-testing-${pid}.json`);
}

/** What an earlier test file of this worker resolved, if any. */
export async function recallInfra(): Promise<RememberedInfra | undefined> {
  let remembered: RememberedInfra;
  try {
    remembered = JSON.parse(await readFile(memoFile(), 'utf8')) as RememberedInfra;
  } catch {
    return undefined;
  }
  const sameProcess = Math.abs((remembered.processStartedAt ?? 0) - processStartedAt()) < 5_000;
  return sameProcess ? remembered : undefined;
}

/** Remembers what this worker resolved. */
export async function rememberInfra(infra: RememberedInfra): Promise<void> {
  await forgetFinishedWorkers();
  await writeFile(memoFile(), JSON.stringify({ ...infra, processStartedAt: processStartedAt() }));
}

async function forgetFinishedWorkers(): Promise<void> {
  const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(MEMO_PATTERN.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(path.join(os.tmpdir(), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processStartedAt(): number {
  return Math.round(Date.now() - process.uptime() * 1000);
}
