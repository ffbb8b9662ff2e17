export * from './verify-note';
export { parseNoteText, splitNoteSentences } from './parse-note-text';
export type { ParseNoteTextOptions } from './parse-note-text';
