/** Exponential backoff settings. */
export interface BackoffPolicy {
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/** Delay before retry number `attempt` (1-based): initial × 2^(attempt−1), capped at the maximum. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.min(exponent, 30));
}

/** Resolves after `ms`, calling `tick` at most every `tickMs` meanwhile (e.g. a consumer heartbeat). */
export async function sleepWithTicks(ms: number, tickMs: number, tick?: () => Promise<void>): Promise<void> {
  let left = ms;
  while (left > 0) {
    const step = Math.min(left, tickMs);
    await new Promise((resolve) => setTimeout(resolve, step));
    left -= step;
    if (tick && left > 0) await tick();
  }
}
