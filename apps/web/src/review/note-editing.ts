import type { Note, NoteSection, Statement } from '@kollega/domain';

/** Where and what to insert: a statement text with its evidence, into a section (created when missing). */
export interface StatementInsertion {
  sectionId: string;
  /** Title for the section if the note does not have it yet. */
  sectionTitle: string;
  text: string;
  evidence: readonly string[];
}

function mapSections(note: Note, update: (section: NoteSection) => NoteSection): Note {
  return { ...note, sections: note.sections.map(update) };
}

/** Returns the note with one statement's text replaced; its evidence is kept and its label reset until re-verified. */
export function replaceStatementText(note: Note, statementId: string, text: string): Note {
  return mapSections(note, (section) => ({
    ...section,
    statements: section.statements.map((statement) =>
      statement.id === statementId ? { ...statement, text, support: 'unverified' } : statement,
    ),
  }));
}

/** Returns the note without the statement `statementId`. */
export function removeStatement(note: Note, statementId: string): Note {
  return mapSections(note, (section) => ({
    ...section,
    statements: section.statements.filter((statement) => statement.id !== statementId),
  }));
}

/** A statement id not yet used in the note, derived from the section id (`tiltak-ny-1`, `tiltak-ny-2`, …). */
export function createStatementId(note: Note, sectionId: string): string {
  const used = new Set(
    note.sections.flatMap((section) => section.statements.map((statement) => statement.id)),
  );
  for (let counter = 1; ; counter += 1) {
    const candidate = `${sectionId}-ny-${counter}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Returns the note with a new statement at the end of its section (the section is appended when missing). */
export function insertStatement(
  note: Note,
  insertion: StatementInsertion,
): { note: Note; statementId: string } {
  const statementId = createStatementId(note, insertion.sectionId);
  const statement: Statement = {
    id: statementId,
    text: insertion.text,
    evidence: [...insertion.evidence],
    support: 'unverified',
  };
  const hasSection = note.sections.some((section) => section.id === insertion.sectionId);
  const sections = hasSection
    ? note.sections.map((section) =>
        section.id === insertion.sectionId
          ? { ...section, statements: [...section.statements, statement] }
          : section,
      )
    : [...note.sections, { id: insertion.sectionId, title: insertion.sectionTitle, statements: [statement] }];
  return { note: { ...note, sections }, statementId };
}
