import { z } from 'zod';

/** Speaker roles in a consultation, named as Norwegian GPs name them. */
export const SPEAKER_ROLES = ['lege', 'pasient', 'pårørende', 'tolk', 'annen'] as const;
/** A speaker role; see `SPEAKER_ROLES`. */
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export const SpeakerRoleSchema = z.enum(SPEAKER_ROLES);

/** Supported note and UI languages: Norwegian Bokmål and English. */
export const LANGUAGES = ['nb', 'en'] as const;
/** A language code; see `LANGUAGES`. */
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Where the consultation took place; remote settings matter for antibiotic advice. */
export const SETTINGS = ['kontor', 'telefon', 'video'] as const;
/** A consultation setting; see `SETTINGS`. */
export type ConsultationSetting = (typeof SETTINGS)[number];
export const ConsultationSettingSchema = z.enum(SETTINGS);

/**
 * One turn of the conversation.
 * - `id` is stable within the transcript (`s1`, `s2`, …) and is what evidence points to.
 * - `start`/`end` are seconds from the start of the recording, when known.
 * - `confidence` is the recogniser's confidence in [0, 1], when known.
 * - `label` keeps the speaker label as it arrived ("Speaker 1", "doctor") when it was mapped or inferred.
 */
export const SegmentSchema = z.object({
  id: z.string().min(1),
  speaker: SpeakerRoleSchema,
  label: z.string().optional(),
  start: z.number().nonnegative().optional(),
  end: z.number().nonnegative().optional(),
  text: z.string(),
  confidence: z.number().min(0).max(1).optional(),
});
/** One turn of the conversation; see `SegmentSchema`. */
export type Segment = z.infer<typeof SegmentSchema>;

/** The consultation as text: ordered segments. */
export const TranscriptSchema = z.object({
  segments: z.array(SegmentSchema),
});
/** The consultation as text; see `TranscriptSchema`. */
export type Transcript = z.infer<typeof TranscriptSchema>;
