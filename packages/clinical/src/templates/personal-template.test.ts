import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { createPersonalTemplate, learnAbbreviations } from './personal-template';
import { renderNoteText } from './render';
import { sectionContents } from './templates';

describe('personal templates', () => {
  it('maps headings to content by what they mean and keeps their order', () => {
    const template = createPersonalTemplate({
      name: 'Dr. Berg',
      headings: ['Årsak', 'Anamnese', 'Funn', 'Lab', 'Vurdering', 'Plan'],
    });
    expect(template.sections.map((section) => section.title)).toEqual([
      'Årsak',
      'Anamnese',
      'Funn',
      'Lab',
      'Vurdering',
      'Plan',
    ]);
    expect(template.sections.map((section) => sectionContents(section)[0])).toEqual([
      'chief-complaint',
      'chief-complaint',
      'examination',
      'results',
      'assessment',
      'plan',
    ]);
  });

  it('gives every kind of content a home, even with few headings', () => {
    const template = createPersonalTemplate({ name: 'Kort', headings: ['S', 'O', 'A/P'] });
    const all = template.sections.flatMap((section) => sectionContents(section));
    for (const content of ['history', 'examination', 'results', 'assessment', 'plan'] as const)
      expect(all).toContain(content);
  });

  it('learns the GP’s abbreviations from an example note', () => {
    expect(learnAbbreviations('Vondt hø. kne. Pulm u.a. Henvist ortoped. Temp 38.')).toEqual(
      expect.arrayContaining([
        ['h.', 'hø.'],
        ['ua.', 'u.a.'],
        ['henv.', 'henvist'],
        ['T', 'Temp'],
      ]),
    );
    expect(learnAbbreviations('h. kne, ua.')).toEqual([]);
  });

  it('rejects a template without headings', () => {
    expect(() => createPersonalTemplate({ name: 'Tom', headings: [] })).toThrow(AppError);
  });

  it('renders block layout with headings on their own lines', () => {
    const text = renderNoteText(
      {
        template: 'aci',
        language: 'en',
        sections: [
          {
            id: 'a',
            title: 'CHIEF COMPLAINT',
            statements: [{ id: 'a1', text: 'Knee pain.', evidence: ['s1'], support: 'unverified' }],
          },
          { id: 'b', title: 'RESULTS', statements: [] },
        ],
      },
      'block',
    );
    expect(text).toBe('CHIEF COMPLAINT\n\nKnee pain.');
  });
});
