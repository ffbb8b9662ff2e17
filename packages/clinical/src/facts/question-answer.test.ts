import { describe, expect, it } from 'vitest';
import { composeAnswer, readAnswer, readQuestion } from './question-answer';

function answer(
  question: string | string[],
  reply: string,
  language: 'nb' | 'en' = 'nb',
): string | undefined {
  return composeAnswer(readQuestion(question, language), readAnswer(reply, language), language)?.text;
}

describe('question and answer (nb)', () => {
  it('turns a denial into a negative statement', () => {
    expect(answer('Har du feber?', 'Nei, ikke som jeg har merket.')).toBe('Ingen feber.');
    expect(answer('Er du tung i pusten?', 'Nei.')).toBe('Ikke tung i pusten.');
    expect(answer('Feber, vekttap, nattesvette?', 'Nei.')).toBe('Ingen feber, vekttap, nattesvette.');
    expect(answer('Hoster du?', 'Nei.')).toBe('Ingen hoste.');
  });

  it('keeps a confirmed symptom positive and adds what the answer says', () => {
    expect(answer('Har du hatt feber?', 'Ja, jeg målte 38,9 i går kveld.')).toBe(
      'Feber, jeg målte 38,9 i går kveld.',
    );
    expect(answer('Hoster du mer enn vanlig?', 'Ja.')).toBe('Hoster mer enn vanlig.');
  });

  it('writes denied allergies the way GPs do', () => {
    expect(answer(['Allergier?', 'Penicillin for eksempel?'], 'Nei.')).toBe(
      'Ingen kjente allergier mot legemidler.',
    );
    expect(answer('Allergier?', 'Nei.')).toBe('Ingen kjente allergier.');
  });

  it('marks an unsure answer as uncertain', () => {
    const composed = composeAnswer(
      readQuestion('Har du sett blod i urinen?', 'nb'),
      readAnswer('Vet ikke, kanskje.', 'nb'),
      'nb',
    );
    expect(composed?.polarity).toBe('uncertain');
  });

  it('completes a short answer to a which-question', () => {
    expect(answer('Hvilket kne?', 'Venstre.')).toBe('Venstre kne.');
  });

  it('does not negate a topic the answer affirms ("Nei, jeg tåler det fint")', () => {
    expect(answer(['Tåler du Ibux?'], 'Nei, jeg tåler det fint.')).toBeUndefined();
    expect(answer(['Tåler du Ibux?', 'Noe magesår eller astma?'], 'Nei, jeg tåler det fint.')).toMatch(
      /^Ingen magesår eller astma/u,
    );
  });

  it('answers the question the reply takes up', () => {
    expect(answer('Bruker du noen faste medisiner?', 'Bare p-piller.')).toBe('Bruker p-piller.');
  });
});

describe('question and answer (en)', () => {
  it('writes a denial as "Denies …"', () => {
    expect(answer('Do you have any chest pain?', 'No.', 'en')).toBe('Denies chest pain.');
    expect(answer('Any fever or chills?', 'Nope.', 'en')).toBe('Denies fever or chills.');
  });
  it('does not drop a negation inside the answer', () => {
    const reading = readAnswer("No, I tried to give blood but I didn't qualify.", 'en');
    expect(reading.residual).toContain("didn't");
  });
});

describe('drugs tolerated (nb, en)', () => {
  it('writes no known allergies and the drug taken before when the answer to an allergy question says so', () => {
    expect(answer(['Allergier?', 'Amoksicillin?'], 'Nei, jeg har fått amoksicillin mange ganger.')).toBe(
      'Ingen kjente allergier, tålt amoksicillin tidl.',
    );
    expect(answer(['Allergier?', 'Penicillin?'], 'Nei, jeg har fått penicillin flere ganger.')).toBe(
      'Ingen kjente allergier, tålt penicillin tidl.',
    );
    expect(answer('Any allergies?', "No, I've had amoxicillin before.", 'en')).toBe(
      'No known allergies, has tolerated amoxicillin.',
    );
  });

  it('claims no tolerance when the drug was never taken or the question was not about allergy', () => {
    expect(answer('Allergier?', 'Nei, jeg har aldri fått amoksicillin.')).not.toMatch(/tålt/u);
    expect(answer('Har du vondt i magen?', 'Nei, jeg har fått amoksicillin.')).not.toMatch(/tålt/u);
  });
});
