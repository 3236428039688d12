export * from './example.types';
export * from './example.repository';
export * from './example.service';
