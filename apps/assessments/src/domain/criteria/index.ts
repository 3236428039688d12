export * from './criteria.repository';
export * from './criteria.rules';
export * from './criteria.types';
