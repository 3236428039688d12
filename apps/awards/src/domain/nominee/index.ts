export * from './nominee';
