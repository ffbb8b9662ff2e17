export * from './templates';
export * from './render';
