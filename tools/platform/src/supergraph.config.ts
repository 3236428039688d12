/** One subgraph of the supergraph: its schema file (relative to the workspace root) and its default URL. */
export interface SubgraphSource {
  name: string;
  schemaPath: string;
  url: string;
}

/** Every subgraph the gateway serves. The gateway may override each URL at run time (e.g. ORG_UNITS_URL). */
export const SUBGRAPHS: readonly SubgraphSource[] = [
  { name: 'org-units', schemaPath: 'apps/org-units/src/schema.graphql', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'campaigns', schemaPath: 'apps/campaigns/src/schema.graphql', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'assessments', schemaPath: 'apps/assessments/src/schema.graphql', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'models', schemaPath: 'apps/models/src/schema.graphql', url: 'http://127.0.0.1:4004/graphql' },
  { name: 'awards', schemaPath: 'apps/awards/src/schema.graphql', url: 'http://127.0.0.1:4005/graphql' },
];

/** Where the composed supergraph is committed. */
export const SUPERGRAPH_PATH = 'apps/gateway/supergraph.graphql';
