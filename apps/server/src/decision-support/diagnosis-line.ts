import type { NoteRecord } from '@kollega/domain';

/**
 * The note's chosen ICPC-2 codes as one line for the EPJ text: "Diagnose: R72 Streptokokkhals" (several
 * codes separated by "; "; "Diagnosis:" for an English note). Undefined when no code is chosen.
 */
export function formatDiagnosisLine(record: Pick<NoteRecord, 'codes' | 'note'>): string | undefined {
  const codes = record.codes ?? [];
  if (codes.length === 0) return undefined;
  const label = record.note.language === 'en' ? 'Diagnosis' : 'Diagnose';
  return `${label}: ${codes.map((code) => `${code.code} ${code.title}`).join('; ')}`;
}

/** Appends the diagnosis line (when codes are chosen) to a note's text. */
export function appendDiagnosisLine(text: string, record: Pick<NoteRecord, 'codes' | 'note'>): string {
  const line = formatDiagnosisLine(record);
  if (line === undefined) return text;
  return text === '' ? line : `${text}\n${line}`;
}
