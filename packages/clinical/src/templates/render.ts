import type { Note } from '@kollega/domain';
import { findTemplate } from './templates';
import type { NoteTemplate } from './templates';

/**
 * Renders a note as plain text for the EPJ. `inline` layout (default): one line per section,
 * `Title: statement statement …` (sections a GP writes are short; one line each is how they paste).
 * `block` layout (ACI-BENCH): the heading on its own line, then the statements as a paragraph.
 * Empty sections are left out. The layout comes from the note's template when not given.
 */
export function renderNoteText(note: Note, layout?: NoteTemplate['layout']): string {
  const chosen = layout ?? findTemplate(note.template)?.layout ?? 'inline';
  const sections = note.sections.filter((section) =>
    section.statements.some((statement) => statement.text.trim() !== ''),
  );
  if (chosen === 'block') {
    return sections
      .map((section) => {
        const paragraphs: string[] = [];
        let current: string[] = [];
        for (const statement of section.statements) {
          const text = statement.text.trim();
          if (text === '') continue;
          // a statement that starts a list item or a sub-heading starts a new paragraph
          if (/^(?:•|-|\d+\.|[A-Z][A-Za-z /]+:)/.test(text) && current.length > 0) {
            paragraphs.push(current.join(' '));
            current = [];
          }
          current.push(text);
        }
        if (current.length > 0) paragraphs.push(current.join(' '));
        return `${section.title}\n\n${paragraphs.join('\n\n')}`;
      })
      .join('\n\n');
  }
  return sections
    .map((section) => {
      const body = section.statements
        .map((statement) => statement.text.trim())
        .filter((text) => text !== '')
        .join(' ');
      return `${section.title}: ${body}`;
    })
    .join('\n');
}
