export * from './training.types';
export * from './training.rules';
export * from './training.repository';
export * from './training.service';
