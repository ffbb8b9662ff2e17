import type { Note } from '@kollega/domain';
import type { NoteEdit } from '@kollega/storage';

/** A statement's text per statement id, the way a note stood at one version. */
export type StatementTexts = Map<string, string>;

/** The statement texts of a note by id. */
export function readStatementTexts(note: Note): StatementTexts {
  const texts: StatementTexts = new Map();
  for (const section of note.sections) {
    for (const statement of section.statements) texts.set(statement.id, statement.text);
  }
  return texts;
}

/** True for the edit a re-draft records (the engine replaced the draft; `draftedBy` is `<engine>:redraft`). */
export function isRedraft(edit: NoteEdit): boolean {
  return edit.editedBy.endsWith(':redraft');
}

/** The doctor's edits: those after the last re-draft (a re-draft starts a new first draft). */
export function listDoctorEdits(edits: readonly NoteEdit[]): NoteEdit[] {
  let lastRedraft = -1;
  edits.forEach((edit, index) => {
    if (isRedraft(edit)) lastRedraft = index;
  });
  return edits.slice(lastRedraft + 1);
}

/**
 * Rebuilds the first draft the doctor saw from the approved note by undoing the doctor's edits, newest first
 * (an added statement is removed, a removed one put back at the end of its section, a changed one restored).
 */
export function reconstructFirstDraft(approved: Note, edits: readonly NoteEdit[]): Note {
  const sections = approved.sections.map((section) => ({
    ...section,
    statements: section.statements.map((statement) => ({ ...statement })),
  }));
  const doctorEdits = listDoctorEdits(edits);
  for (const edit of [...doctorEdits].reverse()) {
    for (const change of edit.diff) {
      for (const section of sections) {
        section.statements = section.statements.filter((statement) => statement.id !== change.statementId);
      }
      const before = change.before;
      if (before === null) continue;
      let section = sections.find((candidate) => candidate.id === before.sectionId);
      if (section === undefined) {
        section = { id: before.sectionId, title: before.sectionId, statements: [] };
        sections.push(section);
      }
      section.statements.push({
        id: change.statementId,
        text: before.text,
        evidence: [...before.evidence],
        support: 'unverified',
      });
    }
  }
  return { ...approved, sections };
}

/** Character-level Levenshtein distance (insertions, deletions and substitutions each cost 1). */
export function measureLevenshteinDistance(first: string, second: string): number {
  const a = [...first];
  const b = [...second];
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (a[row - 1] === b[column - 1] ? 0 : 1);
      current.push(Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How much of a note the doctor changed: the Levenshtein distance per statement (matched by id; an added or
 * removed statement counts in full) over the characters of the longer version of each statement — so the
 * rate is in [0, 1].
 */
export function measureEditedCharacters(
  firstDraft: StatementTexts,
  approved: StatementTexts,
): { changedCharacters: number; comparedCharacters: number } {
  let changedCharacters = 0;
  let comparedCharacters = 0;
  for (const id of new Set([...firstDraft.keys(), ...approved.keys()])) {
    const before = firstDraft.get(id) ?? '';
    const after = approved.get(id) ?? '';
    changedCharacters += measureLevenshteinDistance(before, after);
    comparedCharacters += Math.max([...before].length, [...after].length);
  }
  return { changedCharacters, comparedCharacters };
}
