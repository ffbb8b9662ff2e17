import { z } from 'zod';
import { CLINICAL_DOCUMENT_KINDS, REFERRAL_URGENCIES } from '@kollega/clinical';

const EvidenceSchema = z.object({
  source: z.enum(['note', 'record', 'input']),
  id: z.string(),
  label: z.string(),
  quote: z.string().optional(),
  segments: z.array(z.string()).optional(),
});

/** A section of a clinical document. */
export const ClinicalDocumentSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  evidence: z.array(EvidenceSchema),
  required: z.boolean().optional(),
  edited: z.boolean().optional(),
});

/** The content of a clinical document (see @kollega/clinical `ClinicalDocumentContent`). */
export const ClinicalDocumentContentSchema = z.object({
  kind: z.enum(CLINICAL_DOCUMENT_KINDS),
  title: z.string(),
  language: z.literal('nb'),
  sections: z.array(ClinicalDocumentSectionSchema),
  urgency: z.enum(REFERRAL_URGENCIES).optional(),
  icpc2: z.object({ code: z.string(), title: z.string() }).optional(),
  receiver: z.string().optional(),
});

const NameSchema = z.string().trim().min(1).max(200);

/** POST /api/consultations/{id}/documents: what to draft and what the doctor adds. */
export const DraftDocumentBodySchema = z.object({
  kind: z.enum(CLINICAL_DOCUMENT_KINDS),
  receiver: z.string().trim().max(300).optional(),
  question: z.string().trim().max(2000).optional(),
  urgency: z.enum(REFERRAL_URGENCIES).optional(),
  purpose: z.string().trim().max(500).optional(),
  icpc2Code: z.string().trim().max(10).optional(),
  /** Include the summary of this patient's imported record. */
  patientKey: z.string().trim().max(64).optional(),
  createdBy: NameSchema.optional(),
});

/** PUT /api/documents/{documentId}: the edited section texts at a version. */
export const EditDocumentBodySchema = z.object({
  version: z.number().int().positive(),
  sections: z.array(z.object({ id: z.string().min(1), text: z.string().max(20_000) })).min(1),
  editedBy: NameSchema.optional(),
});

/** POST /api/documents/{documentId}/approve. */
export const ApproveDocumentBodySchema = z.object({
  approvedBy: NameSchema,
  version: z.number().int().positive(),
});

/** A clinical document as the API returns it. */
export const ClinicalDocumentViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  noteId: z.string(),
  kind: z.enum(CLINICAL_DOCUMENT_KINDS),
  version: z.number(),
  status: z.enum(['draft', 'approved']),
  content: ClinicalDocumentContentSchema,
  /** Sections that still hold a placeholder or are required and empty; approval waits for them. */
  incompleteSections: z.array(z.string()),
  createdBy: z.string(),
  approvedBy: z.string().optional(),
  approvedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/consultations/{id}/documents. */
export const ClinicalDocumentListSchema = z.object({
  note: z
    .object({
      id: z.string(),
      status: z.enum(['draft', 'approved']),
      approvedBy: z.string().optional(),
      approvedAt: z.string().optional(),
    })
    .nullable(),
  items: z.array(ClinicalDocumentViewSchema),
});

/** Export formats in a path. */
export const ExportFormatSchema = z.enum(['text', 'fhir', 'pdf']);

/** GET …/export/{format}?icpc2System=…: no identifiers in URLs (they would reach the logs). */
export const ExportQuerySchema = z.object({
  icpc2System: z.enum(['icpc-2', 'volven', 'both']).optional(),
});

/** POST /api/notes/{noteId}/export: a FHIR export with the patient's identifiers in the body. */
export const ExportNoteBodySchema = z.object({
  format: ExportFormatSchema,
  icpc2System: z.enum(['icpc-2', 'volven', 'both']).optional(),
  icpc2Code: z.string().trim().max(10).optional(),
  patient: z
    .object({
      name: z.string().trim().max(200).optional(),
      personNumber: z.string().trim().max(20).optional(),
    })
    .optional(),
  hprNumber: z.string().trim().max(20).optional(),
});
