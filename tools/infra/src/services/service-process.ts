import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../paths';

/** How to run one of the platform's services as its own process. */
export interface ServiceProcessOptions {
  /** Shown in logs and errors, e.g. `org-units`. */
  name: string;
  /** Entry file relative to the repository root, e.g. `apps/org-units/src/main.ts`. */
  entry: string;
  /** Arguments after the entry (none by default). */
  args?: readonly string[];
  port: number;
  /** Environment on top of this process's (PORT is set from `port`). */
  env: Record<string, string>;
  /** Path polled until it answers 200: `/ready` for subgraphs, `/health` for the gateway. */
  readyPath?: string;
  readyTimeoutMs?: number;
  /** Receives each line the service prints; default: kept in memory and shown if start-up fails. */
  onOutput?: (line: string) => void;
}

/** A running service process. */
export interface ServiceProcess {
  name: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/graphql` */
  graphqlUrl: string;
  child: ChildProcess;
  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. Resolves when the process exited. */
  stop(graceMs?: number): Promise<void>;
  /** Ends the process at once (a crash, for fault tests). */
  kill(): Promise<void>;
}

const TSCONFIG = path.join(REPO_ROOT, 'tsconfig.base.json');

// kafkajs 2.2.4 schedules a negative timeout on Node 24; the warning is harmless and would drown the logs.
function nodeOptions(): string {
  return [process.env.NODE_OPTIONS, '--disable-warning=TimeoutNegativeWarning'].filter(Boolean).join(' ');
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a service on the Node that runs this process, with tsx as a loader (not the tsx CLI, which runs the service in a
 * second process and SIGKILLs it when it does not acknowledge a relayed SIGTERM within 30 ms, as happens on a loaded
 * machine), and resolves once its `readyPath` answers 200. `stop()` and `kill()` thus reach the service itself.
 * Rejects with the service's last output if it exits or does not become ready in time.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const recent: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: nodeOptions(), TSX_TSCONFIG_PATH: TSCONFIG, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', onLine);
  child.stderr?.on('data', onLine);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  const readyUrl = `${baseUrl}${options.readyPath ?? '/ready'}`;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with code ${child.exitCode} while starting:\n${recent.join('\n')}`);
    }
    const ok = await fetch(readyUrl).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready at ${readyUrl} in time:\n${recent.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    name: options.name,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    child,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
    async kill() {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}
