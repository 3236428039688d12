export * from './nominee';
export * from './person-facts';
