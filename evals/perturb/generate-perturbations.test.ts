import { describe, expect, it } from 'vitest';
import type { Transcript } from '@kollega/domain';
import { parseNoteText } from '@kollega/clinical';
import { generatePerturbations } from './generate-perturbations';
import { createRandom } from './random';

const transcript: Transcript = {
  segments: [
    { id: 's1', speaker: 'pasient', text: 'Jeg har vondt i høyre øre siden i går. Kona mi har astma.' },
    {
      id: 's2',
      speaker: 'lege',
      text: 'Temperaturen er 38,4. Jeg skriver ut penicillin 660 mg fire ganger daglig i 5 dager.',
    },
  ],
};
const note = parseNoteText(
  'Aktuelt: Øresmerter h. øre siden i går. Ingen hoste.\nUs.: T 38,4.\nTiltak: Resept penicillin 660 mg x 4 i 5 d.',
  { language: 'nb' },
);
const eligible = new Set(
  note.sections.flatMap((section) => section.statements.map((statement) => statement.id)),
);

function run(seed: number) {
  return generatePerturbations({
    language: 'nb',
    transcript,
    note,
    eligible,
    random: createRandom(seed),
    perCategory: 3,
  });
}

describe('generatePerturbations', () => {
  it('makes every kind of error, each a real change of one statement', () => {
    const perturbations = [1, 2, 3, 4, 5].flatMap((seed) => run(seed));
    const categories = new Set(perturbations.map((perturbation) => perturbation.category));
    for (const category of [
      'laterality',
      'value',
      'dose',
      'frequency',
      'duration',
      'negation',
      'drug',
      'diagnosis',
      'relative',
      'time',
    ]) {
      expect(categories.has(category as never), category).toBe(true);
    }
    for (const perturbation of perturbations) {
      expect(perturbation.text).not.toBe(perturbation.original);
      const statement = perturbation.note.sections
        .flatMap((section) => section.statements)
        .find((candidate) => candidate.id === perturbation.statementId);
      expect(statement?.text).toBe(perturbation.text);
    }
  });

  it('swaps the side, keeps the rest of the statement', () => {
    const laterality = run(2).find((perturbation) => perturbation.category === 'laterality');
    expect(laterality?.text).toBe('Øresmerter v. øre siden i går.');
  });

  it('moves a relative’s condition to the patient and inserts only drugs and diagnoses absent from the transcript', () => {
    const perturbations = run(3);
    expect(
      perturbations.find((perturbation) => perturbation.category === 'relative')?.text.toLowerCase(),
    ).toContain('astma');
    for (const inserted of perturbations.filter(
      (perturbation) => perturbation.category === 'drug' && perturbation.original === undefined,
    )) {
      expect(inserted.text.toLowerCase()).not.toContain('penicillin');
    }
  });

  it('is reproducible for a seed', () => {
    expect(run(5).map((perturbation) => perturbation.text)).toEqual(
      run(5).map((perturbation) => perturbation.text),
    );
  });
});

describe('generatePerturbations: laterality', () => {
  it('does not swap the side inside the name of a heart chamber ("venstre ventrikkel")', () => {
    const heart = parseNoteText(
      'Us.: EKG: ingen tegn til venstre ventrikkelbelastning.\nAktuelt: Smerter i venstre skulder.',
      { language: 'nb' },
    );
    const all = new Set(
      heart.sections.flatMap((section) => section.statements.map((statement) => statement.id)),
    );
    const perturbations = [1, 2, 3, 4, 5].flatMap((seed) =>
      generatePerturbations({
        language: 'nb',
        transcript,
        note: heart,
        eligible: all,
        random: createRandom(seed),
        perCategory: 3,
      }).filter((perturbation) => perturbation.category === 'laterality'),
    );
    expect(perturbations.some((perturbation) => perturbation.text.includes('høyre skulder'))).toBe(true);
    expect(perturbations.some((perturbation) => perturbation.text.includes('høyre ventrikkel'))).toBe(false);
  });

  it('inserts no drug the transcript names by a trade name', () => {
    const ibux: Transcript = {
      segments: [
        { id: 's1', speaker: 'pasient', text: 'Jeg har vondt i ryggen, og Ibux hjelper litt.' },
        {
          id: 's2',
          speaker: 'lege',
          text: 'Du kan fortsette med Ibux 400 mg tre ganger daglig i noen dager.',
        },
      ],
    };
    const back = parseNoteText('Aktuelt: Ryggsmerter.\nTiltak: Ibux 400 mg x 3.', { language: 'nb' });
    const all = new Set(
      back.sections.flatMap((section) => section.statements.map((statement) => statement.id)),
    );
    const inserted = Array.from({ length: 40 }, (_, seed) => seed + 1).flatMap((seed) =>
      generatePerturbations({
        language: 'nb',
        transcript: ibux,
        note: back,
        eligible: all,
        random: createRandom(seed),
        perCategory: 4,
      }).filter((perturbation) => perturbation.category === 'drug'),
    );
    expect(inserted.length).toBeGreaterThan(0);
    expect(inserted.some((perturbation) => /ibuprofen/i.test(perturbation.text))).toBe(false);
  });
});
