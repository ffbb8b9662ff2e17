export type { ParsedConsultation, TranscriptInputFormat } from './types';
export { TRANSCRIPT_INPUT_FORMATS } from './types';
export type { ParseTranscriptInputOptions, ConcreteInputFormat } from './parse-transcript-input';
export { parseTranscriptInput, detectInputFormat } from './parse-transcript-input';
export { parseConsultationValue } from './parse-json';
export { prepareTranscript } from './prepare-transcript';
export { mapSpeakerLabel } from './speaker-labels';
export type { MappedSpeaker } from './speaker-labels';
export { detectTranscriptLanguage } from './detect-language';
