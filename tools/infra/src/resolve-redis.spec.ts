import { LOCAL_REDIS_URL, type RedisProbes, resolveRedis } from './resolve-redis';

function probes(answers: { local?: boolean; docker?: boolean }): RedisProbes & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    tcpAnswers: async (host, port) => {
      asked.push(`tcp ${host}:${port}`);
      return answers.local ?? false;
    },
    dockerEngineAnswers: async () => {
      asked.push('docker');
      return answers.docker ?? false;
    },
  };
}

describe('resolveRedis', () => {
  it('takes REDIS_URL as it is, without probing', async () => {
    const machine = probes({ local: true, docker: true });
    await expect(resolveRedis('redis://cache.internal:6380/2', machine)).resolves.toEqual({ source: 'env', url: 'redis://cache.internal:6380/2' });
    expect(machine.asked).toEqual([]);
  });

  it('uses a server already listening on 127.0.0.1:6379 before Docker', async () => {
    const machine = probes({ local: true, docker: true });
    await expect(resolveRedis(undefined, machine)).resolves.toEqual({ source: 'local', url: LOCAL_REDIS_URL });
    expect(machine.asked).toEqual(['tcp 127.0.0.1:6379']);
  });

  it('starts the Docker Compose service when nothing listens and an engine answers', async () => {
    await expect(resolveRedis(undefined, probes({ docker: true }))).resolves.toEqual({ source: 'docker', url: LOCAL_REDIS_URL });
  });

  it('goes without Redis when none can be had (the gateway then counts in process)', async () => {
    await expect(resolveRedis(undefined, probes({}))).resolves.toEqual({ source: 'none' });
  });
});
