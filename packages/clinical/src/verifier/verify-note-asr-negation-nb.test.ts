/**
 * Negation in Norwegian consultations as a speech recogniser delivers them (synthetic): questions without question
 * marks, speakers run together in one turn.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: questions a recogniser left without question marks (nb)', () => {
  const spelledOut = [
    'D: hei hva kan jeg hjelpe med',
    'P: hun har fått kløende sår i ansiktet siden fredag',
    'D: ok. utslett andre steder på kroppen. armer bein, føtter',
    'P: nei bare i ansiktet rundt munnen',
    'D: da tror jeg vi skal smøre med en krem',
  ];

  it('a phrase spelled out by a list of examples asked too: its no denies it', () => {
    const report = verify(spelledOut, 'Funn: Utslett andre steder på kroppen.', 'nb');
    expect(flagged(check(report, 'Utslett andre steder på kroppen.'))).toBe(true);
  });

  it('the denied phrase stated as denied stays unflagged', () => {
    const report = verify(spelledOut, 'Funn: Ingen utslett andre steder på kroppen.', 'nb');
    expect(flagged(check(report, 'Ingen utslett andre steder på kroppen.'))).toBe(false);
  });
});

describe('verifyNote: a measure said to be absent next to its value (nb)', () => {
  const results = [
    'D: hei du har vært sliten en stund og vi tok blodprøver sist',
    'P: ja hva viste blodprøvene',
    'D: de var fine prøvene viser ikke tegn til jernmangel ferritin førtifem og hemoglobinet er fjorten komma to stoffskiftet er også normalt',
    'P: så bra da vet vi det',
  ];

  it('"Ingen ferritin 45" denies a value the talk gives after the same name', () => {
    const report = verify(results, 'Funn: Ingen ferritin 45.', 'nb');
    expect(check(report, 'Ingen ferritin 45.').support).toBe('contradicted');
  });

  it('the value stated plainly stays unflagged', () => {
    const report = verify(results, 'Funn: Ferritin 45.', 'nb');
    expect(flagged(check(report, 'Ferritin 45.'))).toBe(false);
  });

  it('a denied finding before another measure\'s value is not that measure ("ikke feber temperaturen er …")', () => {
    const lines = [
      'D: hei du har hostet en uke jeg har lyttet på lungene og de er fine',
      'D: du har ikke feber temperaturen er trettisju komma to',
      'P: ok så bra da vet vi det',
    ];
    const report = verify(lines, 'Funn: Ingen feber 37,2.', 'nb');
    expect(check(report, 'Ingen feber 37,2.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: a question and its bare answer run into one turn (nb)', () => {
  const runTogether = [
    'D: hei hva kan jeg hjelpe deg med i dag',
    'P: jeg har hatt vondt i magen i to uker',
    'D: er det noe nytt ved smertene',
    'P: nei det er som før, bare oftere. har du sett blod i avføringen. nei',
    'D: ok jeg skal kjenne på magen din',
    'D: magen er myk og litt øm nederst',
  ];

  it('the bare "nei" after the question in the same turn answers it', () => {
    const report = verify(runTogether, 'Aktuelt: Blod i avføringen.', 'nb');
    expect(check(report, 'Blod i avføringen.').support).toBe('contradicted');
  });

  it('the denial stated as denied stays unflagged', () => {
    const report = verify(runTogether, 'Aktuelt: Ikke blod i avføringen.', 'nb');
    expect(flagged(check(report, 'Ikke blod i avføringen.'))).toBe(false);
  });

  it('"plutselig, ekstremt kraftig hodepine" names a thunderclap headache despite the comma', () => {
    const lines = [
      'D: hei du har hatt mer hodepine i det siste',
      'P: ja nesten hver dag',
      'D: har du hatt en plutselig, ekstremt kraftig hodepine, den verste du har hatt?',
      'P: nei',
      'D: da tror jeg det er spenningshodepine',
    ];
    const report = verify(lines, 'Aktuelt: Tordenskrallhodepine.', 'nb');
    expect(check(report, 'Tordenskrallhodepine.').support).toBe('contradicted');
  });
});

describe('verifyNote: a yes that takes up advice answers no question (nb)', () => {
  const advice = [
    'D: hei du har astma og hoster mer nå i høst',
    'P: ja det er verst om natta',
    'D: har du tatt influensavaksine i år',
    'P: nei det har jeg ikke',
    'D: du bruker inhalatoren to ganger daglig lungene høres fine ut',
    'D: og influensavaksine anbefaler jeg siden du har astma du kan bestille det hos sykepleieren her',
    'P: ja, det høres lurt ut. da gjør jeg det',
    'D: flott',
  ];

  it('"ja, det høres lurt ut" after advice confirms nothing: the earlier no stands', () => {
    const report = verify(advice, 'Aktuelt: Influensavaksinert.', 'nb');
    expect(check(report, 'Influensavaksinert.').support).toBe('contradicted');
  });

  it('the denial stated as denied stays unflagged', () => {
    const report = verify(advice, 'Aktuelt: Ikke influensavaksinert.', 'nb');
    expect(flagged(check(report, 'Ikke influensavaksinert.'))).toBe(false);
  });
});

describe('verifyNote: "med" where the talk said "uten" after the same words (nb)', () => {
  const rising = [
    'D: hei hvordan går det med kneet etter operasjonen',
    'P: bedre jeg går tur med hunden hver dag',
    'D: kan du reise deg fra stolen uten å bruke hendene',
    'P: sånn det gikk, men det var litt tungt',
    'D: det er bra kneet ser fint ut',
  ];

  it('"reiser seg fra stol med håndstøtte" against "reise deg fra stolen uten å bruke hendene" is contradicted', () => {
    const report = verify(rising, 'Aktuelt: Reiser seg fra stol med håndstøtte, men tungt.', 'nb');
    expect(check(report, 'Reiser seg fra stol med håndstøtte, men tungt.').support).toBe('contradicted');
  });

  it('"uten" as said, and a "med" the talk continues with, stay unflagged', () => {
    const report = verify(
      rising,
      'Aktuelt: Reiser seg fra stol uten håndstøtte, men tungt. Går tur med hunden daglig.',
      'nb',
    );
    expect(flagged(check(report, 'Reiser seg fra stol uten håndstøtte, men tungt.'))).toBe(false);
    expect(flagged(check(report, 'Går tur med hunden daglig.'))).toBe(false);
  });
});

describe('verifyNote: an alternative question without its question mark (nb)', () => {
  // The patient's account run into the doctor's turn by the recogniser, the question at its end.
  const fall = [
    'D: hei hva kan jeg hjelpe deg med',
    'P: jeg har falt to ganger',
    'D: å nei slo du deg jeg fikk et blåmerke på armen men de sa at det ikke var brudd det er godt å høre husker du hvordan det skjedde jeg reiste meg fra sofaen for å hente kaffe, og så ble det svart, og så lå jeg der besvimte du eller ble du bare svimmel.',
    'P: jeg tror jeg ble svimmel, og så gikk beina under meg jeg har vel ikke vært borte.',
    'D: da skal jeg måle blodtrykket ditt liggende og stående',
  ];

  it('"besvimte du eller ble du bare svimmel" asks; the answer names the other alternative and denies fainting', () => {
    const report = verify(fall, 'Aktuelt: Synkope.', 'nb');
    expect(check(report, 'Synkope.').support).toBe('contradicted');
  });

  it('the alternative the answer names stays unflagged', () => {
    const report = verify(fall, 'Aktuelt: Ble svimmel, besvimte ikke.', 'nb');
    expect(flagged(check(report, 'Ble svimmel, besvimte ikke.'))).toBe(false);
  });
});
