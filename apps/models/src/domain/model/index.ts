export * from './model.types';
export * from './model.errors';
export * from './model.policy';
export * from './model.repository';
export * from './model.rules';
export * from './model.service';
export * from './model-query.service';
export * from './host-follow';
