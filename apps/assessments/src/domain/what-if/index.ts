export * from './what-if-year';
export * from './what-if-criteria';
