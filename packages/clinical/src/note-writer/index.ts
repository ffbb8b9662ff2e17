export * from './draft-note';
