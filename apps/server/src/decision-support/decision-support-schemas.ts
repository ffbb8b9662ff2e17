import { z } from 'zod';

/** POST /api/consultations/:id/decision-support/decisions: accepted, or declined with a reason. */
export const DecisionBodySchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accepted'),
    reason: z.string().trim().max(1000).optional(),
    by: z.string().trim().min(1).max(200),
  }),
  z.object({
    action: z.literal('declined'),
    reason: z.string().trim().min(1).max(1000),
    by: z.string().trim().min(1).max(200),
  }),
]);

/** PUT /api/notes/:noteId/codes: the chosen ICPC-2 codes (empty clears them) at the note's version. */
export const ChooseCodesBodySchema = z.object({
  version: z.number().int().positive(),
  codes: z
    .array(
      z.object({
        code: z.string().trim().min(2).max(10),
        evidence: z.array(z.string().min(1).max(100)).max(50).optional(),
      }),
    )
    .max(10),
  by: z.string().trim().min(1).max(200).optional(),
});

/** GET /api/statistics/prescribing query: calendar days, inclusive. */
export const PrescribingQuerySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
});

/** One recorded decision. */
export const DecisionSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  noteId: z.string().optional(),
  action: z.enum(['accepted', 'declined']),
  reason: z.string().optional(),
  rule: z.string(),
  recommendationKind: z.string(),
  deviationCodes: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

const CodeSuggestionSchema = z.object({
  system: z.literal('ICPC-2'),
  code: z.string(),
  title: z.string(),
  score: z.number(),
  evidence: z.array(z.string()),
});

const RegimenSchema = z.object({
  drug: z.string().optional(),
  dose: z.string().optional(),
  frequency: z.string().optional(),
  durationDays: z.number().optional(),
  text: z.string(),
});

const AssessmentSchema = z.object({
  condition: z.object({
    id: z.string(),
    label: z.string(),
    ruleId: z.string(),
    evidence: z.array(z.string()),
  }),
  recommendation: RegimenSchema.extend({
    kind: z.enum(['no-antibiotic', 'delayed-prescription', 'antibiotic']),
    allergyAlternative: RegimenSchema.optional(),
  }),
  plan: z.object({ kind: z.string(), text: z.string(), evidence: z.array(z.string()) }).loose(),
  planAssessment: z.enum(['concordant', 'deviation', 'not-applicable']),
  deviations: z.array(z.object({ code: z.string(), text: z.string(), rule: z.string(), source: z.string() })),
  missing: z.array(z.string()),
  notes: z.array(z.string()),
  findings: z.array(z.object({ label: z.string(), value: z.string(), evidence: z.array(z.string()) })),
  patientAdvice: z.object({ expectedDuration: z.string(), seekHelpIf: z.array(z.string()) }),
  source: z
    .object({
      guideline: z.string(),
      section: z.string(),
      guidelineVersion: z.string(),
      sectionDate: z.string().optional(),
      ruleVersion: z.string(),
      citation: z.string(),
    })
    .loose(),
  caution: z.string().optional(),
});

/** GET /api/consultations/:id/decision-support. */
export const ConsultationDecisionSupportSchema = z.object({
  consultationId: z.string(),
  setting: z.enum(['kontor', 'telefon', 'video']).nullable(),
  factSource: z.literal('builtin'),
  codes: z.array(CodeSuggestionSchema),
  codeList: z.object({ system: z.literal('ICPC-2'), version: z.string(), source: z.string() }),
  decisionSupport: z.object({ antibiotics: AssessmentSchema.nullable() }),
  planSection: z.object({ id: z.string(), title: z.string() }).nullable(),
  suggestedPlanStatement: z.object({ text: z.string(), evidence: z.array(z.string()) }).nullable(),
  chosenCodes: z
    .object({
      noteId: z.string(),
      codes: z.array(
        z.object({
          system: z.literal('ICPC-2'),
          code: z.string(),
          title: z.string(),
          evidence: z.array(z.string()),
        }),
      ),
      listVersion: z.string(),
      chosenBy: z.string(),
      chosenAt: z.string(),
    })
    .nullable(),
  decisions: z.array(DecisionSchema),
  decision: DecisionSchema.nullable(),
});

const MonthFiguresSchema = z.object({
  month: z.string(),
  approvedNotes: z.number(),
  respiratoryInfections: z.number(),
  withAntibiotic: z.number(),
  penicillinV: z.number(),
  assessed: z.number(),
  deviations: z.number(),
});

const FiguresSchema = z.object({
  approvedNotes: z.number(),
  respiratoryInfections: z.number(),
  withAntibiotic: z.number(),
  delayedPrescriptions: z.number(),
  penicillinV: z.number(),
  antibioticShare: z.number().nullable(),
  penicillinVShare: z.number().nullable(),
  assessed: z.number(),
  deviations: z.number(),
  deviationShare: z.number().nullable(),
  codedByDoctor: z.number(),
  months: z.array(MonthFiguresSchema),
});

/** GET /api/statistics/prescribing. */
export const PrescribingMirrorSchema = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  generatedAt: z.string(),
  definition: z.object({
    respiratoryInfectionCodes: z.array(z.object({ code: z.string(), title: z.string() })),
    respiratoryInfection: z.string(),
    penicillinV: z.object({ substance: z.string(), atc: z.string() }),
    ruleSetVersion: z.string(),
    codeListVersion: z.string(),
    method: z.string(),
  }),
  practice: FiguresSchema,
  doctors: z.array(FiguresSchema.extend({ doctor: z.string() })),
});
