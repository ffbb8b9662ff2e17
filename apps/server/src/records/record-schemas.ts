import { z } from 'zod';

/** A patient key: a local patient number or pseudonym (letters, digits, `.`, `_`, `-`), never a fødselsnummer. */
export const PatientKeySchema = z
  .string()
  .regex(/^[\p{L}\d._-]{1,64}$/u)
  .refine((key) => !/^\d{11}$/.test(key), { message: 'Bruk ikke fødselsnummer som pasientnøkkel' });

/** POST /api/records/{patientKey}/documents: a file as text or base64 (PDF, JSON, text). */
export const ImportRecordDocumentBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    text: z.string().optional(),
    contentBase64: z.string().optional(),
    importedBy: z.string().trim().min(1).max(200).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.contentBase64 === undefined), {
    message: 'Send enten text eller contentBase64',
    path: ['text'],
  });

/** POST /api/records/{patientKey}/questions. */
export const AskRecordBodySchema = z.object({
  question: z.string().trim().min(3).max(500),
  /** `auto`: the language model when one is configured for `summary`, else the built-in retrieval. */
  engine: z.enum(['auto', 'builtin']).default('auto'),
  askedBy: z.string().trim().min(1).max(200).optional(),
});

/** GET /api/records/{patientKey}/search?q=…&limit=…. */
export const SearchRecordQuerySchema = z.object({
  q: z.string().trim().min(1).max(300),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const CitationSchema = z.object({
  documentId: z.string(),
  documentName: z.string(),
  passageId: z.string(),
  page: z.number().optional(),
  date: z.string().optional(),
  quote: z.string(),
  label: z.string(),
});

const SummaryItemSchema = z.object({
  text: z.string(),
  date: z.string().optional(),
  detail: z.string().optional(),
  citations: z.array(CitationSchema),
});

/** A record summary. */
export const RecordSummarySchema = z.object({
  problems: z.array(SummaryItemSchema),
  medicines: z.array(SummaryItemSchema),
  allergies: z.array(SummaryItemSchema),
  keyResults: z.array(SummaryItemSchema),
  timeline: z.array(SummaryItemSchema),
  documentCount: z.number(),
  passageCount: z.number(),
});

/** An answer with its citations. */
export const RecordAnswerSchema = z.object({
  question: z.string(),
  answer: z.string(),
  found: z.boolean(),
  method: z.enum(['extractive', 'model']),
  date: z.string().optional(),
  value: z.string().optional(),
  citations: z.array(CitationSchema),
  support: z.enum(['supported', 'inferred', 'unsupported', 'contradicted']).optional(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** A stored record document without its passages. */
export const RecordDocumentSummarySchema = z.object({
  id: z.string(),
  patientKey: z.string(),
  name: z.string(),
  kind: z.string(),
  pageCount: z.number().optional(),
  passageCount: z.number(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  importedBy: z.string(),
  importedAt: z.string(),
});

/** The documents of a record. */
export const RecordDocumentListSchema = z.object({ items: z.array(RecordDocumentSummarySchema) });

/** Search hits. */
export const RecordSearchResultSchema = z.object({
  items: z.array(
    z.object({
      passageId: z.string(),
      text: z.string(),
      date: z.string().optional(),
      score: z.number(),
      citation: CitationSchema,
    }),
  ),
});
