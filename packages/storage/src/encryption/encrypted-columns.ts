/** A table with encrypted text columns, each value bound to the row's `id`. */
export interface EncryptedTable {
  table: string;
  columns: readonly string[];
}

/**
 * Every encrypted column: what holds patient text (transcripts and titles, notes, verification with its
 * quotes, edit diffs, questionnaire answers, patient summaries, patient messages, record documents,
 * clinical documents, the doctor's reason for a decision on an antibiotic recommendation). Ids, times, statuses, codes and counts stay in clear so queries work. The
 * repositories write these columns through `FieldCipher`; `kollega keys rotate` re-encrypts exactly these.
 */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  { table: 'consultations', columns: ['title', 'transcript'] },
  { table: 'notes', columns: ['note', 'warnings', 'verification', 'dismissals'] },
  { table: 'note_edits', columns: ['diff'] },
  { table: 'questionnaires', columns: ['answers', 'assessment'] },
  { table: 'patient_summaries', columns: ['summary'] },
  {
    table: 'patient_messages',
    columns: ['sender', 'message', 'red_flags', 'reasons', 'suggested_reply', 'reply'],
  },
  { table: 'record_documents', columns: ['name', 'passages', 'warnings'] },
  { table: 'clinical_documents', columns: ['content', 'request'] },
  { table: 'decision_support_decisions', columns: ['reason'] },
];
