import { describe, expect, it } from 'vitest';
import { parseNoteText, splitNoteSentences } from './parse-note-text';

describe('parseNoteText', () => {
  it('reads the GP headings with the text on the same line', () => {
    const note = parseNoteText(
      'Aktuelt: Sår hals i 3 d. Feber 38,4.\nUs.: TH h. rød. Pulm: ua.\nVurdering: Tonsillitt.\nTiltak: Resept pc.',
      { language: 'nb' },
    );
    expect(note.template).toBe('fastlege');
    expect(note.sections.map((section) => section.id)).toEqual([
      'aktuelt',
      'undersokelse',
      'vurdering',
      'tiltak',
    ]);
    expect(note.sections[0]?.statements.map((statement) => statement.text)).toEqual([
      'Sår hals i 3 d.',
      'Feber 38,4.',
    ]);
    expect(note.sections[1]?.statements.map((statement) => statement.text)).toEqual([
      'TH h. rød.',
      'Pulm: ua.',
    ]);
    expect(note.sections[0]?.statements[0]?.evidence).toEqual([]);
  });

  it('reads S/O/A/P and English headings', () => {
    const note = parseNoteText(
      'S: Cough for 3 days.\nO: Temp 38.1. Lungs clear.\nA: Viral bronchitis.\nP: Fluids.',
      { language: 'en' },
    );
    expect(note.sections.map((section) => section.id)).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
    ]);
    expect(note.sections[1]?.statements).toHaveLength(2);
  });

  it('reads heading lines in capitals and skips sub-headings', () => {
    const note = parseNoteText(
      'CHIEF COMPLAINT\n\nKnee pain.\n\nPHYSICAL EXAMINATION\n\nSurgical\n• Knee: Tender medially.',
      { language: 'en' },
    );
    expect(note.template).toBe('aci');
    expect(note.sections.map((section) => section.id)).toEqual(['chief_complaint', 'physical_examination']);
    expect(note.sections[1]?.statements.map((statement) => statement.text)).toEqual([
      'Knee: Tender medially.',
    ]);
  });
});

describe('splitNoteSentences', () => {
  it('knows GP shorthand and decimal numbers', () => {
    expect(
      splitNoteSentences(
        'Øresmerter h. øre i 2 d. T 38,4 ca. kl. 07. TH ua. bilat. Pulm: ua. Ingen faste med. Bruker f.eks. Paracet.',
      ),
    ).toEqual([
      'Øresmerter h. øre i 2 d.',
      'T 38,4 ca. kl. 07.',
      'TH ua. bilat.',
      'Pulm: ua.',
      'Ingen faste med.',
      'Bruker f.eks. Paracet.',
    ]);
  });
});
