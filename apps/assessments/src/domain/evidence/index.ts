export * from './evidence.rules';
export * from './evidence.service';
export * from './evidence.storage';
export * from './evidence.types';
