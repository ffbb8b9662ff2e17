export * from './templates';
export * from './render';
export * from './personal-template';
