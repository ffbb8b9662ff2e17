import { z } from 'zod';
import { ConsultationSettingSchema, LanguageSchema, TranscriptSchema } from './transcript';
import { NoteSchema, NoteStatusSchema } from './note';
import { FlagDismissalSchema, VerificationReportSchema } from './verification';

/** A consultation as stored: its transcript and metadata. Times are ISO 8601 strings (UTC). */
export const ConsultationSchema = z.object({
  id: z.string().min(1),
  /** The id the consultation had in an imported file, if any (e.g. `nb-dev-01`). */
  externalId: z.string().optional(),
  title: z.string(),
  language: LanguageSchema,
  setting: ConsultationSettingSchema.optional(),
  transcript: TranscriptSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A stored consultation; see `ConsultationSchema`. */
export type Consultation = z.infer<typeof ConsultationSchema>;

/** A stored note of a consultation: the draft, its edits, and the approval that locks it. */
export const NoteRecordSchema = z.object({
  id: z.string().min(1),
  consultationId: z.string().min(1),
  /** Increases by one with every saved edit; used for optimistic concurrency. */
  version: z.number().int().positive(),
  status: NoteStatusSchema,
  /** Which engine wrote the first draft: `builtin`, or a `provider:model` id. */
  engine: z.string(),
  note: NoteSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** The verifier's latest report on `note` (re-run on every edit). */
  verification: VerificationReportSchema.optional(),
  /** Flags the doctor dismissed with a reason. */
  dismissals: z.array(FlagDismissalSchema).default([]),
  /** The ICPC-2 codes the doctor chose for the note (from the official list), with the segments they rest on. */
  codes: z
    .array(
      z.object({
        system: z.literal('ICPC-2'),
        code: z.string().min(1),
        title: z.string(),
        evidence: z.array(z.string()),
      }),
    )
    .optional(),
  approvedBy: z.string().optional(),
  approvedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A stored note; see `NoteRecordSchema`. */
export type NoteRecord = z.infer<typeof NoteRecordSchema>;
