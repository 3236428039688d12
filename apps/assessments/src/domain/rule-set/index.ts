export * from './rule-set.repository';
export * from './rule-set.types';
