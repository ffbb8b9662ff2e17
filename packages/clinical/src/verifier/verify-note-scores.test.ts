import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations for clinical scores written in a note (Centor, CRB-65, PHQ-9) and for measured values
// bound to the time they were measured.

const NB_THROAT = [
  'L: Hva plager deg i dag?',
  'P: Halsen er kjempesår, og jeg har hatt frostanfall siden i forgårs.',
  'L: Har du målt temperaturen?',
  'P: Ja, 39,2 i natt.',
  'L: Har du hostet noe?',
  'P: Nei, ikke noe hoste i det hele tatt.',
  'L: Mandlene er hovne med hvitt belegg, og lymfeknutene foran på halsen er ømme.',
  'L: Dette er en halsbetennelse.',
];

describe('verifyNote: clinical scores', () => {
  it('nb: a Centor score the criteria said cannot give, or outside the scale, is contradicted', () => {
    const report = verify(
      NB_THROAT,
      'Vurdering: Halsbetennelse, Centor 4. Halsbetennelse, Centor 2. Halsbetennelse, Centor 7.',
      'nb',
    );
    expect(flagged(check(report, 'Halsbetennelse, Centor 4.'))).toBe(false);
    expect(check(report, 'Halsbetennelse, Centor 2.').support).toBe('contradicted');
    expect(check(report, 'Halsbetennelse, Centor 7.').support).toBe('contradicted');
  });

  it('nb: criteria counted aloud ("av de fire tegnene har du bare to") give the score', () => {
    const lines = [
      'P: Jeg har vondt i halsen og er litt slapp.',
      'L: Av de fire tegnene vi bruker ved halsbetennelse har du bare to, så vi venter med antibiotika.',
    ];
    const report = verify(lines, 'Vurdering: Sår hals, Centor 2. Sår hals, Centor 3.', 'nb');
    expect(flagged(check(report, 'Sår hals, Centor 2.'))).toBe(false);
    expect(check(report, 'Sår hals, Centor 3.').support).toBe('contradicted');
  });

  it('en: "three of the four criteria" gives the Centor score', () => {
    const lines = [
      'P: My throat has been killing me since Monday.',
      'D: You have three of the four criteria, so I will swab your throat.',
    ];
    const report = verify(lines, 'ASSESSMENT\nPharyngitis, Centor 3.\nPharyngitis, Centor 1.', 'en');
    expect(flagged(check(report, 'Pharyngitis, Centor 3.'))).toBe(false);
    expect(check(report, 'Pharyngitis, Centor 1.').support).toBe('contradicted');
  });

  it('nb: CRB-65 below the criteria measured (low pressure, fast breathing) is contradicted; the age stays open', () => {
    const lines = [
      'P: Jeg har hostet og hatt feber i fire dager.',
      'L: Blodtrykket er 86 over 52, og du puster 32 i minuttet.',
      'L: Du er klar og orientert.',
      'L: Dette er en lungebetennelse.',
    ];
    const report = verify(
      lines,
      'Vurdering: Pneumoni, CRB-65 = 0. Pneumoni, CRB-65 = 2. Pneumoni, CRB-65 = 3.',
      'nb',
    );
    expect(check(report, 'Pneumoni, CRB-65 = 0.').support).toBe('contradicted');
    expect(flagged(check(report, 'Pneumoni, CRB-65 = 2.'))).toBe(false);
    expect(flagged(check(report, 'Pneumoni, CRB-65 = 3.'))).toBe(false);
  });

  it('nb: a PHQ-9 sum said in points after the form is named (also "phq-ni" from speech recognition)', () => {
    const lines = [
      'L: hvordan har humøret vært de siste ukene',
      'P: jeg har vært nedfor og sover dårlig, og jeg orker ikke å gå på jobb',
      'L: jeg har et skjema som heter phq-ni som du kan fylle ut. takk. da har du fjorten poeng',
      'P: er det mye',
      'L: det passer med en moderat depresjon, og vi snakker om behandling',
    ];
    const report = verify(lines, 'Vurdering: PHQ-9: 14. PHQ-9: 15.', 'nb');
    expect(flagged(check(report, 'PHQ-9: 14.'))).toBe(false);
    expect(check(report, 'PHQ-9: 15.').support).toBe('contradicted');
  });
});

describe('verifyNote: values bound to when they were measured', () => {
  const lines = [
    'L: hva er det som plager deg',
    'P: jeg har vondt i halsen og har vært helt utslått',
    'L: har du hatt feber',
    'P: jeg målte trettiåtte komma sju i går kveld',
    'L: da måler jeg temperaturen nå. trettisju komma ni',
    'L: halsen er rød, men lungene høres fine ut',
  ];

  it("nb: yesterday's temperature is not today's, and today's is not yesterday's", () => {
    const report = verify(
      lines,
      'Aktuelt: Feber 38,7 i går kveld. Feber 37,9 i går kveld.\nUs.: T 37,9. T 38,7.',
      'nb',
    );
    expect(flagged(check(report, 'Feber 38,7 i går kveld.'))).toBe(false);
    expect(check(report, 'Feber 37,9 i går kveld.').support).toBe('contradicted');
    expect(flagged(check(report, 'T 37,9.'))).toBe(false);
    expect(check(report, 'T 38,7.').support).toBe('contradicted');
  });
});
