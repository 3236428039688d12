export * from './commune-rule';
