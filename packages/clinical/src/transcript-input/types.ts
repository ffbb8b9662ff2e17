import type { ConsultationSetting, Language, Transcript } from '@kollega/domain';

/** Input formats `parseTranscriptInput` reads; `auto` picks one from the file name, then the content. */
export const TRANSCRIPT_INPUT_FORMATS = ['auto', 'json', 'jsonl', 'text', 'vtt', 'srt'] as const;
/** An input format; see `TRANSCRIPT_INPUT_FORMATS`. */
export type TranscriptInputFormat = (typeof TRANSCRIPT_INPUT_FORMATS)[number];

/** One consultation read from an input file. */
export interface ParsedConsultation {
  /** The id the consultation had in the file (`id` of a JSON object), if any. */
  externalId?: string;
  title?: string;
  /** The language given in the file, or else detected from the transcript text. */
  language: Language;
  setting?: ConsultationSetting;
  /** Segments `s1, s2, …` in order; generic speaker labels arrive as role `annen` with `label` kept. */
  transcript: Transcript;
  /** The JSON object's other fields (`reference_note`, `key_facts`, …) as they were; `{}` for other formats. */
  extra: Record<string, unknown>;
}
