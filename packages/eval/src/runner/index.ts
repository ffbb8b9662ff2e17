export * from './results-file';
export * from './summarize';
export * from './run-evaluation';
