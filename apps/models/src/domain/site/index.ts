export * from './site.types';
export * from './site.errors';
export * from './site.repository';
export * from './site.service';
export * from './site-query.service';
