export * from './pledge.types';
export * from './pledge.errors';
export * from './pledge.rules';
export * from './pledge.policy';
export * from './pledge.repository';
export * from './pledge.service';
export * from './pledge-query.service';
export * from './pledge-csv';
