export * from './discipline.service';
