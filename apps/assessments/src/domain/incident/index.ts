export * from './incident.service';
export * from './incident.types';
