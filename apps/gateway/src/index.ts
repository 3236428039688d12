export { createGateway, subgraphNames, type GatewayOptions } from './gateway';
export { GATEWAY_TRACER, SubgraphDataSource, type GatewayContext, type SubgraphCallOptions } from './subgraph-data-source';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { DEFAULT_LIMITS, resolveLimits, type GatewayLimits, type CallerLimits } from './limits';
export { GATEWAY_ERROR_CODES, type GatewayErrorCode } from './errors';
