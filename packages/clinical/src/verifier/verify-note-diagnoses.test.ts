import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations for the diagnosis check: which words of the talk are evidence of a diagnosis.

describe('verifyNote: lay evidence of a diagnosis', () => {
  it('en: an infection of another organ is no evidence of cellulitis; an infected skin is', () => {
    const lines = [
      'D: Good morning, what brings you in today?',
      'P: I keep getting chest infections, this is the third one since the autumn.',
      'D: Any fever or cough with it?',
      'P: A cough with yellow phlegm, and a temperature last night.',
      'D: And the spot on your leg?',
      'P: The doctor at the walk-in said it was a skin infection around the cut, it is much better now.',
    ];
    const report = verify(
      lines,
      'PAST MEDICAL HISTORY\nRecent skin infection of the leg treated as cellulitis.\n\nASSESSMENT\nFindings are consistent with cellulitis.',
      'en',
    );
    expect(flagged(check(report, 'Recent skin infection of the leg treated as cellulitis.'))).toBe(false);

    const other = verify(
      lines.slice(0, 4),
      'ASSESSMENT\nFindings are consistent with cellulitis.\nRecurrent chest infections.',
      'en',
    );
    expect(flagged(check(other, 'Findings are consistent with cellulitis.'))).toBe(true);
    expect(flagged(check(other, 'Recurrent chest infections.'))).toBe(false);
  });
});

describe('verifyNote: a blood pressure measured is no evidence of hypertension', () => {
  it('nb: "Blodtrykk 128 over 78" does not support hypertension; a high pressure on tablets does', () => {
    const exam = [
      'L: Hva kan jeg hjelpe deg med i dag?',
      'P: Jeg har hatt feber og hoste i fire dager.',
      'L: Da undersøker jeg deg. Temperatur 38,2. Blodtrykk 128 over 78. Blodtrykket er fint.',
      'L: Det høres ut som en luftveisinfeksjon, det går over av seg selv.',
    ];
    const treated = [
      'L: Hva kan jeg hjelpe deg med i dag?',
      'P: Jeg skulle ha fornyet resepten på blodtrykksmedisinen.',
      'L: Blodtrykket var litt for høyt i fjor, men nå er det bra på amlodipin.',
      'P: Ja, jeg tar den hver morgen.',
    ];
    const note = 'Vurdering: Sannsynlig hypertensjon, ukomplisert.';
    expect(flagged(check(verify(exam, note, 'nb'), 'Sannsynlig hypertensjon, ukomplisert.'))).toBe(true);
    expect(flagged(check(verify(treated, note, 'nb'), 'Sannsynlig hypertensjon, ukomplisert.'))).toBe(false);
  });

  it('en: "your blood pressure looks good" does not support hypertension; "your blood pressure is up" does', () => {
    const lines = (pressure: string): string[] => [
      'D: What brings you in today?',
      'P: I have had a sore throat and a fever for three days.',
      `D: Let me examine you. ${pressure}`,
      'D: Your throat is red, so we will do a strep test.',
    ];
    const note = 'ASSESSMENT\nSuspected hypertension.';
    const normal = verify(lines('Your blood pressure looks good today, 122 over 76.'), note, 'en');
    const high = verify(lines('Your blood pressure is a bit up today, 156 over 94.'), note, 'en');
    expect(flagged(check(normal, 'Suspected hypertension.'))).toBe(true);
    expect(flagged(check(high, 'Suspected hypertension.'))).toBe(false);
  });
});

describe('verifyNote: a headache is no migraine until it is named', () => {
  it('en: "Suspected migraine" after talk of headaches only is flagged; migraines named are found', () => {
    const lines = (named: boolean): string[] => [
      'D: What brings you in today?',
      'P: I have had headaches most afternoons for about two weeks, behind my eyes.',
      'D: Any nausea, or trouble with bright light?',
      'P: No, none of that, it just aches.',
      named
        ? 'D: From what you describe these sound like migraines, so we will try a different tablet.'
        : 'D: It sounds like a tension headache, so try to rest your eyes and drink more water.',
    ];
    const note = 'ASSESSMENT\nSuspected migraine.';
    expect(flagged(check(verify(lines(false), note, 'en'), 'Suspected migraine.'))).toBe(true);
    expect(flagged(check(verify(lines(true), note, 'en'), 'Suspected migraine.'))).toBe(false);
  });
});
