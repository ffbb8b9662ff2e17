import { callJson, encode } from './http';

/** Where a line of a drafted document comes from (see the server's document schemas). */
export interface DocumentEvidence {
  source: 'note' | 'record' | 'input';
  id: string;
  label: string;
  quote?: string;
  segments?: string[];
}

/** One section of a clinical document. */
export interface DocumentSection {
  id: string;
  title: string;
  text: string;
  evidence: DocumentEvidence[];
  required?: boolean;
  edited?: boolean;
}

/** The kinds of document. */
export type DocumentKind = 'henvisning' | 'legeerklaering';
/** Referral urgency. */
export type ReferralUrgency = 'ordinaer' | 'haster' | 'akutt';

/** A clinical document as the server returns it. */
export interface ClinicalDocumentView {
  id: string;
  consultationId: string;
  noteId: string;
  kind: DocumentKind;
  version: number;
  status: 'draft' | 'approved';
  content: {
    kind: DocumentKind;
    title: string;
    sections: DocumentSection[];
    urgency?: ReferralUrgency;
    icpc2?: { code: string; title: string };
    receiver?: string;
  };
  incompleteSections: string[];
  createdBy: string;
  approvedBy?: string;
  approvedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** The note's state and the consultation's documents. */
export interface ConsultationDocuments {
  note: { id: string; status: 'draft' | 'approved'; approvedBy?: string; approvedAt?: string } | null;
  items: ClinicalDocumentView[];
}

/** What the doctor gives when asking for a draft. */
export interface DraftDocumentInput {
  kind: DocumentKind;
  receiver?: string;
  question?: string;
  urgency?: ReferralUrgency;
  purpose?: string;
  icpc2Code?: string;
  patientKey?: string;
  createdBy?: string;
}

/** Export formats. */
export type ExportFormat = 'text' | 'fhir' | 'pdf';
/** ICPC-2 system URIs for FHIR. */
export type Icpc2System = 'icpc-2' | 'volven' | 'both';

/** The note state and documents of a consultation. */
export function listConsultationDocuments(consultationId: string): Promise<ConsultationDocuments> {
  return callJson(`/api/consultations/${encode(consultationId)}/documents`);
}

/** Drafts a referral or certificate from the approved note. */
export function draftDocument(
  consultationId: string,
  input: DraftDocumentInput,
): Promise<ClinicalDocumentView> {
  return callJson(`/api/consultations/${encode(consultationId)}/documents`, { body: input });
}

/** Saves edited section texts at a version. */
export function saveDocument(
  documentId: string,
  input: { version: number; sections: Array<{ id: string; text: string }>; editedBy?: string },
): Promise<ClinicalDocumentView> {
  return callJson(`/api/documents/${encode(documentId)}`, { method: 'PUT', body: input });
}

/** Approves a document in a doctor's name. */
export function approveDocument(
  documentId: string,
  input: { approvedBy: string; version: number },
): Promise<ClinicalDocumentView> {
  return callJson(`/api/documents/${encode(documentId)}/approve`, { body: input });
}

/** The download address of an approved note's export. */
export function noteExportUrl(
  noteId: string,
  format: ExportFormat,
  icpc2System: Icpc2System = 'icpc-2',
): string {
  return `/api/notes/${encode(noteId)}/export/${format}${format === 'fhir' && icpc2System !== 'icpc-2' ? `?icpc2System=${icpc2System}` : ''}`;
}

/** The download address of an approved document's export. */
export function documentExportUrl(documentId: string, format: ExportFormat): string {
  return `/api/documents/${encode(documentId)}/export/${format}`;
}
