export { createGateway, type GatewayOptions } from './gateway';
export { AssertionDataSource, type GatewayContext } from './assertion-data-source';
export { loadGatewayConfig, type GatewayConfig } from './config';
