import { callJson, encode } from '../documents/http';

/** Where a record statement comes from. */
export interface RecordCitation {
  documentId: string;
  documentName: string;
  passageId: string;
  page?: number;
  date?: string;
  quote: string;
  label: string;
}

/** One summary item with its sources. */
export interface RecordSummaryItem {
  text: string;
  date?: string;
  detail?: string;
  citations: RecordCitation[];
}

/** The record summary. */
export interface RecordSummary {
  problems: RecordSummaryItem[];
  medicines: RecordSummaryItem[];
  allergies: RecordSummaryItem[];
  keyResults: RecordSummaryItem[];
  timeline: RecordSummaryItem[];
  documentCount: number;
  passageCount: number;
}

/** An imported document (without passages). */
export interface RecordDocumentSummary {
  id: string;
  name: string;
  kind: string;
  pageCount?: number;
  passageCount: number;
  warnings: Array<{ code: string; message: string }>;
  importedAt: string;
}

/** An answer with its sources. */
export interface RecordAnswer {
  question: string;
  answer: string;
  found: boolean;
  method: 'extractive' | 'model';
  date?: string;
  value?: string;
  citations: RecordCitation[];
  support?: string;
  warnings: Array<{ code: string; message: string }>;
}

/** One search hit. */
export interface RecordSearchHit {
  passageId: string;
  text: string;
  date?: string;
  score: number;
  citation: RecordCitation;
}

const base = (patientKey: string) => `/api/records/${encode(patientKey)}`;

/** The imported documents of a patient key. */
export async function listRecordDocuments(patientKey: string): Promise<RecordDocumentSummary[]> {
  return (await callJson<{ items: RecordDocumentSummary[] }>(`${base(patientKey)}/documents`)).items;
}

/** Imports one file: PDFs as base64, everything else as text. */
export async function importRecordFile(
  patientKey: string,
  file: File,
  importedBy?: string,
): Promise<RecordDocumentSummary> {
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  let body: Record<string, string>;
  if (isPdf) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let start = 0; start < bytes.length; start += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
    }
    body = { name: file.name, contentBase64: btoa(binary) };
  } else {
    body = { name: file.name, text: await file.text() };
  }
  return callJson(`${base(patientKey)}/documents`, {
    body: { ...body, ...(importedBy ? { importedBy } : {}) },
  });
}

/** The record summary. */
export function getRecordSummary(patientKey: string): Promise<RecordSummary> {
  return callJson(`${base(patientKey)}/summary`);
}

/** Searches the record. */
export async function searchRecord(patientKey: string, query: string): Promise<RecordSearchHit[]> {
  return (
    await callJson<{ items: RecordSearchHit[] }>(`${base(patientKey)}/search?q=${encode(query)}&limit=10`)
  ).items;
}

/** Asks the record a question. */
export function askRecord(patientKey: string, question: string, askedBy?: string): Promise<RecordAnswer> {
  return callJson(`${base(patientKey)}/questions`, { body: { question, ...(askedBy ? { askedBy } : {}) } });
}
