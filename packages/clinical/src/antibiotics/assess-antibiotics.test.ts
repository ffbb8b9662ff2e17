import { describe, expect, it } from 'vitest';
import { assessAntibiotics } from './assess-antibiotics';
import { CHECK_AGAINST_GUIDELINE, REMOTE_PRESCRIBING_CAUTION } from './guideline-rules';
import { inputOf } from './test-transcripts';
import type { AntibioticAssessment } from './types';

function codes(assessment: AntibioticAssessment | null): string[] {
  return assessment?.deviations.map((deviation) => deviation.code) ?? [];
}

const STREP_THROAT = [
  ['lege', 'Hva kan jeg hjelpe deg med?'],
  ['pasient', 'Jeg har så vondt i halsen, og jeg har vært helt slått ut i to dager. Målte trettini i går.'],
  ['lege', 'Hoster du?'],
  ['pasient', 'Nei, ingen hoste.'],
  [
    'lege',
    'Store mandler med hvitt belegg på begge sider. Ømme lymfeknuter foran på halsen. Strep A-testen er positiv.',
  ],
] as const;

describe('assessAntibiotics – sore throat', () => {
  it('is concordant for phenoxymethylpenicillin 660 mg x 4 for 5 days with Centor 4 and a positive test', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ...STREP_THROAT,
        [
          'lege',
          'Du har streptokokkhalsbetennelse. Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
        ],
      ]),
    );
    expect(assessment?.condition.id).toBe('sore-throat');
    expect(assessment?.recommendation).toMatchObject({
      kind: 'antibiotic',
      drug: 'Fenoksymetylpenicillin',
      dose: '660 mg',
      durationDays: 5,
    });
    expect(assessment?.planAssessment).toBe('concordant');
  });

  it('flags a course that is too long and a wrong dose', () => {
    const long = assessAntibiotics(
      inputOf([
        ...STREP_THROAT,
        ['lege', 'Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fjorten dager.'],
      ]),
    );
    const low = assessAntibiotics(
      inputOf([
        ...STREP_THROAT,
        ['lege', 'Jeg skriver ut fenoksymetylpenicillin 330 milligram to ganger daglig i fem dager.'],
      ]),
    );
    expect(codes(long)).toEqual(['wrong-duration']);
    expect(codes(low)).toEqual(['wrong-dose']);
  });

  it('flags antibiotics for a sore throat with Centor 0', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har vondt i halsen og er forkjølet, nesa renner og jeg hoster. Har målt 37,3.'],
        ['lege', 'Svelget er litt rødt, ikke belegg. Ingen ømme lymfeknuter på halsen.'],
        [
          'lege',
          'Jeg gir deg penicillin for sikkerhets skyld. Du får fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
        ],
      ]),
    );
    expect(assessment?.recommendation.kind).toBe('no-antibiotic');
    expect(codes(assessment)).toContain('unneeded-antibiotic');
  });

  it('recommends an alternative to penicillin for an immediate-type allergy and flags penicillin', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ...STREP_THROAT,
        ['lege', 'Allergier?'],
        ['pasient', 'Ja, penicillin. Jeg fikk elveblest over hele kroppen og pustevansker.'],
        ['lege', 'Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.'],
      ]),
    );
    expect(assessment?.recommendation.drug).toBe('Erytromycin');
    expect(codes(assessment)).toContain('wrong-drug');
  });
});

describe('assessAntibiotics – urinary tract', () => {
  const CYSTITIS = [
    ['pasient', 'Det svir når jeg tisser, og jeg må tisse hele tiden. Det begynte i går.'],
    ['lege', 'Feber?'],
    ['pasient', 'Nei.'],
    ['lege', 'Vondt i ryggen eller i siden?'],
    ['pasient', 'Nei.'],
    ['lege', 'Kan du være gravid?'],
    ['pasient', 'Nei, jeg har spiral. Og jeg er trettiåtte år.'],
    ['lege', 'Dette er en blærekatarr.'],
  ] as const;

  it('is concordant for nitrofurantoin 50 mg x 3 for 3 days in a non-pregnant woman', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ...CYSTITIS,
        ['lege', 'Du får nitrofurantoin femti milligram tre ganger daglig i tre dager.'],
      ]),
    );
    expect(assessment?.condition.ruleId).toBe('cystitis-uncomplicated');
    expect(assessment?.planAssessment).toBe('concordant');
  });

  it('flags a fluoroquinolone as the wrong drug, and a five-day course as the wrong duration', () => {
    const quinolone = assessAntibiotics(
      inputOf([
        ...CYSTITIS,
        ['lege', 'Jeg skriver ut ciprofloksacin fem hundre milligram to ganger daglig i tre dager.'],
      ]),
    );
    const long = assessAntibiotics(
      inputOf([
        ...CYSTITIS,
        ['lege', 'Jeg skriver ut pivmecillinam to hundre milligram tre ganger daglig i fem dager.'],
      ]),
    );
    expect(codes(quinolone)).toEqual(['wrong-drug']);
    expect(quinolone?.deviations[0]?.text).toMatch(/fluorokinolon/u);
    expect(codes(long)).toEqual(['wrong-duration']);
  });

  it('accepts self-care without antibiotics for an uncomplicated cystitis', () => {
    const assessment = assessAntibiotics(
      inputOf([...CYSTITIS, ['lege', 'Vi prøver uten antibiotika først, drikk godt og ta Ibux.']]),
    );
    expect(assessment?.planAssessment).toBe('concordant');
  });

  it('requires a urine culture in pregnancy', () => {
    const pregnant = [
      ['pasient', 'Det svir når jeg tisser og jeg må tisse hele tiden. Jeg er gravid i uke tjue.'],
      [
        'lege',
        'Det er en urinveisinfeksjon. Du får pivmecillinam to hundre milligram tre ganger daglig i sju dager.',
      ],
    ] as const;
    const withoutCulture = assessAntibiotics(inputOf(pregnant));
    const withCulture = assessAntibiotics(
      inputOf([...pregnant, ['lege', 'Jeg sender urinen til dyrkning før du starter.']]),
    );
    expect(withoutCulture?.condition.ruleId).toBe('cystitis-pregnant');
    expect(codes(withoutCulture)).toEqual(['missing-urine-culture']);
    expect(withCulture?.planAssessment).toBe('concordant');
  });

  it('uses the complicated-cystitis rule for a man', () => {
    const assessment = assessAntibiotics(
      inputOf(
        [
          ['pasient', 'Det svir når jeg tisser og jeg må tisse ofte.'],
          [
            'lege',
            'Det er en blærebetennelse. Du får nitrofurantoin femti milligram tre ganger daglig i fem dager, og jeg sender urinen til dyrkning.',
          ],
        ],
        { sex: 'male' },
      ),
    );
    expect(assessment?.condition.ruleId).toBe('cystitis-complicated');
    expect(assessment?.planAssessment).toBe('concordant');
  });

  it('treats a urinary infection with fever and flank pain as pyelonephritis', () => {
    const assessment = assessAntibiotics(
      inputOf([
        [
          'pasient',
          'Det svir når jeg tisser og jeg må tisse hele tiden, og nå har jeg fått vondt i siden og 39 i feber.',
        ],
        ['lege', 'Bankeøm over venstre nyrelosje. Temperaturen er 38,9. Jeg sender urinen til dyrkning.'],
        ['lege', 'Du får trimetoprim-sulfa, én tablett to ganger daglig i sju dager.'],
      ]),
    );
    expect(assessment?.condition.id).toBe('pyelonephritis');
    expect(assessment?.recommendation.drug).toBe('Sulfametoksazol og trimetoprim');
    expect(assessment?.plan.atc).toBe('J01EE01');
    expect(assessment?.planAssessment).toBe('concordant');
  });
});

describe('assessAntibiotics – respiratory', () => {
  it('recommends no antibiotics for sinusitis under a week and flags amoxicillin', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har vært tett i fire dager, og det trykker i kinnene.'],
        ['lege', 'Øm over kjevehulene. Dette passer med en bihulebetennelse.'],
        ['lege', 'Du får amoksicillin fem hundre milligram tre ganger daglig i sju dager.'],
      ]),
    );
    expect(assessment?.recommendation.kind).toBe('no-antibiotic');
    expect(codes(assessment)).toEqual(['unneeded-antibiotic', 'wrong-drug']);
  });

  it('accepts phenoxymethylpenicillin three times a day for severe sinusitis over ten days', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har hatt bihulebetennelse i ti dager, med veldig vondt i ansiktet og grønt snørr.'],
        [
          'lege',
          'Det er en bihulebetennelse. Du får fenoksymetylpenicillin ett gram tre ganger daglig i sju dager.',
        ],
      ]),
    );
    expect(assessment?.recommendation.kind).toBe('antibiotic');
    expect(assessment?.planAssessment).toBe('concordant');
  });

  it('flags antibiotics for acute bronchitis', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har hostet i tre uker.'],
        [
          'lege',
          'Lungene er fine, CRP er 8. Dette er en akutt bronkitt. Jeg skriver ut doksysyklin hundre milligram én gang daglig i sju dager.',
        ],
      ]),
    );
    expect(codes(assessment)).toContain('unneeded-antibiotic');
  });

  it('scores CRB-65 for pneumonia and flags withholding antibiotics', () => {
    const assessment = assessAntibiotics(
      inputOf(
        [
          ['pårørende', 'Han har vært forvirret siden i går og har høy feber.'],
          [
            'lege',
            'Pusten er trettito i minuttet. Knatrelyder basalt venstre. Det er en lungebetennelse. Vi venter med antibiotika.',
          ],
        ],
        { age: 78 },
      ),
    );
    expect(assessment?.condition.id).toBe('pneumonia');
    expect(assessment?.notes.join(' ')).toMatch(/CRB-65 3/u);
    expect(codes(assessment)).toEqual(['antibiotic-withheld']);
  });

  it('recommends antibiotics for a COPD exacerbation with purulent sputum, not without', () => {
    const purulent = assessAntibiotics(
      inputOf([
        [
          'pasient',
          'KOLSen min har blitt verre, jeg er tyngre i pusten og hoster opp mer slim. Det er grønt.',
        ],
        [
          'lege',
          'Det er en KOLS-forverring. Du får amoksicillin fem hundre milligram tre ganger daglig i fem dager.',
        ],
      ]),
    );
    const clear = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har KOLS og er tyngre i pusten.'],
        ['lege', 'Hvilken farge har slimet?'],
        ['pasient', 'Det er hvitt som vanlig.'],
        ['lege', 'CRP er 12. Det er en lett KOLS-forverring uten tegn til bakteriell infeksjon.'],
      ]),
    );
    expect(purulent?.recommendation.kind).toBe('antibiotic');
    expect(purulent?.planAssessment).toBe('concordant');
    expect(clear?.recommendation.kind).toBe('no-antibiotic');
  });
});

describe('assessAntibiotics – ear and skin', () => {
  it('recommends waiting for uncomplicated otitis in a child, and antibiotics for bilateral otitis under two', () => {
    const waiting = assessAntibiotics(
      inputOf(
        [
          ['pårørende', 'Hun har hatt vondt i øret siden i natt. Hun går i barnehagen.'],
          [
            'lege',
            'Høyre trommehinne er rød og bulende, venstre er fin. Det er en ørebetennelse. Hun er i god form.',
          ],
          ['lege', 'Vi venter med antibiotika og gir smertestillende.'],
        ],
        { age: 4 },
      ),
    );
    const bilateral = assessAntibiotics(
      inputOf(
        [
          ['pårørende', 'Han har vondt i begge ørene.'],
          ['lege', 'Begge trommehinnene er røde og bulende. Det er en dobbeltsidig ørebetennelse.'],
        ],
        { age: 1.5 },
      ),
    );
    expect(waiting?.recommendation.kind).toBe('no-antibiotic');
    expect(waiting?.planAssessment).toBe('concordant');
    expect(bilateral?.recommendation.kind).toBe('antibiotic');
  });

  it('recommends local treatment for limited impetigo and dicloxacillin when widespread', () => {
    const limited = assessAntibiotics(
      inputOf(
        [
          ['pårørende', 'Han har fått gule skorper rundt munnen. Bare der.'],
          ['lege', 'Det er brennkopper, bare i ansiktet. Vi behandler lokalt med hydrogenperoksidkrem.'],
        ],
        { age: 6 },
      ),
    );
    const widespread = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg har fått sår med gule skorper på armene, beina og i ansiktet.'],
        [
          'lege',
          'Det er brennkopper på flere steder på kroppen. Du får dikloksacillin fem hundre milligram tre ganger daglig i sju dager.',
        ],
      ]),
    );
    expect(limited?.recommendation.kind).toBe('no-antibiotic');
    expect(limited?.planAssessment).toBe('concordant');
    expect(widespread?.recommendation).toMatchObject({ kind: 'antibiotic', drug: 'Dikloksacillin' });
    expect(widespread?.planAssessment).toBe('concordant');
  });

  it('shows that the oral erysipelas dose is not verified', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Leggen ble rød og varm i går, og jeg frøs og skalv.'],
        [
          'lege',
          'Skarpt avgrenset rødme på høyre legg. Dette er en rosen. Du får fenoksymetylpenicillin ett gram fire ganger daglig i sju dager.',
        ],
      ]),
    );
    expect(assessment?.condition.id).toBe('erysipelas');
    expect(assessment?.planAssessment).toBe('concordant');
    expect(assessment?.source.verified).toBe(false);
    expect(assessment?.source.citation).toContain(CHECK_AGAINST_GUIDELINE);
    expect(assessment?.source.unverifiedParts.some((part) => part.includes('peroral dose'))).toBe(true);
  });

  it('recommends doxycycline for erythema migrans with an immediate penicillin allergy', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Jeg hadde et flåttbitt for to uker siden, og nå er det en rød ring rundt.'],
        ['lege', 'Allergier?'],
        ['pasient', 'Jeg er allergisk mot penicillin, jeg hovnet opp i ansiktet og måtte på legevakten.'],
        [
          'lege',
          'Dette er erythema migrans. Du får doksysyklin hundre milligram to ganger daglig i ti dager.',
        ],
      ]),
    );
    expect(assessment?.recommendation).toMatchObject({
      kind: 'antibiotic',
      drug: 'Doksysyklin',
      dose: '100 mg',
      durationDays: 10,
    });
    expect(assessment?.planAssessment).toBe('concordant');
  });
});

describe('assessAntibiotics – scope and setting', () => {
  it('returns null for a consultation about something other than the covered infections', () => {
    expect(
      assessAntibiotics(
        inputOf([
          ['pasient', 'Jeg har vondt i kneet etter fotball. Datteren min har forresten ørebetennelse.'],
          ['lege', 'Det er en forstuing av kneet. Hvis du får feber, ta kontakt.'],
        ]),
      ),
    ).toBeNull();
  });

  it("does not take an earlier episode for today's infection", () => {
    expect(
      assessAntibiotics(
        inputOf([
          ['pasient', 'Jeg har vondt i skulderen.'],
          [
            'lege',
            'Du fikk antibiotika i fjor for lungebetennelse, ser jeg. Nå gjelder det skulderen. Det er et skuldersyndrom.',
          ],
        ]),
      ),
    ).toBeNull();
  });

  it('adds the caution about prescribing without examination to telephone consultations only', () => {
    const turns = [
      ['pasient', 'Det svir når jeg tisser og jeg må tisse hele tiden.'],
      [
        'lege',
        'Det høres ut som en blærekatarr. Du får pivmecillinam to hundre milligram tre ganger daglig i tre dager.',
      ],
    ] as const;
    expect(assessAntibiotics(inputOf(turns, { setting: 'telefon' }))?.caution).toBe(
      REMOTE_PRESCRIBING_CAUTION,
    );
    expect(assessAntibiotics(inputOf(turns, { setting: 'kontor' }))?.caution).toBeUndefined();
  });

  it('names the guideline, section, version and evidence tag in every deviation', () => {
    const assessment = assessAntibiotics(
      inputOf([
        ['pasient', 'Det svir når jeg tisser og jeg må tisse hele tiden.'],
        [
          'lege',
          'Det er en blærekatarr. Jeg skriver ut ciprofloksacin fem hundre milligram to ganger daglig i tre dager.',
        ],
      ]),
    );
    const deviation = assessment?.deviations[0];
    expect(deviation?.rule).toMatch(/^cystitis-uncomplicated@\d{4}\.\d+$/u);
    expect(deviation?.source).toMatch(
      /Helsedirektoratet, Nasjonal faglig retningslinje for antibiotikabruk i primærhelsetjenesten/u,
    );
    expect(deviation?.source).toMatch(/\[(?:V|P|GK)\]/u);
  });
});
