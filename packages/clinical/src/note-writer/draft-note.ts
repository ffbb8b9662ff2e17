import type {
  ConsultationSetting,
  Fact,
  Language,
  Note,
  NoteStyle,
  Transcript,
  WithWarnings,
} from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { defaultTemplateId, findTemplate } from '../templates/templates';
import { renderNoteText } from '../templates/render';

/** Options for `draftNote`. */
export interface DraftNoteOptions {
  language: Language;
  /** Template id (`fastlege`, `soap`, `aci`); defaults to the language's default. */
  template?: string;
  style?: NoteStyle;
  setting?: ConsultationSetting;
}

/** A drafted note with the facts behind it and its rendered text. */
export interface DraftedNote {
  note: Note;
  facts: Fact[];
  text: string;
}

/**
 * Drafts a note with the built-in engine. Deterministic, offline.
 * PLACEHOLDER for the foundation: the engine issue replaces the body with real fact extraction.
 */
export function draftNote(transcript: Transcript, options: DraftNoteOptions): WithWarnings<DraftedNote> {
  const templateId = options.template ?? defaultTemplateId(options.language);
  const template = findTemplate(templateId);
  if (!template)
    throw new AppError('invalid_input', `Ukjent mal: ${templateId}`, { details: { template: templateId } });
  const patientSegments = transcript.segments.filter(
    (segment) => segment.speaker !== 'lege' && segment.text.split(/\s+/).length > 3,
  );
  const sections = template.sections.map((section, index) => ({
    id: section.id,
    title: section.title,
    statements:
      index === 0
        ? patientSegments.map((segment, position) => ({
            id: `${section.id}-${position + 1}`,
            text: segment.text,
            evidence: [segment.id],
            support: 'unverified' as const,
          }))
        : [],
  }));
  const note: Note = { template: template.id, language: options.language, sections };
  const warnings =
    patientSegments.length === 0
      ? [{ code: 'no_consultation', message: 'Ingen konsultasjon registrert.' }]
      : [];
  return { value: { note, facts: [], text: renderNoteText(note) }, warnings };
}
