import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError } from 'graphql';
import { DomainError, ERROR_CATEGORIES } from './errors';
import { type Logger } from './logger';

/** The message every internal error is replaced with. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** Codes whose errors are safe to show as they are: request errors (parse, validation, variables) and domain categories. */
const SAFE_CODES: ReadonlySet<string> = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ...Object.values(ERROR_CATEGORIES),
]);

/**
 * True when an error must be hidden from the caller (and logged): neither a DomainError nor a request error, nor one
 * of the `publicCodes` the server adds (the gateway's limit and subgraph codes).
 */
export function isInternalError(formatted: GraphQLFormattedError, error: unknown, publicCodes: ReadonlySet<string> = new Set()): boolean {
  if (unwrapResolverError(error) instanceof DomainError) return false;
  const code = formatted.extensions?.code;
  return typeof code !== 'string' || (!SAFE_CODES.has(code) && !publicCodes.has(code));
}

/** {@link formatError} that also shows errors whose `extensions.code` is one of `publicCodes`, as they are. */
export function createFormatError(publicCodes: readonly string[]): typeof formatError {
  const codes = new Set(publicCodes);
  return (formatted, error) => formatErrorWith(formatted, error, codes);
}

/**
 * The one error formatter (Apollo `formatError`): a DomainError becomes `extensions.code` = its category and
 * `extensions.reason`; request errors keep their codes; everything else becomes "Internal server error" with code
 * INTERNAL_SERVER_ERROR. Stack traces never leave the process.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatErrorWith(formatted, error, new Set());
}

function formatErrorWith(formatted: GraphQLFormattedError, error: unknown, publicCodes: ReadonlySet<string>): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...where,
      extensions: { ...original.details, code: ERROR_CATEGORIES[original.category], reason: original.reason },
    };
  }
  if (!isInternalError(formatted, error, publicCodes)) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Logs every internal error with the request's logger (which carries the request id) before it is hidden. */
export function errorLoggingPlugin(publicCodes: readonly string[] = []): ApolloServerPlugin<{ logger?: Logger }> {
  const codes = new Set(publicCodes);
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, logger, operationName }) {
          const log = contextValue.logger;
          for (const error of errors) {
            if (!isInternalError({ message: error.message, extensions: error.extensions }, error, codes)) continue;
            const cause = unwrapResolverError(error);
            if (log) log.error({ err: cause, path: error.path, operationName }, 'internal error');
            else logger.error(`internal error: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
          }
        },
      };
    },
  };
}
