import { InfraUnavailableError } from './infra-error';
import { runCommand } from './probes/run-command';

/** A service of docker-compose.yml. */
export type ComposeService = 'postgres' | 'kafka' | 'redis';

const COMPONENT: Record<ComposeService, string> = { postgres: 'PostgreSQL', kafka: 'Kafka', redis: 'Redis' };
const ALTERNATIVE: Record<ComposeService, string> = {
  postgres: 'DATABASE_ADMIN_URL=postgres://user:password@host:port/postgres',
  kafka: 'KAFKA_BROKERS=host:port',
  redis: 'REDIS_URL=redis://host:port',
};

/** `docker compose up -d <service>` with the repository's compose file. */
export async function composeUp(composeFile: string, service: ComposeService): Promise<void> {
  const result = await runCommand('docker', ['compose', '-f', composeFile, 'up', '-d', '--wait', service], { timeoutMs: 300_000 });
  const alternative = ALTERNATIVE[service];
  if (result.code !== 0 && /unknown shorthand flag|is not a docker command|unknown command/i.test(result.stderr)) {
    throw new InfraUnavailableError(
      `${COMPONENT[service]}: a Docker engine answers but Docker Compose v2 (\`docker compose\`) is not installed; install the compose plugin or set ${alternative}.`,
    );
  }
  if (result.code !== 0) {
    throw new InfraUnavailableError(
      `${COMPONENT[service]}: Docker Compose could not start the ${service} service (${lastLine(result.stderr)}); fix Docker or set ${alternative}.`,
    );
  }
}

/** `docker compose stop <services>`: containers and volumes stay, so the next `up` keeps the data. */
export async function composeStop(composeFile: string, services: readonly ComposeService[]): Promise<void> {
  if (services.length === 0) return;
  const result = await runCommand('docker', ['compose', '-f', composeFile, 'stop', ...services], { timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`docker compose stop failed: ${lastLine(result.stderr)}`);
}

/** `docker compose start <service>` (fault tests restart a stopped broker). */
export async function composeStart(composeFile: string, service: ComposeService): Promise<void> {
  const result = await runCommand('docker', ['compose', '-f', composeFile, 'start', service], { timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`docker compose start failed: ${lastLine(result.stderr)}`);
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? 'no output';
}
