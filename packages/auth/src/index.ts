export * from './identity';
export * from './domain-error';
export * from './user-token';
export * from './gateway-assertion';
export * from './policies';
export * from './dev-token';
export * from './dev-secrets';
