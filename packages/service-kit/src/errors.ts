import { GraphQLError } from 'graphql';
import { ERROR_CATEGORIES, type DomainError } from '@antt/auth';

// The classes live in @antt/auth (the lowest kit) so that both kits share one DomainError without a cycle.
export {
  ERROR_CATEGORIES,
  DomainError,
  badInput,
  notFound,
  conflict,
  forbidden,
  unauthenticated,
  type ErrorCategory,
} from '@antt/auth';

/** Turns a DomainError into the GraphQLError a resolver may throw. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: ERROR_CATEGORIES[error.category], reason: error.reason, ...error.details },
  });
}
