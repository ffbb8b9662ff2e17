import { describe, expect, it } from 'vitest';
import { structureNoteText } from './structure-note-text';

const outline = (text: string, template?: string) =>
  structureNoteText(text, {
    language: template === 'aci' ? 'en' : 'nb',
    ...(template ? { template } : {}),
  }).sections.map((section) => [section.id, section.statements.map((statement) => statement.text)]);

describe('structureNoteText', () => {
  it('splits a Norwegian note into template sections and sentences', () => {
    expect(
      outline(
        'Aktuelt: Sår hals i 3 d. Ingen hoste.\nUs.: T 38,6.\n**Vurdering:** Tonsillitt.\nTiltak\nPenicillin.',
      ),
    ).toEqual([
      ['aktuelt', ['Sår hals i 3 d.', 'Ingen hoste.']],
      ['undersokelse', ['T 38,6.']],
      ['vurdering', ['Tonsillitt.']],
      ['tiltak', ['Penicillin.']],
    ]);
  });

  it('recognises ACI headings on their own line and keeps text before the first heading', () => {
    expect(
      outline('Seen today.\nCHIEF COMPLAINT\n\nKnee pain.\nASSESSMENT AND PLAN\nRest. Ice.', 'aci'),
    ).toEqual([
      ['chief_complaint', ['Seen today.', 'Knee pain.']],
      ['assessment_and_plan', ['Rest.', 'Ice.']],
    ]);
  });

  it('does not take a sentence that merely starts with a title word as a heading', () => {
    expect(outline('Aktuelt: Vondt.\nUsikker på varighet.')).toEqual([
      ['aktuelt', ['Vondt.', 'Usikker på varighet.']],
    ]);
  });

  it('gives statement ids unique within the note and no evidence', () => {
    const note = structureNoteText('Aktuelt: A. B.\nAktuelt: C.', { language: 'nb' });
    expect(note.sections).toHaveLength(1);
    expect(note.sections[0]?.statements.map((statement) => [statement.id, statement.evidence])).toEqual([
      ['aktuelt-1', []],
      ['aktuelt-2', []],
      ['aktuelt-3', []],
    ]);
  });
});
