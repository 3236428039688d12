export * from './classification.events';
export * from './classification.repository';
export * from './classification.rules';
export * from './classification.types';
