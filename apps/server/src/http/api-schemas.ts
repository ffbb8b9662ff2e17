import { z } from 'zod';
import {
  ConsultationSchema,
  ConsultationSettingSchema,
  LanguageSchema,
  NoteSchema,
  NoteStatusSchema,
  NoteStyleSchema,
} from '@kollega/domain';
import { AppError, APP_ERROR_CODES } from '@kollega/domain';

/** One turn in a JSON request: the speaker label as given (`lege`, `doctor`, `Speaker 1` …) and its text. */
export const TurnInputSchema = z.object({
  speaker: z.string().min(1).max(100),
  text: z.string(),
  start: z.number().nonnegative().optional(),
  end: z.number().nonnegative().optional(),
});

const TitleSchema = z.string().trim().min(1).max(200);

/** POST /api/consultations with turns. */
export const CreateConsultationFromTurnsSchema = z.object({
  title: TitleSchema.optional(),
  language: LanguageSchema.optional(),
  setting: ConsultationSettingSchema.optional(),
  transcript: z.array(TurnInputSchema),
});

/** The input formats a request may name. */
export const InputFormatSchema = z.enum(['auto', 'json', 'jsonl', 'text', 'vtt', 'srt']);

/** POST /api/consultations with the content of a transcript file (any supported format). */
export const CreateConsultationFromContentSchema = z.object({
  title: TitleSchema.optional(),
  language: LanguageSchema.optional(),
  setting: ConsultationSettingSchema.optional(),
  format: InputFormatSchema.optional(),
  filename: z.string().max(255).optional(),
  content: z.string(),
});

/** POST /api/consultations: either form. */
export const CreateConsultationBodySchema = z.union([
  CreateConsultationFromTurnsSchema,
  CreateConsultationFromContentSchema,
]);

/** Several consultations created from one JSON Lines input. */
export const ConsultationItemsSchema = z.object({ items: z.array(ConsultationSchema) });

/** One row of GET /api/consultations. */
export const ConsultationSummarySchema = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  title: z.string(),
  language: LanguageSchema,
  setting: ConsultationSettingSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  segmentCount: z.number().int().nonnegative(),
  noteStatus: z.union([NoteStatusSchema, z.literal('none')]),
  noteId: z.string().optional(),
});

/** GET /api/consultations. */
export const ConsultationListSchema = z.object({ items: z.array(ConsultationSummarySchema) });

/** POST /api/consultations/:id/note. */
export const DraftNoteBodySchema = z.object({
  template: z.string().min(1).max(50).optional(),
  style: NoteStyleSchema.optional(),
});

/** PUT /api/notes/:noteId. */
export const EditNoteBodySchema = z.object({
  version: z.number().int().positive(),
  note: NoteSchema,
  editedBy: z.string().trim().min(1).max(200).optional(),
});

/** POST /api/notes/:noteId/dismissals. */
export const DismissFlagBodySchema = z.object({
  flagId: z.string().min(1).max(200),
  reason: z.string().trim().min(1).max(1000),
  by: z.string().trim().min(1).max(200),
});

/** POST /api/notes/:noteId/approve. */
export const ApproveNoteBodySchema = z.object({
  approvedBy: z.string().trim().min(1).max(200),
  version: z.number().int().positive(),
});

/** GET /api/health. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  engine: z.string(),
  version: z.string(),
});

/** GET /api/templates. */
export const TemplateListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      language: LanguageSchema,
      sections: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
});

const StatementSnapshotSchema = z.object({
  sectionId: z.string(),
  text: z.string(),
  evidence: z.array(z.string()),
});

/** GET /api/notes/:noteId/edits. */
export const NoteEditListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      noteId: z.string(),
      fromVersion: z.number().int(),
      toVersion: z.number().int(),
      editedBy: z.string(),
      at: z.string(),
      diff: z.array(
        z.object({
          statementId: z.string(),
          change: z.enum(['added', 'removed', 'changed']),
          before: StatementSnapshotSchema.nullable(),
          after: StatementSnapshotSchema.nullable(),
        }),
      ),
    }),
  ),
});

/** Every error response. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
});

function valueAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates a request body with a zod schema; a failure becomes `invalid_input` naming the field (never the
 * value). An absent body counts as `{}`.
 */
export function parseRequestBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join('.');
  const message =
    field === ''
      ? 'Ugyldig forespørsel: ventet et JSON-objekt'
      : valueAtPath(input, path) === undefined
        ? `Mangler feltet «${field}»`
        : `Ugyldig verdi i feltet «${field}»`;
  throw new AppError('invalid_input', message, {
    details: { ...(field === '' ? {} : { field }), issue: issue?.code ?? 'invalid' },
  });
}
