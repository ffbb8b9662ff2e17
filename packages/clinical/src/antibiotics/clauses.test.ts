import { describe, expect, it } from 'vitest';
import { buildClauses, findMentions, isNegatedAt, splitIntoSentences } from './clauses';
import { wordStartRegExp } from './spoken-text';
import { transcriptOf } from './test-transcripts';

describe('splitIntoSentences', () => {
  it('keeps a pause inside the sentence so a dictated value stays with its label', () => {
    expect(splitIntoSentences('Jeg måler temperaturen... 38,4. Så lytter jeg.')).toEqual([
      'Jeg måler temperaturen... 38,4.',
      'Så lytter jeg.',
    ]);
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(splitIntoSentences('Rødmen er ca. 10 cm bred. Den er varm.')).toEqual([
      'Rødmen er ca. 10 cm bred.',
      'Den er varm.',
    ]);
  });
});

describe('buildClauses', () => {
  it('marks what the patient says about a relative, and the pronoun sentence after it', () => {
    const clauses = buildClauses(
      transcriptOf([
        [
          'pasient',
          'Jeg har vondt i halsen. Broren min hadde lungebetennelse i vinter. Han ble innlagt. Jeg har ikke hostet.',
        ],
      ]),
    );
    expect(clauses.map((clause) => clause.aboutOther)).toEqual([false, true, true, false]);
  });

  it('treats a relative speaking about their own complaints as not about the patient, but their account of the patient as about the patient', () => {
    const clauses = buildClauses(
      transcriptOf([
        ['pårørende', 'Hun har hatt feber i to dager.'],
        ['pårørende', 'Jeg har så vondt i ryggen selv.'],
        ['pårørende', 'Jeg målte 39,1 i natt.'],
      ]),
    );
    expect(clauses.map((clause) => clause.aboutOther)).toEqual([false, true, false]);
  });

  it('marks safety-net advice as conditional', () => {
    const [advice, finding] = buildClauses(
      transcriptOf([['lege', 'Hvis du får høy feber, må du ringe. Temperaturen er 37,2.']]),
    );
    expect(advice?.isConditional).toBe(true);
    expect(finding?.isConditional).toBe(false);
  });

  it('links the doctor question to the reply, skipping empty interpreter placeholders', () => {
    const clauses = buildClauses(
      transcriptOf([
        ['lege', 'Har du feber?'],
        ['tolk', '(tolker til arabisk)'],
        ['pasient', '(svarer på arabisk)'],
        ['tolk', 'Nei, ingen feber.'],
      ]),
    );
    expect(clauses[0]?.answer).toBe('no');
    expect(clauses[0]?.answerSegmentId).toBe('s4');
  });

  it('reads "nei" to a negated question as confirming the negation, and "jo" as contradicting it', () => {
    const negatedNo = buildClauses(
      transcriptOf([
        ['lege', 'Du er ikke gravid?'],
        ['pasient', 'Nei.'],
      ]),
    );
    const negatedJo = buildClauses(
      transcriptOf([
        ['lege', 'Du er ikke gravid?'],
        ['pasient', 'Jo, i uke ti.'],
      ]),
    );
    const pattern = wordStartRegExp('gravid');
    expect(findMentions(negatedNo, pattern)[0]?.polarity).toBe('negative');
    expect(findMentions(negatedJo, pattern)[0]?.polarity).toBe('positive');
  });
});

describe('isNegatedAt', () => {
  it('sees a negation just before the word', () => {
    const text = 'nei, ingen hoste.';
    expect(isNegatedAt(text, text.indexOf('hoste'))).toBe(true);
  });

  it('does not take a verb negation for the symptom ("hjelper ikke på denne typen hoste")', () => {
    const text = 'antibiotika hjelper ikke på denne typen hoste.';
    expect(isNegatedAt(text, text.indexOf('hoste'))).toBe(false);
  });

  it('does not carry a negation across a comma to a new finding', () => {
    const text = 'ikke hoven, men rød og varm.';
    expect(isNegatedAt(text, text.indexOf('rød'))).toBe(false);
  });
});
