import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPICS } from '@antt/contracts';
import { parseAllDocuments } from 'yaml';
import { dependencyClosure, requiredPackages } from './stage-service';

const K8S = path.resolve(__dirname, '../../../../infra/k8s');

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}

interface Container {
  name: string;
  startupProbe?: unknown;
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
}

function read(folder: string): Manifest[] {
  const dir = path.join(K8S, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) => parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((doc) => doc.toJS() as Manifest))
    .filter((manifest) => manifest !== null);
}

const base = read('base');
const production = read('overlays/production');
const named = (manifests: Manifest[], kind: string) => manifests.filter((manifest) => manifest.kind === kind);

describe('infra/k8s', () => {
  const deployments = named(base, 'Deployment');

  it('runs the gateway and every built subgraph as a Deployment with a Service and a disruption budget', () => {
    const names = deployments.map((deployment) => deployment.metadata.name).sort();
    expect(names).toEqual(['assessments', 'awards', 'campaigns', 'gateway', 'models', 'org-units']);
    for (const name of names) {
      expect(named(base, 'Service').map((service) => service.metadata.name)).toContain(name);
      expect(named(base, 'PodDisruptionBudget').map((budget) => budget.metadata.name)).toContain(name);
    }
  });

  it.each(['gateway', 'org-units', 'campaigns', 'models', 'assessments', 'awards'])('%s: replicas, probes, resources, non-root', (name) => {
    const deployment = deployments.find((candidate) => candidate.metadata.name === name);
    const spec = deployment?.spec as { replicas: number; template: { spec: PodSpec } };
    expect(spec.replicas).toBeGreaterThanOrEqual(2);
    expect(spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
    const [container] = spec.template.spec.containers;
    expect(container?.startupProbe).toBeDefined();
    expect(container?.livenessProbe?.httpGet?.path).toBe('/health');
    expect(container?.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(Object.keys(container?.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container?.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(container?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    const scaled = named(production, 'Deployment').find((candidate) => candidate.metadata.name === name);
    expect((scaled?.spec as { replicas: number }).replicas).toBeGreaterThanOrEqual(3);
  });

  it('migrates each service database with a Job', () => {
    const subgraphs = named(base, 'Deployment')
      .map((deployment) => deployment.metadata.name)
      .filter((name) => name !== 'gateway');
    expect(named(base, 'Job').map((job) => job.metadata.name).sort()).toEqual([...subgraphs.map((name) => `${name}-migrate`), 'kafka-topics'].sort());
  });

  it('declares the topics of @antt/contracts as Strimzi KafkaTopics in production', () => {
    const declared = named(production, 'KafkaTopic').map((topic) => {
      const spec = topic.spec as { topicName: string; partitions: number; replicas: number; config: Record<string, string> };
      return {
        name: spec.topicName,
        partitions: spec.partitions,
        retentionMs: Number(spec.config['retention.ms']),
        cleanupPolicy: spec.config['cleanup.policy'],
        replicas: spec.replicas,
      };
    });
    expect(declared).toEqual(
      TOPICS.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions,
        retentionMs: topic.retentionMs,
        cleanupPolicy: topic.cleanupPolicy,
        replicas: 3,
      })),
    );
  });
});

describe('stage-service', () => {
  it('finds the npm packages a bundle requires, without built-ins or relative paths', () => {
    const bundle = 'require("node:fs");require("@apollo/server/errors");require("pg");import("@prisma/client/runtime/x.js");require("./local")';
    expect(requiredPackages(bundle)).toEqual(['@apollo/server', '@prisma/client', 'pg']);
  });

  it('resolves dependencies the way Node does, nested copies first, optional ones only when installed', () => {
    const packages = {
      'node_modules/a': { dependencies: { b: '1' }, optionalDependencies: { missing: '1' } },
      'node_modules/a/node_modules/b': { dependencies: { c: '1' } },
      'node_modules/b': {},
      'node_modules/c': { peerDependencies: { d: '1', e: '1' }, peerDependenciesMeta: { e: { optional: true } } },
      'node_modules/d': {},
      'node_modules/e': {},
    };
    expect(dependencyClosure(packages, ['a'])).toEqual(['node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/c', 'node_modules/d']);
  });
});
