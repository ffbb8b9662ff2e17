/**
 * Negations of decisions and settings (synthetic consultations): an examination claimed in a telephone or video
 * consultation, a plan that gives what the doctor declined, and meaning flips of quantifiers and "uten"/"med".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an examination in a remote consultation', () => {
  const phone = [
    'L: Hei, det er legen som ringer deg tilbake.',
    'P: Hei. Jeg har hatt vondt i øret siden i går.',
    'L: Har du hatt feber?',
    'P: Nei, ingen feber.',
  ];

  it('nb: "undersøkt" in a statement marked as a telephone consultation is unsupported', () => {
    const report = verify(
      phone,
      'Undersøkelse: Undersøkt (telefonkontakt).\nIkke undersøkt (telefonkontakt).',
      'nb',
    );
    expect(check(report, 'Undersøkt (telefonkontakt).').support).toBe('unsupported');
    expect(flagged(check(report, 'Ikke undersøkt (telefonkontakt).'))).toBe(false);
  });

  it('nb: a clinical examination over video is unsupported; what was seen on video is not', () => {
    const report = verify(
      phone,
      'Undersøkelse: Videotime, klinisk undersøkt.\nVideotime, ikke klinisk undersøkt.\nVideotime, øret sett på video.',
      'nb',
    );
    expect(check(report, 'Videotime, klinisk undersøkt.').support).toBe('unsupported');
    expect(flagged(check(report, 'Videotime, ikke klinisk undersøkt.'))).toBe(false);
    expect(flagged(check(report, 'Videotime, øret sett på video.'))).toBe(false);
  });

  it('en: a physical exam performed in a telephone visit is unsupported', () => {
    const lines = [
      'D: Hi, this is the doctor calling you back about your cough.',
      'P: Thanks. It has been going on for a week.',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nPhysical exam performed (telephone visit).\nPhysical exam not performed (telephone visit).',
      'en',
    );
    expect(check(report, 'Physical exam performed (telephone visit).').support).toBe('unsupported');
    expect(flagged(check(report, 'Physical exam not performed (telephone visit).'))).toBe(false);
  });
});

describe('verifyNote: a plan that gives what the doctor declined', () => {
  it('nb: a request for a relative turned down ("Det kan jeg dessverre ikke") contradicts "Resept til mannen"', () => {
    const lines = [
      'L: Da fornyer jeg blodtrykksmedisinen din for ett år.',
      'P: Takk. Mannen min har så vondt i ryggen for tiden.',
      'P: Kan du skrive ut noen smertestillende til ham også?',
      'L: Det kan jeg dessverre ikke. Han må bestille time selv.',
    ];
    const report = verify(
      lines,
      'Tiltak: Resept til mannen – han må bestille time selv.\nIngen resept til mannen – han må bestille time selv.',
      'nb',
    );
    expect(check(report, 'Resept til mannen – han må bestille time selv.').support).toBe('contradicted');
    expect(flagged(check(report, 'Ingen resept til mannen – han må bestille time selv.'))).toBe(false);
  });

  it('nb: a request the doctor grants after all is no contradiction', () => {
    const lines = [
      'P: Kan du skrive ut sovetabletter til meg?',
      'L: Nei, ikke sovetabletter, men jeg skriver ut en resept på melatonin til deg.',
    ];
    const report = verify(lines, 'Tiltak: Resept på melatonin.', 'nb');
    expect(flagged(check(report, 'Resept på melatonin.'))).toBe(false);
  });

  it('en: a request the doctor declines contradicts a plan that grants it', () => {
    const lines = [
      'P: My back still hurts a lot.',
      'P: Could you refer me to a chiropractor?',
      'D: No, I would not refer you to a chiropractor at this point.',
      'D: Let us try physical therapy first.',
    ];
    const report = verify(lines, 'PLAN\nReferral to a chiropractor.\nPhysical therapy.', 'en');
    expect(check(report, 'Referral to a chiropractor.').support).toBe('contradicted');
    expect(flagged(check(report, 'Physical therapy.'))).toBe(false);
  });

  it('nb: the doctor\'s reason against a drug ("penicillin vil ikke hjelpe") denies it, "forklart" after it too', () => {
    const lines = [
      'P: Jeg har hostet og hatt sår hals i fire dager.',
      'P: Jeg tenkte jeg trengte penicillin.',
      'L: Dette er et virus. Penicillin vil ikke hjelpe og kan gi bivirkninger som diaré.',
      'L: Drikk godt og ta paracet ved behov.',
    ];
    const report = verify(lines, 'Tiltak: Penicillin, forklart.\nIngen penicillin, forklart.', 'nb');
    expect(check(report, 'Penicillin, forklart.').support).toBe('contradicted');
    expect(flagged(check(report, 'Ingen penicillin, forklart.'))).toBe(false);
  });
});

describe('verifyNote: a drug said to be started that the conversation put off', () => {
  it('nb: "startet" where the patient wanted to wait is contradicted; "ikke startet" is not', () => {
    const lines = [
      'L: Søvnen har vært dårlig lenge. Vi kan prøve mirtazapin, en liten dose om kvelden.',
      'P: Jeg vil helst vente med det og se om det går seg til.',
      'L: Greit, da ses vi om tre uker.',
    ];
    const report = verify(
      lines,
      'Tiltak: Mirtazapin foreslått, pas. vil vente – startet.\nMirtazapin foreslått, pas. vil vente – ikke startet.',
      'nb',
    );
    expect(check(report, 'Mirtazapin foreslått, pas. vil vente – startet.').support).toBe('contradicted');
    expect(flagged(check(report, 'Mirtazapin foreslått, pas. vil vente – ikke startet.'))).toBe(false);
  });

  it('nb: put off at first, then given after all, it is no contradiction', () => {
    const lines = [
      'L: Vi kan prøve mirtazapin, en liten dose om kvelden.',
      'P: Jeg vil helst vente med det.',
      'L: Jeg forstår. Men søvnen er viktig nå.',
      'P: Ja, du har rett. Vi prøver.',
      'L: Da skriver jeg ut mirtazapin 15 mg om kvelden.',
    ];
    const report = verify(lines, 'Tiltak: Mirtazapin 15 mg startet.', 'nb');
    expect(flagged(check(report, 'Mirtazapin 15 mg startet.'))).toBe(false);
  });

  it('en: "started" where the patient wanted to hold off is contradicted', () => {
    const lines = [
      'D: We could try sertraline for the anxiety.',
      'P: I would rather hold off on medication for now and try therapy.',
      'D: That is reasonable.',
    ];
    const report = verify(lines, 'PLAN\nSertraline started.', 'en');
    expect(check(report, 'Sertraline started.').support).toBe('contradicted');
  });
});

describe('verifyNote: a history that gives the patient a drug started only now', () => {
  const lines = [
    'L: Blodtrykket er 162 over 98 i dag, og det var like høyt sist.',
    'L: Jeg anbefaler at du begynner med en blodtrykksmedisin, amlodipin fem milligram om morgenen.',
    'P: Jeg har vært litt redd for medisiner, men greit.',
  ];

  it('nb: "Amlodipin (redd for medisiner)" in the history is contradicted; "Ikke amlodipin" is not', () => {
    const report = verify(
      lines,
      'Aktuelt: Amlodipin (redd for medisiner).\nIkke blodtrykksmedisin fra før (redd for medisiner).',
      'nb',
    );
    expect(check(report, 'Amlodipin (redd for medisiner).').support).toBe('contradicted');
    expect(flagged(check(report, 'Ikke blodtrykksmedisin fra før (redd for medisiner).'))).toBe(false);
  });

  it('nb: a drug the patient names first is not started now', () => {
    const report = verify(
      [
        'P: Jeg bruker amlodipin fem milligram fra før.',
        'L: Da foreslår jeg at vi starter med losartan i tillegg til amlodipin.',
      ],
      'Aktuelt: Bruker amlodipin 5 mg.',
      'nb',
    );
    expect(flagged(check(report, 'Bruker amlodipin 5 mg.'))).toBe(false);
  });

  it('en: "He takes lisinopril" where the doctor starts him on it is contradicted', () => {
    const report = verify(
      [
        'D: Your blood pressure is 158 over 96 again today.',
        "D: I'm going to start you on lisinopril 10 milligrams once a day.",
        'P: Okay, that sounds fine.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe takes lisinopril.',
      'en',
    );
    expect(check(report, 'He takes lisinopril.').support).toBe('contradicted');
  });
});

describe('verifyNote: an amount turned around', () => {
  const lines = [
    'P: Jeg har vært nedfor og sliten i flere uker.',
    'L: Hvordan er matlysten?',
    'P: Dårlig. Jeg spiser lite for tiden, mest brødskiver.',
    'L: Sover du nok om natten?',
    'P: Ikke så mye, kanskje fem timer.',
  ];

  it('nb: "Spiser ikke lite" and "Sover nok" are contradicted; "Spiser lite" and "Sover lite" are not', () => {
    const report = verify(
      lines,
      'Aktuelt: Spiser ikke lite.\nSpiser lite.\nSover nok om natten.\nSover lite om natten.',
      'nb',
    );
    expect(check(report, 'Spiser ikke lite.').support).toBe('contradicted');
    expect(flagged(check(report, 'Spiser lite.'))).toBe(false);
    expect(check(report, 'Sover nok om natten.').support).toBe('contradicted');
    expect(flagged(check(report, 'Sover lite om natten.'))).toBe(false);
  });

  it('nb: "Drikker ikke lite" against "Drikker du nok?" – "Ikke så mye, egentlig."', () => {
    const report = verify(
      [
        'P: Jeg har hatt vondt i magen og hard avføring i tre uker.',
        'L: Drikker du nok vann i løpet av dagen?',
        'P: Ikke så mye, egentlig. Jeg glemmer det på jobben.',
      ],
      'Aktuelt: Drikker ikke lite vann.\nDrikker lite vann.',
      'nb',
    );
    expect(check(report, 'Drikker ikke lite vann.').support).toBe('contradicted');
    expect(flagged(check(report, 'Drikker lite vann.'))).toBe(false);
  });

  it('en: "a little" is some, and a comparison is no amount', () => {
    const report = verify(
      [
        'P: My knee pain has been worse for two weeks.',
        'D: How much do you walk these days?',
        'P: I walk a little every morning, but not as much as before.',
      ],
      'HISTORY OF PRESENT ILLNESS\nShe walks much every morning.\nShe walks every morning.',
      'en',
    );
    expect(flagged(check(report, 'She walks every morning.'))).toBe(false);
    expect(flagged(check(report, 'She walks much every morning.'))).toBe(false);
  });
});

describe('verifyNote: whether a condition is controlled', () => {
  const lines = [
    'L: Det er kontroll av blodtrykket og diabetesen i dag. Har du hatt hodepine eller svimmelhet?',
    'P: Nei, ingen hodepine.',
    'L: Da ser vi på hjemmemålingene dine. Snittet er 152 over 94.',
    'L: Det er fortsatt for høyt, vi vil ha det under 135 over 85.',
    'L: Langtidsblodsukkeret er 48, det er fint.',
  ];

  it('nb: "Hypertensjon, godt regulert" against a pressure said to be too high is contradicted', () => {
    const report = verify(
      lines,
      'Vurdering: Hypertensjon, godt regulert.\nHypertensjon, ikke godt regulert.\nDiabetes type 2, godt regulert.',
      'nb',
    );
    expect(check(report, 'Hypertensjon, godt regulert.').support).toBe('contradicted');
    expect(flagged(check(report, 'Hypertensjon, ikke godt regulert.'))).toBe(false);
    expect(flagged(check(report, 'Diabetes type 2, godt regulert.'))).toBe(false);
  });

  it('en: "not well controlled" against an HbA1c said to be at goal is contradicted', () => {
    const report = verify(
      [
        'D: Your hemoglobin A1c came back at 6.4 today.',
        'D: That is at goal, so the metformin is working.',
        'P: Great, I have been careful with my diet.',
      ],
      'ASSESSMENT\nType 2 diabetes, not well controlled.\nType 2 diabetes, well controlled.',
      'en',
    );
    expect(check(report, 'Type 2 diabetes, not well controlled.').support).toBe('contradicted');
    expect(flagged(check(report, 'Type 2 diabetes, well controlled.'))).toBe(false);
  });
});

describe('verifyNote: the polarity of a predicate inside advice', () => {
  const lines = [
    'P: Jeg har hatt vondt i halsen og feber i fire dager.',
    'L: Dette er en virusinfeksjon som går over av seg selv.',
    'L: Hvis du får tung pust, eller feberen ikke gir seg innen tre dager, så ringer du oss.',
  ];

  it('nb: "feber som gir seg" where the doctor said "feberen ikke gir seg" is contradicted', () => {
    const report = verify(
      lines,
      'Tiltak: Ny kontakt ved tung pust eller feber som gir seg innen 3 dager.\nNy kontakt ved tung pust eller feber som ikke gir seg innen 3 dager.',
      'nb',
    );
    expect(check(report, 'Ny kontakt ved tung pust eller feber som gir seg innen 3 dager.').support).toBe(
      'contradicted',
    );
    expect(
      flagged(check(report, 'Ny kontakt ved tung pust eller feber som ikke gir seg innen 3 dager.')),
    ).toBe(false);
  });
});
