/** What went wrong, so that callers (and the CLI's exit code) can tell failures apart. */
export type PrismaOfflineErrorCode =
  | 'CONFIG_INVALID'
  | 'SCHEMA_NOT_FOUND'
  | 'DATABASE_URL_MISSING'
  | 'ENGINE_ERROR'
  | 'DATA_LOSS_NOT_ACCEPTED'
  | 'UNEXECUTABLE_MIGRATION'
  | 'RESET_REQUIRED'
  | 'GENERATE_FAILED';

/** The one error type thrown by this tool; `message` is a single sentence fit for a terminal. */
export class PrismaOfflineError extends Error {
  constructor(
    readonly code: PrismaOfflineErrorCode,
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = 'PrismaOfflineError';
  }
}
