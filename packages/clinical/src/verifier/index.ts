export * from './verify-note';
