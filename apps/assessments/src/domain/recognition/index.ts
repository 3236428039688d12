export * from './recognising-body';
export * from './recognition.errors';
export * from './recognition.events';
export * from './recognition.repository';
export * from './recognition.service';
export * from './recognition.types';
