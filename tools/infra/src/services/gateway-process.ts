import { freePort } from './free-port';
import { type ServiceProcess, startServiceProcess } from './service-process';

/**
 * `GATEWAY_LIMITS` with the per-caller rate limits raised to `points` (anonymous and authenticated; the other limits as
 * configured): tests and benchmarks send everything from one address and a few subjects, and would measure the limiter.
 */
export function raisedRateLimits(points: number): string {
  return JSON.stringify({ rateLimits: { anonymous: { points }, authenticated: { points } } });
}

/** The gateway (`apps/gateway/src/main.ts`, committed supergraph) as a process on a free port, ready once `/health` answers. */
export async function startGatewayService(env: Record<string, string>, onOutput?: (line: string) => void): Promise<ServiceProcess> {
  return startServiceProcess({ name: 'gateway', entry: 'apps/gateway/src/main.ts', port: await freePort(), readyPath: '/health', env, onOutput });
}

/** An `onOutput` that prints a service's warnings, errors and lines that are not JSON log records (stack traces), prefixed by its name. */
export function printWarnings(name: string): (line: string) => void {
  return (line) => {
    if (/"level":(40|50|60)/.test(line) || !line.startsWith('{')) process.stdout.write(`[${name}] ${line}\n`);
  };
}
