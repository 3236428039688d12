import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeSupergraph, run, type SubgraphSdl } from './compose-supergraph';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './supergraph.config';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const units: SubgraphSdl = {
  name: 'org-units',
  url: 'http://127.0.0.1:4001/graphql',
  typeDefs: `${LINK}\n type Query { unit(id: ID!): Unit }\n type Unit @key(fields: "id") { id: ID! name: String! }`,
};
const campaigns: SubgraphSdl = {
  name: 'campaigns',
  url: 'http://127.0.0.1:4002/graphql',
  typeDefs: `${LINK}\n type Query { campaigns: [Campaign!]! }\n type Campaign { id: ID! unit: Unit! }\n type Unit @key(fields: "id", resolvable: false) { id: ID! }`,
};

const models: SubgraphSdl = {
  name: 'models',
  url: 'http://127.0.0.1:4004/graphql',
  typeDefs: `${LINK}\n type Query { models: [SelfManagementModel!]! }\n type SelfManagementModel { id: ID! hostUnit: Unit! }\n type Unit @key(fields: "id", resolvable: false) { id: ID! }`,
};
const assessments: SubgraphSdl = {
  name: 'assessments',
  url: 'http://127.0.0.1:4003/graphql',
  typeDefs: `${LINK}\n type Query { ruleSets: [RuleSet!]! }\n type RuleSet { id: ID! code: String! }\n type Unit @key(fields: "id") { id: ID! classification(year: Int!): String }`,
};
const awards: SubgraphSdl = {
  name: 'awards',
  url: 'http://127.0.0.1:4005/graphql',
  typeDefs: `${LINK}\n type Query { awardForms: [String!]! }\n type Unit @key(fields: "id") { id: ID! awards: [String!]! }`,
};
const FIXTURES: Record<string, SubgraphSdl> = { 'org-units': units, campaigns, models, assessments, awards };

describe('composeSupergraph', () => {
  it('composes subgraphs into a supergraph that names each of them with its URL', () => {
    const outcome = composeSupergraph([units, campaigns]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(outcome.supergraphSdl).toContain('ORG_UNITS @join__graph(name: "org-units", url: "http://127.0.0.1:4001/graphql")');
    expect(outcome.supergraphSdl).toContain('CAMPAIGNS @join__graph(name: "campaigns", url: "http://127.0.0.1:4002/graphql")');
    expect(outcome.supergraphSdl.endsWith('}\n')).toBe(true);
  });

  it('is deterministic whatever the order of the subgraphs', () => {
    const a = composeSupergraph([units, campaigns]);
    const b = composeSupergraph([campaigns, units]);
    expect(a.ok && b.ok && a.supergraphSdl === b.supergraphSdl).toBe(true);
  });

  it('reports composition errors', () => {
    const clash: SubgraphSdl = {
      name: 'campaigns',
      url: 'http://127.0.0.1:4002/graphql',
      typeDefs: `${LINK}\n type Query { unitName: String }\n type Unit @key(fields: "id") { id: ID! name: Int! }`,
    };
    const outcome = composeSupergraph([units, clash]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join('\n')).toMatch(/Unit\.name/);
  });
});

describe('run', () => {
  let root: string;
  const messages: string[] = [];
  const out = { log: (m: string) => messages.push(m), warn: (m: string) => messages.push(m), error: (m: string) => messages.push(m) };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'supergraph-'));
    messages.length = 0;
    for (const source of SUBGRAPHS) {
      mkdirSync(path.dirname(path.join(root, source.schemaPath)), { recursive: true });
      const fixture = FIXTURES[source.name];
      if (!fixture) throw new Error(`No test fixture for subgraph ${source.name}`);
      writeFileSync(path.join(root, source.schemaPath), fixture.typeDefs);
    }
    mkdirSync(path.dirname(path.join(root, SUPERGRAPH_PATH)), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the supergraph, then --check passes until a schema changes', () => {
    expect(run(root, [], out)).toBe(0);
    const written = readFileSync(path.join(root, SUPERGRAPH_PATH), 'utf8');
    expect(written).toContain('join__Graph');
    expect(run(root, ['--check'], out)).toBe(0);
    writeFileSync(path.join(root, SUBGRAPHS[0]?.schemaPath ?? ''), units.typeDefs.replace('name: String!', 'name: String! code: String!'));
    expect(run(root, ['--check'], out)).toBe(1);
    expect(messages.at(-1)).toContain('is stale');
    expect(readFileSync(path.join(root, SUPERGRAPH_PATH), 'utf8')).toBe(written);
  });

  it('fails --check when nothing was committed', () => {
    expect(run(root, ['--check'], out)).toBe(1);
    expect(messages.at(-1)).toContain('is missing');
  });

  it('fails with the errors and writes nothing when composition fails', () => {
    writeFileSync(path.join(root, SUBGRAPHS[0]?.schemaPath ?? ''), `${LINK}\n type Query { a: Missing }`);
    expect(run(root, [], out)).toBe(1);
    expect(messages[0]).toMatch(/^Composition failed/);
    expect(() => readFileSync(path.join(root, SUPERGRAPH_PATH))).toThrow();
  });
});
