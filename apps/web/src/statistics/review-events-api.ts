/** Records that the doctor opened a statement's evidence (fire and forget; ids only, no text). */
export function recordEvidenceOpened(noteId: string, statementId: string): void {
  void fetch(`/api/notes/${encodeURIComponent(noteId)}/review-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'evidence_opened', statementId }),
  }).catch(() => undefined);
}
