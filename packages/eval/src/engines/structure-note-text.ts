import type { Language, Note, NoteSection } from '@kollega/domain';
import { defaultTemplateId, findTemplate } from '@kollega/clinical';

/** Options for `structureNoteText`. */
export interface StructureNoteTextOptions {
  language: Language;
  /** Template whose section titles mark where sections start; the language's default when absent. */
  template?: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A line opens a section when it starts with the title (any case, optional Markdown `#`/`**`) followed by
 * a colon, the end of the line, or — for titles written with a full stop, like "Us." — a space.
 */
function createHeadingPattern(title: string): RegExp {
  const bare = title.replace(/[.:]+$/, '');
  const dotted = title.endsWith('.');
  return new RegExp(
    `^[#*\\s]*${escapeRegExp(bare)}\\.?[*]*\\s*(?::[*]*\\s*|$${dotted ? '|(?<=\\.)\\s+' : ''})`,
    'iu',
  );
}

/**
 * Turns a note that exists only as text (a model answered in prose) into a `Note`, so the verifier can
 * check it: a line that starts with a section title of the template ("Aktuelt:", "CHIEF COMPLAINT")
 * opens that section, every sentence becomes a statement with no evidence (the verifier searches the
 * transcript itself). Text before the first title goes into the first section.
 */
export function structureNoteText(text: string, options: StructureNoteTextOptions): Note {
  const template = findTemplate(options.template ?? defaultTemplateId(options.language));
  const known = (template?.sections ?? []).map((section) => ({
    ...section,
    pattern: createHeadingPattern(section.title),
  }));
  const sections: NoteSection[] = [];
  let current: NoteSection | undefined;
  const sectionFor = (id: string, title: string): NoteSection => {
    const existing = sections.find((section) => section.id === id);
    if (existing) return existing;
    const created: NoteSection = { id, title, statements: [] };
    sections.push(created);
    return created;
  };
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trim();
    if (line === '') continue;
    for (const section of known) {
      const match = section.pattern.exec(line);
      if (!match) continue;
      current = sectionFor(section.id, section.title);
      line = line.slice(match[0].length).trim();
      break;
    }
    current ??= sectionFor(known[0]?.id ?? 'note', known[0]?.title ?? '');
    const target = current;
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const statementText = sentence.trim();
      if (statementText === '') continue;
      target.statements.push({
        id: `${target.id}-${target.statements.length + 1}`,
        text: statementText,
        evidence: [],
        support: 'unverified',
      });
    }
  }
  return { template: template?.id ?? 'text', language: options.language, sections };
}
