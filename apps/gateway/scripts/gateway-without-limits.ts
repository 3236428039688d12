/**
 * Our gateway with its limits off (no rate limit, batch, token, depth, alias, directive or cost check), for the benchmark of
 * what the limits cost (issue 10: "show the limits add under 5 %"; `apps/org-units/scripts/bench-subtree.ts --limits-overhead`).
 * Not a product: a benchmark target only, otherwise the same gateway, configuration and supergraph as `src/main.ts`.
 * usage: PORT=4100 ORG_UNITS_URL=http://127.0.0.1:4001/graphql tsx --tsconfig tsconfig.base.json apps/gateway/scripts/gateway-without-limits.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/gateway';

const supergraphSdl = readFileSync(path.join(__dirname, '../supergraph.graphql'), 'utf8');
createGateway({ supergraphSdl, config: loadGatewayConfig(), enforceLimits: false }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
