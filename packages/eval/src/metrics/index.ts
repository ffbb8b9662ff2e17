export * from './tokenize';
export * from './rouge';
export * from './key-facts';
export * from './verification-metrics';
export * from './cost';
export * from './statistics';
export * from './score-case';
