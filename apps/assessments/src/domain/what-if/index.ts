export * from './what-if-year';
