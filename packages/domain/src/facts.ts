import { z } from 'zod';

/** Kinds of clinical fact the built-in engine extracts. */
export const FACT_KINDS = [
  'complaint',
  'symptom',
  'finding',
  'measurement',
  'medication',
  'allergy',
  'diagnosis',
  'history',
  'family-history',
  'social',
  'prescription',
  'referral',
  'sick-leave',
  'test',
  'follow-up',
  'advice',
  'plan',
] as const;
/** A fact kind; see `FACT_KINDS`. */
export type FactKind = (typeof FACT_KINDS)[number];

/** Whether a fact is present (`positive`), absent (`negative`) or uncertain. */
export const PolaritySchema = z.enum(['positive', 'negative', 'uncertain']);
/** A fact's polarity; see `PolaritySchema`. */
export type Polarity = z.infer<typeof PolaritySchema>;

/** Side of the body: right, left, or both. */
export const LateralitySchema = z.enum(['høyre', 'venstre', 'bilateral']);
/** A laterality; see `LateralitySchema`. */
export type Laterality = z.infer<typeof LateralitySchema>;

/** Who a fact is about: the patient, a relative (family history/exposure) or someone else. */
export const FactSubjectSchema = z.enum(['patient', 'relative', 'other']);
/** A fact's subject; see `FactSubjectSchema`. */
export type FactSubject = z.infer<typeof FactSubjectSchema>;

/**
 * A clinical fact drawn from the transcript.
 * - `text` is the fact as note shorthand in the note's language ("Ingen feber.").
 * - `value`/`unit` hold a measured or prescribed quantity ("38,6" / "°C", "660 mg x 4").
 * - `time` is the onset, duration or period in words ("3 d", "siden i sommer", "i fjor").
 * - `evidence` lists the ids of the segments the fact came from; never empty.
 */
export const FactSchema = z.object({
  kind: z.enum(FACT_KINDS),
  text: z.string().min(1),
  value: z.string().optional(),
  unit: z.string().optional(),
  polarity: PolaritySchema,
  laterality: LateralitySchema.optional(),
  time: z.string().optional(),
  subject: FactSubjectSchema.default('patient'),
  evidence: z.array(z.string().min(1)).min(1),
});
/** A clinical fact; see `FactSchema`. */
export type Fact = z.infer<typeof FactSchema>;
