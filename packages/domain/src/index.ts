export * from './errors';
export * from './result';
export * from './transcript';
export * from './facts';
export * from './note';
export * from './consultation';
export * from './audit';
export * from './verification';
