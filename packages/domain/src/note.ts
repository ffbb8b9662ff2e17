import { z } from 'zod';
import { LanguageSchema } from './transcript';

/**
 * How well a statement is supported by the transcript:
 * - `supported`: its content is in the evidence segments;
 * - `inferred`: a reasonable clinical reformulation or conclusion of the evidence (e.g. an assessment);
 * - `unsupported`: its content is not found in the transcript;
 * - `contradicted`: the transcript says otherwise (number, side, negation, time, person);
 * - `unverified`: not yet checked by the verifier.
 */
export const SUPPORT_LABELS = ['supported', 'inferred', 'unsupported', 'contradicted', 'unverified'] as const;
/** A support label; see `SUPPORT_LABELS`. */
export type Support = (typeof SUPPORT_LABELS)[number];
export const SupportSchema = z.enum(SUPPORT_LABELS);

/** One sentence of a note with the transcript segments behind it. */
export const StatementSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  evidence: z.array(z.string()),
  support: SupportSchema.default('unverified'),
  /** True when the doctor marked the statement internal: never shown to the patient (patient summary). */
  internal: z.boolean().optional(),
});
/** One sentence of a note; see `StatementSchema`. */
export type Statement = z.infer<typeof StatementSchema>;

/** A note section (`aktuelt`, `undersokelse`, …) with its display title and statements. */
export const NoteSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  statements: z.array(StatementSchema),
});
/** A note section; see `NoteSectionSchema`. */
export type NoteSection = z.infer<typeof NoteSectionSchema>;

/** Writing style: terse GP shorthand by default. */
export const NOTE_STYLES = ['kort', 'normal', 'utfyllende'] as const;
/** A writing style; see `NOTE_STYLES`. */
export type NoteStyle = (typeof NOTE_STYLES)[number];
export const NoteStyleSchema = z.enum(NOTE_STYLES);

/** A structured journal note: a template id and its sections in order. */
export const NoteSchema = z.object({
  template: z.string().min(1),
  language: LanguageSchema,
  sections: z.array(NoteSectionSchema),
});
/** A structured journal note; see `NoteSchema`. */
export type Note = z.infer<typeof NoteSchema>;

/** Lifecycle of a stored note: a draft until a named doctor approves it, then locked. */
export const NoteStatusSchema = z.enum(['draft', 'approved']);
/** A note's status; see `NoteStatusSchema`. */
export type NoteStatus = z.infer<typeof NoteStatusSchema>;
