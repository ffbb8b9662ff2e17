/**
 * Speech-recognition transcripts (synthetic consultations): long turns without punctuation, split into overlapping
 * windows, and turns that run two speakers together.
 */
import { describe, expect, it } from 'vitest';
import { check, verify } from './verifier-test-kit';

describe('verifyNote: long turns without punctuation (nb)', () => {
  it("a relative's symptom stays the relative's in the next window of the same turn", () => {
    const lines = [
      'L: Hvordan har du hatt det i det siste?',
      'P: jeg har det fint men min bror har hatt det sånn hele sommeren han har vært veldig tørst og gått ned mye i vekt og tisset mye om natta og nå har han fått diabetes og skal på kurs',
      'L: Da tar vi en blodprøve av deg også.',
    ];
    const report = verify(lines, 'Aktuelt: Ikke tørst.', 'nb');
    expect(check(report, 'Ikke tørst.').support).not.toBe('contradicted');
  });

  it('talk to "du" after a relative is about the patient again', () => {
    const lines = [
      'L: Er det noen andre hjemme som er syke?',
      'R: ja broren hennes hadde feber i forrige uke så jeg ble litt bekymret vet du hvor mye hun veier hun veide atten kilo i vår',
      'L: Takk, da ser jeg på henne.',
    ];
    const report = verify(lines, 'Funn: Vekt 18 kg.', 'nb');
    expect(check(report, 'Vekt 18 kg.').support).not.toBe('contradicted');
  });

  it('Norwegian "i" ("in") does not turn talk of a relative back to the speaker', () => {
    const lines = [
      'L: Hvordan har dere det hjemme?',
      'P: Jeg har det bra, men broren min ligger i senga og hoster mye.',
      'L: Da lytter jeg på lungene dine.',
    ];
    const report = verify(lines, 'Aktuelt: Ingen hoste.', 'nb');
    expect(check(report, 'Ingen hoste.').support).not.toBe('contradicted');
  });

  it('children in general ("vanlig hos barn") are no relative the next sentence speaks of', () => {
    const lines = [
      'R: Hun har hatt vondt i øret siden i går og hadde feber i natt.',
      'L: Det ser ut som en ørebetennelse. Det er veldig vanlig hos barn på den alderen. Hun er blid og spiser godt.',
      'R: Så bra.',
    ];
    const report = verify(lines, 'Funn: Blid, spiser godt.', 'nb');
    expect(check(report, 'Blid, spiser godt.').support).not.toBe('contradicted');
  });
});
