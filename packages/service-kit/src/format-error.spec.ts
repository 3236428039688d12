import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { conflict, notFound } from './errors';
import { formatError, isInternalError } from './format-error';

describe('formatError', () => {
  it('maps a DomainError to its category and reason, with details', () => {
    const error = new GraphQLError('wrapped', { originalError: notFound('UNIT_NOT_FOUND', 'No unit X.', { unitId: 'X' }), path: ['unit'] });
    expect(formatError({ message: 'wrapped', path: ['unit'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at …'] } }, error)).toEqual({
      message: 'No unit X.',
      path: ['unit'],
      extensions: { code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND', unitId: 'X' },
    });
  });

  it('does not let details override code or reason', () => {
    const domain = conflict('UNIT_CODE_TAKEN', 'Taken.', { code: 'SNEAKY', reason: 'SNEAKY' });
    expect(formatError({ message: 'x' }, domain).extensions).toEqual({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
  });

  it('passes request errors through with their codes, without stack traces', () => {
    const formatted = { message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: …'] } };
    expect(formatError(formatted, new GraphQLError(formatted.message))).toEqual({
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides everything else as INTERNAL_SERVER_ERROR', () => {
    const sql = new Error('duplicate key value violates unique constraint "unit_code_key" SELECT * FROM unit');
    const wrapped = new GraphQLError(sql.message, { originalError: sql, path: ['createUnit'] });
    const formatted = { message: sql.message, path: ['createUnit'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: [sql.stack ?? ''] } };
    expect(formatError(formatted, wrapped)).toEqual({ message: 'Internal server error', path: ['createUnit'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isInternalError(formatted, wrapped)).toBe(true);
  });

  it('hides errors that invent their own codes', () => {
    expect(formatError({ message: 'db down', extensions: { code: 'ECONNREFUSED' } }, new Error('db down')).message).toBe('Internal server error');
  });

  it('formats real execution results of Apollo Server', async () => {
    const server = new ApolloServer({
      schema: buildSubgraphSchema([
        {
          typeDefs: parse('type Query { missing: String boom: String }'),
          resolvers: {
            Query: {
              missing: () => {
                throw notFound('THING_NOT_FOUND', 'No such thing.');
              },
              boom: () => {
                throw new Error('password=hunter2 at pg.query');
              },
            },
          },
        },
      ]),
      formatError,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const response = await server.executeOperation({ query: '{ missing boom }' });
    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(body?.errors).toEqual([
      { message: 'No such thing.', locations: [{ line: 1, column: 3 }], path: ['missing'], extensions: { code: 'NOT_FOUND', reason: 'THING_NOT_FOUND' } },
      { message: 'Internal server error', locations: [{ line: 1, column: 11 }], path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });
});
