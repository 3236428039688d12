export * from './window.types';
export * from './window.errors';
export * from './window.rules';
export * from './window.repository';
export * from './window.service';
export * from './unit-window';
