export * from './statistics.types';
export * from './statistics.repository';
export * from './statistics.service';
