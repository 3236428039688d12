import { readFileSync } from 'node:fs';

/** True when a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is alive and its command line contains `marker` (guards against a recycled pid). */
export function isProcessRunning(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(marker);
  } catch {
    return true;
  }
}

/** Waits until `pid` has exited; false when it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

/** SIGTERM, wait up to `graceMs` for a clean exit, then SIGKILL. Resolves with how it ended. */
export async function terminate(pid: number, graceMs: number): Promise<'not-running' | 'terminated' | 'killed'> {
  if (!isAlive(pid)) return 'not-running';
  process.kill(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'terminated';
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  return 'killed';
}
