import { startWorker } from './worker';

const config = {
  NODE_ENV: 'test' as const,
  HOST: '127.0.0.1',
  PORT: 0,
  LOG_LEVEL: 'silent' as const,
  LOG_PRETTY: false,
  METRICS_ENABLED: true,
  GATEWAY_SIGNING_KEY: 'k'.repeat(32),
  GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS: 30,
};

describe('startWorker', () => {
  it('answers /health, reports readiness and runs the shutdown hooks in order', async () => {
    let databaseUp = true;
    const stopped: string[] = [];
    const worker = await startWorker({
      name: 'worker-under-test',
      config,
      handleSignals: false,
      readiness: [{ name: 'database', check: async () => { if (!databaseUp) throw new Error('connection refused'); } }],
      onShutdown: [
        { name: 'consumer', run: () => stopped.push('consumer') },
        { name: 'database', run: () => stopped.push('database') },
      ],
    });
    const health = await fetch(`${worker.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'worker-under-test' });

    expect((await fetch(`${worker.baseUrl}/ready`)).status).toBe(200);
    databaseUp = false;
    const notReady = await fetch(`${worker.baseUrl}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, failed: ['database'] });

    expect((await fetch(`${worker.baseUrl}/graphql`)).status).toBe(404);
    await worker.stop();
    await worker.stop();
    expect(stopped).toEqual(['consumer', 'database']);
  });
});
