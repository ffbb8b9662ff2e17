export * from './templates/index';
export * from './note-writer/index';
