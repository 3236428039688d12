import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { renderServerProperties } from './kafka/server-properties';
import { REPO_ROOT } from './paths';
import { SERVICE_DATABASES } from './service-databases';

const compose = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');

function kafkaEnvironment(): Map<string, string> {
  const kafkaSection = compose.slice(compose.indexOf('\n  kafka:'));
  const entries = [...kafkaSection.matchAll(/^\s+KAFKA_([A-Z_]+): "?([^"\n]+)"?$/gm)];
  return new Map(entries.map(([, key, value]) => [(key ?? '').toLowerCase().replace(/_/g, '.'), (value ?? '').trim()]));
}

describe('docker-compose.yml', () => {
  it('creates the same service databases as `infra up`', () => {
    const sql = readFileSync(path.join(REPO_ROOT, 'infra', 'postgres', '10-service-databases.sql'), 'utf8');
    const created = [...sql.matchAll(/^CREATE DATABASE (\w+);$/gm)].map((match) => match[1]);
    expect(created).toEqual(Object.values(SERVICE_DATABASES).map((entry) => entry.database));
  });

  it('runs Kafka with the settings of the local broker', () => {
    const local = new Map(
      renderServerProperties({ host: '127.0.0.1', port: 9092, controllerPort: 9093, dataDir: '/data' })
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const container = kafkaEnvironment();
    const networkKeys = /listener|quorum|log\.dirs|retention\.check|heap\.opts/;
    const shared = [...local.keys()].filter((key) => !networkKeys.test(key));
    expect(shared.length).toBeGreaterThan(10);
    for (const key of shared) expect([key, container.get(key)]).toEqual([key, local.get(key)]);
    expect(compose).toContain('image: ${KAFKA_IMAGE:-apache/kafka:4.1.1}');
    expect(compose).toContain('"127.0.0.1:${KAFKA_PORT:-9092}:9092"');
    expect(compose).toContain('"127.0.0.1:${POSTGRES_PORT:-5432}:5432"');
  });

  it('keeps the platform behind the `platform` profile, so that `infra up` and a plain `up` start PostgreSQL and Kafka only', () => {
    const services = (parse(compose) as { services: Record<string, { profiles?: string[] }> }).services;
    const always = Object.entries(services)
      .filter(([, service]) => !service.profiles)
      .map(([name]) => name);
    expect(always).toEqual(expect.arrayContaining(['postgres', 'kafka']));
    for (const name of ['gateway', 'org-units', 'campaigns', 'org-units-migrate', 'campaigns-migrate', 'kafka-topics']) {
      expect([name, services[name]?.profiles]).toEqual([name, ['platform']]);
    }
  });

  it('runs Redis on the address infra up probes and the gateway defaults to', () => {
    // The defaults of the image and port variables (docker-prove sets local/redis:7 and another port).
    expect(compose).toContain('\n  redis:\n    image: ${REDIS_IMAGE:-redis:7-alpine}');
    expect(compose).toContain('"127.0.0.1:${REDIS_PORT:-6379}:6379"');
  });
});
