export * from './templates/index';
export * from './note-writer/index';
export * from './verifier/index';
export * from './speakers/index';
