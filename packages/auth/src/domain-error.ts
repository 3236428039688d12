/**
 * The closed set of error categories a domain layer may raise. Each maps to one GraphQL `extensions.code`.
 * Anything thrown that is not a {@link DomainError} is an internal error: logged, never shown to the caller.
 *
 * Defined here, the lowest kit, so that `@antt/auth` (whose policies throw these) and `@antt/service-kit` (which
 * formats them and re-exports them as its public error API) share one class without a dependency cycle.
 */
export const ERROR_CATEGORIES = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const;
export type ErrorCategory = keyof typeof ERROR_CATEGORIES;

/**
 * An expected business failure. `reason` is a stable, SCREAMING_SNAKE machine code specific to the rule that failed
 * (e.g. `UNIT_PARENT_KIND_NOT_ALLOWED`); clients switch on `extensions.code` and `extensions.reason`.
 */
export class DomainError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly reason: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Convenience constructors so that domain code reads as the rule it enforces. */
export const badInput = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', reason, message, details);
export const notFound = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('NOT_FOUND', reason, message, details);
export const conflict = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', reason, message, details);
export const forbidden = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('FORBIDDEN', reason, message, details);
export const unauthenticated = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('UNAUTHENTICATED', reason, message, details);
