import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { isProcessRunning } from './process-control';
import { startPrivateKafka } from './private-kafka';

/** Runs the fixture until it printed its broker, then SIGKILLs it: the broker outlives its owner. */
async function abandonPrivateKafka(): Promise<{ pid: number; dir: string; brokers: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../test/fixtures/abandoned-private-kafka.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const printed = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.startsWith('{'));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code}: ${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return JSON.parse(printed) as { pid: number; dir: string; brokers: string[] };
}

describe('private broker', () => {
  it('one whose owning process died is stopped and removed when the next private broker starts', async () => {
    const abandoned = await abandonPrivateKafka();
    expect(isProcessRunning(abandoned.pid, 'kafka.Kafka')).toBe(true);

    const kafka = await startPrivateKafka();
    try {
      expect(isProcessRunning(abandoned.pid, 'kafka.Kafka')).toBe(false);
      expect(existsSync(abandoned.dir)).toBe(false);
      expect(kafka.brokers).not.toEqual(abandoned.brokers);
    } finally {
      await kafka.destroy();
    }
    expect(existsSync(kafka.dir)).toBe(false);
  });
});
