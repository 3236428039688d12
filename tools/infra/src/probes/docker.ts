import { runCommand } from './run-command';

/** True when a Docker engine answers (`docker info` succeeds), not merely when the client is installed. */
export async function dockerEngineAnswers(): Promise<boolean> {
  const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 });
  return result.code === 0 && result.stdout.trim().length > 0;
}
