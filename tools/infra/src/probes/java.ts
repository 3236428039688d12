import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './run-command';

/** A usable Java runtime. */
export interface JavaRuntime {
  command: string;
  majorVersion: number;
}

/** Finds `java` (from `JAVA_HOME`, else the PATH) and its major version; `undefined` when there is none. */
export async function findJava(javaHome: string | undefined): Promise<JavaRuntime | undefined> {
  const fromHome = javaHome ? path.join(javaHome, 'bin', 'java') : undefined;
  const command = fromHome && existsSync(fromHome) ? fromHome : 'java';
  const result = await runCommand(command, ['-version'], { timeoutMs: 15_000 });
  if (result.code !== 0) return undefined;
  const majorVersion = parseJavaMajorVersion(result.stderr + result.stdout);
  return majorVersion === undefined ? undefined : { command, majorVersion };
}

/** Major version from `java -version` output (`"1.8.0_392"` is 8, `"17.0.15"` is 17). */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
