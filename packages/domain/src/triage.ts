import { z } from 'zod';
import { LanguageSchema } from './transcript';

/**
 * How soon a patient message needs a doctor, most urgent first:
 * `akutt` = call 113 now; `samme_dag` = assessed today (own GP or legevakt 116117);
 * `innen_uke` = appointment within about a week; `rutine` = ordinary appointment or administrative handling.
 */
export const TRIAGE_URGENCIES = ['akutt', 'samme_dag', 'innen_uke', 'rutine'] as const;
/** A triage urgency; see `TRIAGE_URGENCIES`. */
export type TriageUrgency = (typeof TRIAGE_URGENCIES)[number];
/** Schema for a triage urgency. */
export const TriageUrgencySchema = z.enum(TRIAGE_URGENCIES);

/**
 * The kind of handling a message needs. A prescription or administrative request that hides a clinical
 * problem setting the urgency is `klinisk`.
 */
export const TRIAGE_CATEGORIES = ['klinisk', 'resept', 'sykmelding', 'administrativ', 'prøvesvar'] as const;
/** A triage category; see `TRIAGE_CATEGORIES`. */
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];
/** Schema for a triage category. */
export const TriageCategorySchema = z.enum(TRIAGE_CATEGORIES);

/**
 * One alarm feature found in a message.
 * - `text` is the words of the message that triggered it (several spans joined by " … ").
 * - `rule` is the id of the rule that fired (see the rule set's version in `TriageResult.rulesVersion`).
 * - `description` says what the rule detects, in Norwegian Bokmål.
 * - `urgency` is the level the rule sets on its own.
 */
export const TriageRedFlagSchema = z.object({
  text: z.string(),
  rule: z.string().min(1),
  description: z.string().min(1),
  urgency: TriageUrgencySchema,
});
/** One alarm feature found in a message; see `TriageRedFlagSchema`. */
export type TriageRedFlag = z.infer<typeof TriageRedFlagSchema>;

/**
 * The triage of one patient message.
 * - `reasons` are readable Norwegian sentences for the doctor: which rules fired, with source and evidence level.
 * - `reply` is a suggested reply to the patient in `language`; for `akutt` it tells the patient to call 113 now.
 * - `injectionAttempt` is true when the message contains instructions aimed at an automated triage
 *   ("ignorer tidligere instruksjoner…"); such text never lowers the urgency.
 * - `rulesVersion` names the version of the red-flag rule set that produced the result.
 */
export const TriageResultSchema = z.object({
  urgency: TriageUrgencySchema,
  category: TriageCategorySchema,
  redFlags: z.array(TriageRedFlagSchema),
  reasons: z.array(z.string()),
  reply: z.string().min(1),
  injectionAttempt: z.boolean(),
  language: LanguageSchema,
  rulesVersion: z.string().min(1),
});
/** The triage of one patient message; see `TriageResultSchema`. */
export type TriageResult = z.infer<typeof TriageResultSchema>;

/**
 * What a language model suggests for a message. It can only raise the rule-based urgency, never lower it.
 * `reasons` are short sentences shown to the doctor.
 */
export const TriageModelSuggestionSchema = z.object({
  urgency: TriageUrgencySchema,
  category: TriageCategorySchema.optional(),
  reasons: z.array(z.string()).optional(),
});
/** A model's triage suggestion; see `TriageModelSuggestionSchema`. */
export type TriageModelSuggestion = z.infer<typeof TriageModelSuggestionSchema>;
