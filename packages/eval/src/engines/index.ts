export * from './engine';
export * from './builtin-engine';
export * from './model-engine';
export * from './structure-note-text';
