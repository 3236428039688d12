const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
// P1001 unreachable, P1002 timed out, P1008 operation timed out, P1017 connection closed, P2024 pool timeout, P2028 transaction API error.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// Class 08 connection exceptions, 57P0x shutdown, 53300 too many connections, 40001/40P01 serialization and deadlock.
const SQLSTATE = /^(08...|57P0.|53300|40001|40P01)$/;

function codesOf(error: unknown, depth = 0): string[] {
  if (error === null || typeof error !== 'object' || depth > 3) return [];
  const { code, cause, message } = error as { code?: unknown; cause?: unknown; message?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const terminated = typeof message === 'string' && /Connection terminated|connection closed|Can't reach database/i.test(message);
  return [...own, ...(terminated ? ['ECONNRESET'] : []), ...codesOf(cause, depth + 1)];
}

/**
 * Whether a failure is about the database being unreachable or busy rather than about the event: such failures are
 * never dead-lettered; the message is left uncommitted and re-read once the consumer restarts.
 */
export function isInfrastructureError(error: unknown): boolean {
  return codesOf(error).some((code) => NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code));
}
