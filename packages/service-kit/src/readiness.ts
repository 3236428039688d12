/** One dependency `/ready` checks, e.g. `{ name: 'database', check: () => prisma.$queryRaw\`SELECT 1\` }`. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check: () => Promise<unknown>;
}

/** What `/ready` reports: every check's outcome, and the names of those that failed. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
  failed: string[];
}

/** Runs the checks in parallel, each bounded by `timeoutMs` (default 2 s). */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
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
  return { ready: failed.length === 0, checks: Object.fromEntries(outcomes), failed };
}
