/** One dependency `/ready` checks, e.g. `{ name: 'database', check: () => prisma.$queryRaw\`SELECT 1\` }`. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check: () => Promise<unknown>;
  /**
   * Default true: a failure makes the process unready (503). A non-critical failure (a gateway's subgraph: the rest of
   * the graph still answers) leaves it ready and reports it as degraded.
   */
  critical?: boolean;
}

/** What `/ready` reports: every check's outcome, and the names of those that failed. */
export interface ReadinessReport {
  /** No critical check failed. */
  ready: boolean;
  checks: Record<string, 'ok' | string>;
  failed: string[];
}

/** Runs the checks in parallel, each bounded by `timeoutMs` (default 2 s). */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      // The check runs under the timeout of the kit, whatever its own; a hung dependency cannot hold /ready.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failed = outcomes.filter(([, outcome]) => outcome !== 'ok').map(([name]) => name);
  const critical = new Set(checks.filter((check) => check.critical !== false).map((check) => check.name));
  return { ready: !failed.some((name) => critical.has(name)), checks: Object.fromEntries(outcomes), failed };
}
