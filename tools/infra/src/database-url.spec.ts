import { databaseUrl, describePostgresUrl } from './database-url';

describe('databaseUrl', () => {
  it('swaps only the database, keeping credentials and parameters', () => {
    expect(databaseUrl('postgres://user:p%40ss@db.local:5433/postgres?sslmode=require', 'antt_org_units')).toBe(
      'postgres://user:p%40ss@db.local:5433/antt_org_units?sslmode=require',
    );
  });

  it('works on a URL without a database', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432', 'h1_x')).toBe('postgres://postgres@127.0.0.1:5432/h1_x');
  });
});

describe('describePostgresUrl', () => {
  it('shows host and port, never the password', () => {
    expect(describePostgresUrl('postgres://u:secret@10.0.0.5:6543/postgres')).toBe('10.0.0.5:6543');
    expect(describePostgresUrl('postgres://u:secret@db/postgres')).toBe('db:5432');
  });
});
