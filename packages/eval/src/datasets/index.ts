export * from './read-dataset';
