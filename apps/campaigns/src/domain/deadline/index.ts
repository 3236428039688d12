export * from './deadline.types';
export * from './deadline.rules';
export * from './deadline.repository';
export * from './deadline-scheduler';
