export * from './registration.types';
export * from './registration.errors';
export * from './registration.rules';
export * from './registration.repository';
export * from './registration.service';
export * from './registration-query.service';
