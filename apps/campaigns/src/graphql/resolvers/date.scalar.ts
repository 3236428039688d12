import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseText(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * `Date`: a calendar date as `YYYY-MM-DD`. The domain checks that the text is a real date (reason INVALID_DATE),
 * so that the refusal reaches the client through the gateway like every other rule.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => parseText(value),
  parseValue: parseText,
  parseLiteral: (ast) => parseText(ast.kind === Kind.STRING ? ast.value : undefined),
});
