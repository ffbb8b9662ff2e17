import type { Note } from '@kollega/domain';

/**
 * Renders a note as plain text for the EPJ: one line per section, `Title: statement statement …`.
 * Empty sections are left out. (Sections a GP writes are short; one line each is how they paste.)
 */
export function renderNoteText(note: Note): string {
  return note.sections
    .filter((section) => section.statements.some((statement) => statement.text.trim() !== ''))
    .map((section) => {
      const body = section.statements
        .map((statement) => statement.text.trim())
        .filter((text) => text !== '')
        .join(' ');
      return `${section.title}: ${body}`;
    })
    .join('\n');
}
