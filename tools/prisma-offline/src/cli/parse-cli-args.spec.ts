import { parseCliArgs, UsageError } from './parse-cli-args';

describe('parseCliArgs', () => {
  const env = { DATABASE_URL: 'postgresql://env@h/db' };

  it('parses every verb', () => {
    expect(parseCliArgs(['generate', 'apps/org-units'], {})).toEqual({ verb: 'generate', projectRoot: 'apps/org-units' });
    expect(parseCliArgs(['migrate', 'deploy', 'apps/x'], env)).toEqual({ verb: 'migrate deploy', projectRoot: 'apps/x', databaseUrl: 'postgresql://env@h/db' });
    expect(parseCliArgs(['migrate', 'status', 'apps/x', '--url', 'postgresql://flag@h/db'], env)).toEqual({
      verb: 'migrate status',
      projectRoot: 'apps/x',
      databaseUrl: 'postgresql://flag@h/db',
    });
    expect(parseCliArgs(['check', 'apps/x'], env)).toMatchObject({ verb: 'check' });
    expect(parseCliArgs(['migrate', 'dev', 'apps/x', '--name', 'init', '--create-only'], env)).toEqual({
      verb: 'migrate dev',
      projectRoot: 'apps/x',
      databaseUrl: 'postgresql://env@h/db',
      name: 'init',
      createOnly: true,
      acceptDataLoss: false,
    });
  });

  it.each([
    [['migrate'], /Unknown command/],
    [['push', 'apps/x'], /Unknown command/],
    [['check'], /exactly one project folder/],
    [['check', 'a', 'b'], /exactly one project folder/],
    [['migrate', 'dev', 'apps/x'], /--name/],
    [['check', 'apps/x', '--bogus'], /bogus/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });

  it('needs a database URL for database verbs only', () => {
    expect(() => parseCliArgs(['migrate', 'deploy', 'apps/x'], {})).toThrow(UsageError);
    expect(() => parseCliArgs(['migrate', 'deploy', 'apps/x'], {})).toThrow(/--url or set DATABASE_URL/);
  });
});
