import { spawn } from 'node:child_process';
import { isAlive, isProcessRunning, terminate } from './process-control';

describe('process control', () => {
  it('terminates a process that honours SIGTERM', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const pid = child.pid as number;
    expect(isAlive(pid)).toBe(true);
    expect(isProcessRunning(pid, '-e')).toBe(true);
    expect(isProcessRunning(pid, 'kafka.Kafka')).toBe(false);
    await expect(terminate(pid, 5_000)).resolves.toBe('terminated');
    expect(isAlive(pid)).toBe(false);
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('ready')"], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    await expect(terminate(child.pid as number, 300)).resolves.toBe('killed');
  });

  it('reports a pid that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    await expect(terminate(child.pid as number, 100)).resolves.toBe('not-running');
  });
});
