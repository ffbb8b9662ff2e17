import type { Note } from '@kollega/domain';
import type { StatementChange, StatementSnapshot } from '../repositories';

function snapshotStatements(note: Note): Map<string, StatementSnapshot> {
  const statements = new Map<string, StatementSnapshot>();
  for (const section of note.sections) {
    for (const statement of section.statements) {
      statements.set(statement.id, {
        sectionId: section.id,
        text: statement.text,
        evidence: [...statement.evidence],
      });
    }
  }
  return statements;
}

function sameSnapshot(left: StatementSnapshot, right: StatementSnapshot): boolean {
  return (
    left.sectionId === right.sectionId &&
    left.text === right.text &&
    left.evidence.length === right.evidence.length &&
    left.evidence.every((id, index) => id === right.evidence[index])
  );
}

/**
 * The per-statement changes from `before` to `after`, matched by statement id: added, removed, or changed
 * (text, evidence or section). Statements in `after` order first, then removed ones.
 */
export function diffNotes(before: Note, after: Note): StatementChange[] {
  const previous = snapshotStatements(before);
  const next = snapshotStatements(after);
  const changes: StatementChange[] = [];
  for (const [statementId, snapshot] of next) {
    const old = previous.get(statementId);
    if (!old) changes.push({ statementId, change: 'added', before: null, after: snapshot });
    else if (!sameSnapshot(old, snapshot))
      changes.push({ statementId, change: 'changed', before: old, after: snapshot });
  }
  for (const [statementId, snapshot] of previous) {
    if (!next.has(statementId))
      changes.push({ statementId, change: 'removed', before: snapshot, after: null });
  }
  return changes;
}
