import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

const supergraphSdl = readFileSync(path.join(__dirname, '../supergraph.graphql'), 'utf8');
createGateway({ supergraphSdl, config: loadGatewayConfig() }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
