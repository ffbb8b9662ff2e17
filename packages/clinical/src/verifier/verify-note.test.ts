import { describe, expect, it } from 'vitest';
import type { Language } from '@kollega/domain';
import { parseNoteText } from './parse-note-text';
import { verifyNote } from './verify-note';
import { check, flagged, transcriptOf, verify } from './verifier-test-kit';

const NB_THROAT = [
  'L: Hei, hva kan jeg hjelpe deg med i dag?',
  'P: Jeg har så vondt i halsen. Det begynte for tre dager siden.',
  'L: Har du hatt feber?',
  'P: Ja, jeg målte 38,9 i går kveld.',
  'L: Hoster du?',
  'P: Nei, ingen hoste.',
  'L: Er du allergisk mot noen medisiner?',
  'P: Nei, ingen allergier.',
  'L: Jeg ser i ørene. Trommehinnen på venstre side er rød og bulende. Høyre side er fin.',
  'L: Jeg skriver ut fenoksymetylpenicillin, seks hundre og seksti milligram fire ganger daglig i fem dager.',
  'P: Kjæresten min hadde astma og kastet opp forrige uke.',
  'L: Hvis du får pustevansker, må du ta kontakt med legevakten.',
];

const EN_KNEE = [
  'D: Good morning, what brings you in today?',
  'P: My right knee has been hurting for three days.',
  'D: Any fever or chills?',
  'P: No.',
  'D: Any chest pain?',
  'P: No, no chest pain.',
  'D: Your blood pressure today is one forty over eighty.',
  'D: On exam there is tenderness over the medial right knee and the left knee is normal.',
  'P: My wife has asthma and she had pneumonia last month.',
  'D: I will prescribe ibuprofen 600 mg three times a day for seven days.',
  'D: If the swelling gets worse, call the office.',
];

describe('verifyNote: numbers and units', () => {
  it('nb: a changed value is contradicted with the value the transcript has', () => {
    const report = verify(NB_THROAT, 'Aktuelt: Feber til 38,4 i går kveld. Sår hals i 3 d.', 'nb');
    const changed = check(report, 'Feber til 38,4 i går kveld.');
    expect(flagged(changed)).toBe(true);
    expect(changed.severity).toBe('critical');
    expect(changed.reasons.join(' ')).toContain('38,4');
    expect(check(report, 'Sår hals i 3 d.').support).toBe('supported');
  });

  it('en: a changed blood pressure is flagged, the spoken one is supported', () => {
    const report = verify(
      EN_KNEE,
      'PHYSICAL EXAMINATION\nBlood pressure 140/80.\nBlood pressure 150/80.',
      'en',
    );
    expect(flagged(check(report, 'Blood pressure 140/80.'))).toBe(false);
    expect(flagged(check(report, 'Blood pressure 150/80.'))).toBe(true);
  });
});

describe('verifyNote: drugs, doses, frequency and duration', () => {
  it('nb: the prescription as said is supported; a changed dose, frequency or duration is not', () => {
    const report = verify(
      NB_THROAT,
      'Tiltak: Resept fenoksymetylpenicillin 660 mg x 4 i 5 d. Resept fenoksymetylpenicillin 330 mg x 4 i 5 d. Resept fenoksymetylpenicillin 660 mg x 3 i 5 d. Resept fenoksymetylpenicillin 660 mg x 4 i 10 d.',
      'nb',
    );
    expect(check(report, 'Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.').support).toBe('supported');
    expect(flagged(check(report, 'Resept fenoksymetylpenicillin 330 mg x 4 i 5 d.'))).toBe(true);
    expect(flagged(check(report, 'Resept fenoksymetylpenicillin 660 mg x 3 i 5 d.'))).toBe(true);
    expect(flagged(check(report, 'Resept fenoksymetylpenicillin 660 mg x 4 i 10 d.'))).toBe(true);
  });

  it('nb: a drug not in the transcript is unsupported and critical', () => {
    const report = verify(NB_THROAT, 'Tiltak: Resept amoksicillin 500 mg x 3 i 7 d.', 'nb');
    const inserted = check(report, 'Resept amoksicillin 500 mg x 3 i 7 d.');
    expect(flagged(inserted)).toBe(true);
    expect(inserted.severity).toBe('critical');
    expect(inserted.reasons.join(' ')).toContain('amoksicillin');
  });

  it('en: a trade name and its substance are the same drug; another drug is flagged', () => {
    const report = verify(
      EN_KNEE,
      'PLAN\nStart Motrin 600 mg three times a day for 7 days.\nStart naproxen 500 mg twice daily.',
      'en',
    );
    expect(flagged(check(report, 'Start Motrin 600 mg three times a day for 7 days.'))).toBe(false);
    expect(flagged(check(report, 'Start naproxen 500 mg twice daily.'))).toBe(true);
  });
});

describe('verifyNote: laterality', () => {
  it('nb: the wrong side is contradicted', () => {
    const report = verify(NB_THROAT, 'Us.: TH v.: rød og bulende. TH h.: rød og bulende.', 'nb');
    expect(flagged(check(report, 'TH v.: rød og bulende.'))).toBe(false);
    const wrong = check(report, 'TH h.: rød og bulende.');
    expect(wrong.support).toBe('contradicted');
    expect(wrong.reasons.join(' ')).toContain('venstre');
  });

  it('en: the wrong side is contradicted', () => {
    const report = verify(
      EN_KNEE,
      'PHYSICAL EXAMINATION\nTenderness over the medial right knee.\nTenderness over the medial left knee.',
      'en',
    );
    expect(flagged(check(report, 'Tenderness over the medial right knee.'))).toBe(false);
    expect(check(report, 'Tenderness over the medial left knee.').support).toBe('contradicted');
  });
});

describe('verifyNote: negation', () => {
  it('nb: a denied symptom stated as present is contradicted', () => {
    const report = verify(NB_THROAT, 'Aktuelt: Ingen hoste. Hoste.', 'nb');
    expect(check(report, 'Ingen hoste.').support).toBe('supported');
    expect(check(report, 'Hoste.').support).toBe('contradicted');
  });

  it('en: a denied symptom stated as present is contradicted', () => {
    const report = verify(EN_KNEE, 'REVIEW OF SYSTEMS\nDenies chest pain.\nReports chest pain.', 'en');
    expect(flagged(check(report, 'Denies chest pain.'))).toBe(false);
    expect(check(report, 'Reports chest pain.').support).toBe('contradicted');
  });
});

describe('verifyNote: findings nobody said, and normal findings', () => {
  it('nb: a positive examination finding the transcript never mentions is unsupported; a negative one is not', () => {
    const report = verify(
      NB_THROAT,
      'Us.: TH v.: rød og bulende, perforasjon og sekret.\nUs.: TH v.: rød og bulende, ingen perforasjon eller sekret.',
      'nb',
    );
    expect(check(report, 'TH v.: rød og bulende, perforasjon og sekret.').support).toBe('unsupported');
    expect(flagged(check(report, 'TH v.: rød og bulende, ingen perforasjon eller sekret.'))).toBe(false);
  });

  it('en: "not normal" is contradicted where the transcript calls it normal; a negated list is read as a list', () => {
    const lines = [
      ...EN_KNEE,
      'D: Your lungs sound nice and clear.',
      'D: The x-ray showed no evidence of fracture or bony abnormality.',
    ];
    const report = verify(
      lines,
      'Lungs are not clear to auscultation.\nX-ray shows no evidence of fracture or bony abnormality.\nX-ray shows a bony abnormality.',
      'en',
    );
    expect(check(report, 'Lungs are not clear to auscultation.').support).toBe('contradicted');
    expect(flagged(check(report, 'X-ray shows no evidence of fracture or bony abnormality.'))).toBe(false);
    expect(check(report, 'X-ray shows a bony abnormality.').support).toBe('contradicted');
  });
});

describe('verifyNote: dose changes and drug lists read out', () => {
  it('nb: the new dose of a change is the one said after "til"; a drug list keeps each drug\'s frequency', () => {
    const lines = [
      'L: La oss gå gjennom. Furosemid førti milligram om morgenen. Apixaban, to komma fem milligram morgen og kveld.',
      'L: Furosemid halverer vi til tjue milligram.',
    ];
    const report = verify(
      lines,
      'Tiltak: Furosemid reduseres til 20 mg x 1.\nTiltak: Furosemid reduseres til 40 mg x 1.\nTiltak: Apixaban 2,5 mg x 2 fortsetter.\nTiltak: Apixaban 2,5 mg x 1 fortsetter.',
      'nb',
    );
    expect(flagged(check(report, 'Furosemid reduseres til 20 mg x 1.'))).toBe(false);
    expect(flagged(check(report, 'Furosemid reduseres til 40 mg x 1.'))).toBe(true);
    expect(flagged(check(report, 'Apixaban 2,5 mg x 2 fortsetter.'))).toBe(false);
    expect(check(report, 'Apixaban 2,5 mg x 1 fortsetter.').support).toBe('contradicted');
  });

  it('en: spoken ranges of hundreds are read as hundreds', () => {
    const lines = [
      'D: How is your diabetes, how have your blood sugars been?',
      'P: They have been trending in the three to four hundreds the last two weeks, I feel tired.',
    ];
    const report = verify(
      lines,
      'Blood sugars have been in the 300 to 400 range over the last 2 weeks.\nBlood sugars have been in the 200 to 300 range over the last 2 weeks.',
      'en',
    );
    expect(
      flagged(check(report, 'Blood sugars have been in the 300 to 400 range over the last 2 weeks.')),
    ).toBe(false);
    expect(
      flagged(check(report, 'Blood sugars have been in the 200 to 300 range over the last 2 weeks.')),
    ).toBe(true);
  });
});

describe('verifyNote: time', () => {
  it('nb: "i går" changed to "i fjor" is flagged', () => {
    const report = verify(NB_THROAT, 'Aktuelt: Feber 38,9 i går kveld. Feber 38,9 i fjor.', 'nb');
    expect(flagged(check(report, 'Feber 38,9 i går kveld.'))).toBe(false);
    expect(flagged(check(report, 'Feber 38,9 i fjor.'))).toBe(true);
  });

  it('en: "3 days" changed to "3 years" is flagged', () => {
    const report = verify(
      EN_KNEE,
      'HISTORY OF PRESENT ILLNESS\nRight knee pain for 3 days.\nRight knee pain for 3 years.',
      'en',
    );
    expect(flagged(check(report, 'Right knee pain for 3 days.'))).toBe(false);
    expect(flagged(check(report, 'Right knee pain for 3 years.'))).toBe(true);
  });
});

describe('verifyNote: diagnoses', () => {
  it('nb: a diagnosis said in lay words is not flagged; one never mentioned is', () => {
    const transcript = [...NB_THROAT, 'L: Dette er en halsbetennelse.'];
    const report = verify(transcript, 'Vurdering: Tonsillitt. Pneumoni.', 'nb');
    expect(flagged(check(report, 'Tonsillitt.'))).toBe(false);
    expect(check(report, 'Pneumoni.').support).toBe('unsupported');
  });

  it('en: a diagnosis never mentioned is unsupported', () => {
    const report = verify(EN_KNEE, 'ASSESSMENT AND PLAN\nType 2 diabetes mellitus.', 'en');
    expect(check(report, 'Type 2 diabetes mellitus.').support).toBe('unsupported');
  });
});

describe('verifyNote: who it is about', () => {
  it("nb: a relative's symptom stated as the patient's is contradicted", () => {
    const report = verify(NB_THROAT, 'Aktuelt: Astma. Kjæresten hatt astma.', 'nb');
    const moved = check(report, 'Astma.');
    expect(moved.support).toBe('contradicted');
    expect(moved.reasons.join(' ')).toMatch(/pårørende|annen person/);
    expect(flagged(check(report, 'Kjæresten hatt astma.'))).toBe(false);
  });

  it("en: a relative's diagnosis stated as the patient's is contradicted", () => {
    const report = verify(EN_KNEE, 'HISTORY OF PRESENT ILLNESS\nThe patient has asthma.', 'en');
    expect(check(report, 'The patient has asthma.').support).toBe('contradicted');
  });
});

describe('verifyNote: who said it', () => {
  it('nb: a symptom only the doctor raised as a possibility is not the patient’s complaint', () => {
    const transcript = [
      'L: Hva gjelder det?',
      'P: Jeg har vondt i kneet etter fotball.',
      'L: Ibux kan gi magesmerter og halsbrann hvis du tar det lenge.',
    ];
    const report = verify(transcript, 'Aktuelt: Kneplager etter fotball. Magesmerter og halsbrann.', 'nb');
    expect(flagged(check(report, 'Kneplager etter fotball.'))).toBe(false);
    expect(check(report, 'Magesmerter og halsbrann.').support).toBe('unsupported');
  });

  it('en: a symptom only the doctor raised as a possibility is not the patient’s complaint', () => {
    const transcript = [
      'D: What brings you in?',
      'P: My back hurts after lifting boxes.',
      'D: Ibuprofen can cause stomach upset and heartburn if you take it for long.',
    ];
    const report = verify(
      transcript,
      'HISTORY OF PRESENT ILLNESS\nBack pain after lifting boxes.\nHeartburn and stomach upset.',
      'en',
    );
    expect(flagged(check(report, 'Back pain after lifting boxes.'))).toBe(false);
    expect(check(report, 'Heartburn and stomach upset.').support).toBe('unsupported');
  });
});

describe('verifyNote: evidence', () => {
  it('finds evidence for notes without ids and checks the ids a note gives', () => {
    const transcript = transcriptOf(NB_THROAT);
    const note = parseNoteText('Aktuelt: Ingen hoste.', { language: 'nb' });
    const found = verifyNote(transcript, note).statements[0];
    expect(found?.evidence).toContain('s6');
    const cited = {
      ...note,
      sections: note.sections.map((section) => ({
        ...section,
        statements: section.statements.map((statement) => ({ ...statement, evidence: ['s99'] })),
      })),
    };
    const checked = verifyNote(transcript, cited).statements[0];
    expect(checked?.reasons.join(' ')).toContain('s99');
  });
});

describe('verifyNote: no consultation', () => {
  it.each<[Language, string[], string]>([
    ['nb', [], 'Ingen konsultasjon registrert.'],
    ['nb', ['P: Hei.', 'L: Hei hei.'], 'Ingen konsultasjon registrert.'],
    ['en', ['D: Hello.', 'P: Testing the microphone, one two three.'], 'No consultation recorded.'],
  ])('%s: warns and flags every statement', (language, lines, message) => {
    const report = verify(lines, language === 'nb' ? 'Aktuelt: Sår hals.' : 'S: Sore throat.', language);
    expect(report.warnings).toEqual([{ code: 'no_consultation', message }]);
    expect(report.statements.every((statement) => statement.support === 'unsupported')).toBe(true);
  });
});

describe('verifyNote: reasons language', () => {
  it('writes reasons in the requested language', () => {
    const report = verifyNote(
      transcriptOf(NB_THROAT),
      parseNoteText('Aktuelt: Feber til 38,4.', { language: 'nb' }),
      { language: 'en' },
    );
    expect(report.statements[0]?.reasons.join(' ')).toMatch(/not in the transcript/);
  });
});
