export * from './identity';
export * from './domain-error';
export * from './user-token';
export * from './gateway-assertion';
export * from './policies';
export * from './read-policy';
export * from './dev-token';
export * from './dev-secrets';
