import { describe, expect, it } from 'vitest';
import { computeCentorScore, computeCrb65Score, extractAntibioticFindings } from './findings';
import { inputOf } from './test-transcripts';

describe('extractAntibioticFindings – Centor', () => {
  it('scores 4 when all components are told or found', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['lege', 'Hva er problemet?'],
        ['pasient', 'Jeg har vondt i halsen og har hatt trettiåtte komma sju i feber.'],
        ['lege', 'Hoster du?'],
        ['pasient', 'Nei.'],
        ['lege', 'Mandlene er store med belegg. Ømme lymfeknuter foran på halsen.'],
      ]),
    );
    expect(findings.temperature?.value).toBe(38.7);
    expect(findings.cough?.value).toBe(false);
    expect(computeCentorScore(findings)).toMatchObject({ score: 4, unknown: [] });
  });

  it('scores 0 for a cold with cough, no fever, no exudate and no tender glands', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['pasient', 'Jeg er tett i nesa og hoster mye. Har målt 37,4.'],
        ['lege', 'Svelget er lett rødt, men jeg ser ikke noe belegg. Ingen ømme glandler på halsen.'],
      ]),
    );
    expect(computeCentorScore(findings)).toMatchObject({ score: 0, unknown: [] });
  });

  it("does not count a relative's fever or the safety-net advice", () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['pasient', 'Samboeren min har hatt 39,5 i feber hele uka.'],
        ['lege', 'Hvis du får feber over 38,5, må du ta kontakt.'],
      ]),
    );
    expect(findings.temperature).toBeUndefined();
    expect(findings.fever).toBeUndefined();
  });

  it('reads "ikke målt over 38" as no fever', () => {
    const findings = extractAntibioticFindings(
      inputOf([['pasient', 'Jeg har vært litt varm, men jeg har ikke målt over trettiåtte.']]),
    );
    expect(findings.fever?.value).toBe(false);
    expect(findings.temperature).toBeUndefined();
  });
});

describe('extractAntibioticFindings – penicillin allergy', () => {
  it('classifies hives and facial swelling as immediate', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['lege', 'Allergier?'],
        ['pasient', 'Ja, jeg er allergisk mot penicillin. Jeg fikk elveblest og hovnet opp i ansiktet.'],
      ]),
    );
    expect(findings.penicillinAllergy?.value).toBe('immediate');
  });

  it('classifies a late rash as non-immediate and stomach upset as intolerance', () => {
    const rash = extractAntibioticFindings(
      inputOf([['pasient', 'Jeg reagerte på penicillin som barn, fikk litt utslett etter en uke.']]),
    );
    const stomach = extractAntibioticFindings(
      inputOf([['pasient', 'Jeg tåler ikke penicillin, jeg får så vondt i magen og diaré.']]),
    );
    expect(rash.penicillinAllergy?.value).toBe('non-immediate');
    expect(stomach.penicillinAllergy?.value).toBe('intolerance');
  });

  it('records tolerance and "no known allergies"', () => {
    const tolerated = extractAntibioticFindings(
      inputOf([
        ['lege', 'Tåler du penicillin?'],
        ['pasient', 'Ja, jeg har fått det mange ganger, det gikk fint.'],
      ]),
    );
    const none = extractAntibioticFindings(
      inputOf([
        ['lege', 'Allergier?'],
        ['pasient', 'Nei.'],
      ]),
    );
    expect(tolerated.penicillinAllergy?.value).toBe('tolerated');
    expect(none.penicillinAllergy?.value).toBe('none-known');
  });
});

describe('extractAntibioticFindings – other findings', () => {
  it('reads the CRB-65 components', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['pårørende', 'Han har vært forvirret siden i går.'],
        ['lege', 'Blodtrykk åttifem over femti. Jeg teller pusten... trettito i minuttet.'],
      ]),
    );
    expect(findings.confusion?.value).toBe(true);
    expect(findings.respiratoryRate?.value).toBe(32);
    expect(findings.bloodPressure?.value).toEqual({ systolic: 85, diastolic: 50 });
    expect(computeCrb65Score({ ...findings, age: { value: 70, evidence: [] } }).score).toBe(4);
  });

  it('reads eardrum findings per side', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['lege', 'Høyre trommehinne er grå og fin. Trommehinnen på venstre side er rød og buktende.'],
      ]),
    );
    expect(findings.eardrum?.value.inflamedSides).toEqual(['venstre']);
    expect(findings.eardrum?.value.normalSides).toEqual(['høyre']);
  });

  it('takes a corrected duration', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['lege', 'Hvor lenge?'],
        ['pasient', 'Snart tre uker. Nei, vent, to.'],
      ]),
    );
    expect(findings.durationDays?.value).toBe(14);
  });

  it('tells a sent urine culture from one promised only if things do not improve', () => {
    const sent = extractAntibioticFindings(inputOf([['lege', 'Jeg sender urinen til dyrkning i dag.']]));
    const conditional = extractAntibioticFindings(
      inputOf([['lege', 'Hvis det ikke går over, sender vi urinen til dyrkning.']]),
    );
    expect(sent.urineCulture?.value).toBe('sent');
    expect(conditional.urineCulture?.value).toBe('conditional');
  });

  it('reads purulent sputum from the reply to a question about its colour', () => {
    const findings = extractAntibioticFindings(
      inputOf([
        ['lege', 'Hvilken farge har slimet?'],
        ['pasient', 'Det er grønt nå.'],
      ]),
    );
    expect(findings.purulentSputum?.value).toBe(true);
  });
});

describe('extractAntibioticFindings – facts', () => {
  it('reads the transcript first and uses an allergy fact only when the transcript says nothing', () => {
    const allergyFact = {
      kind: 'allergy' as const,
      text: 'Penicillinallergi med elveblest og hevelse i ansiktet.',
      polarity: 'positive' as const,
      subject: 'patient' as const,
      evidence: ['s1'],
    };
    const silent = extractAntibioticFindings(
      inputOf([['lege', 'Vi ser på halsen.']], { facts: [allergyFact] }),
    );
    const told = extractAntibioticFindings(
      inputOf(
        [
          ['lege', 'Tåler du penicillin?'],
          ['pasient', 'Ja, jeg har fått det mange ganger.'],
        ],
        { facts: [allergyFact] },
      ),
    );
    expect(silent.penicillinAllergy?.value).toBe('immediate');
    expect(told.penicillinAllergy?.value).toBe('tolerated');
  });
});
