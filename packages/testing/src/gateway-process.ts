import { freePort, raisedRateLimits, type ServiceProcess, startGatewayService, startServiceProcess } from '@antt/infra';

/**
 * The real gateway (`apps/gateway`, committed supergraph) as a process on a free port, routed to the given subgraph URLs,
 * e.g. `{ ORG_UNITS_URL: subgraph.url }`. Tests then call it as a client would, with bearer tokens.
 */
export async function startGatewayProcess(subgraphUrls: Record<string, string>): Promise<ServiceProcess> {
  return startGatewayService({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // A test sends every request from one address and a few subjects: rate limits out of the way, the other limits kept.
    GATEWAY_LIMITS: raisedRateLimits(100_000),
    ...subgraphUrls,
  });
}

/**
 * Hive Gateway (`apps/gateway/scripts/hive-gateway.ts`) as its own process over the given subgraphs, with the same variables
 * as ours: the comparison target of the gateway benchmark (issue 10), not a product.
 */
export async function startHiveGatewayProcess(variables: Record<string, string>, args: readonly string[] = []): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'hive-gateway',
    entry: 'apps/gateway/scripts/hive-gateway.ts',
    args,
    port: await freePort(),
    readyPath: '/healthcheck',
    env: { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...variables },
  });
}

/**
 * Our gateway with its limits off (`apps/gateway/scripts/gateway-without-limits.ts`) as a process, rate limits raised as in
 * {@link startGatewayProcess}: the comparison target that prices the limits in the gateway benchmark (issue 10), not a product.
 */
export async function startGatewayWithoutLimitsProcess(subgraphUrls: Record<string, string>): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'gateway-without-limits',
    entry: 'apps/gateway/scripts/gateway-without-limits.ts',
    port: await freePort(),
    readyPath: '/health',
    env: { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', GATEWAY_LIMITS: raisedRateLimits(100_000), ...subgraphUrls },
  });
}

