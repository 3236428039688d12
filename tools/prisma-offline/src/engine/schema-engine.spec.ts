import { PrismaOfflineError } from '../errors';
import { summarizeEngineMessage, toOfflineError } from './schema-engine';

describe('engine errors', () => {
  const engineMessage = [
    'external connector error',
    'Error accessing result set, column not found: nope',
    '   0: sql_schema_connector::apply_migration::apply_script',
    '           with migration_name="20990101000000_bad"',
  ].join('\n');

  it('keep the first two lines, without the span trace', () => {
    expect(summarizeEngineMessage(engineMessage)).toBe('external connector error: Error accessing result set, column not found: nope');
  });

  it('become PrismaOfflineError with the full text in details', () => {
    const error = toOfflineError(new Error(engineMessage));
    expect(error).toBeInstanceOf(PrismaOfflineError);
    expect(error.code).toBe('ENGINE_ERROR');
    expect(error.details).toBe(engineMessage);
  });

  it('read the JSON error objects the engine may reject with', () => {
    expect(toOfflineError({ error_code: 'P3009', message: 'failed migrations' }).message).toBe('P3009: failed migrations');
  });
});
