import { runReadinessChecks } from './readiness';

describe('runReadinessChecks', () => {
  it('reports every check and names the failed ones, including those that time out', async () => {
    const report = await runReadinessChecks(
      [
        { name: 'database', check: async () => 1 },
        { name: 'kafka', check: () => Promise.reject(new Error('ECONNREFUSED')) },
        { name: 'slow', check: () => new Promise(() => undefined) },
      ],
      50,
    );
    expect(report).toEqual({
      ready: false,
      checks: { database: 'ok', kafka: 'ECONNREFUSED', slow: 'no answer within 50 ms' },
      failed: ['kafka', 'slow'],
    });
  });

  it('stays ready when only non-critical checks fail, and names them', async () => {
    const report = await runReadinessChecks([
      { name: 'database', check: async () => 1 },
      { name: 'subgraph:campaigns', critical: false, check: () => Promise.reject(new Error('unreachable')) },
    ]);
    expect(report).toEqual({ ready: true, checks: { database: 'ok', 'subgraph:campaigns': 'unreachable' }, failed: ['subgraph:campaigns'] });
  });

  it('is ready with no checks', async () => {
    await expect(runReadinessChecks([])).resolves.toEqual({ ready: true, checks: {}, failed: [] });
  });
});
