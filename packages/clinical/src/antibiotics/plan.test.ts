import { describe, expect, it } from 'vitest';
import { buildClauses } from './clauses';
import { extractDoctorPlan, readRegimen } from './plan';
import { transcriptOf } from './test-transcripts';
import type { SpeakerRole } from '@kollega/domain';

function planOf(turns: ReadonlyArray<readonly [SpeakerRole, string]>): ReturnType<typeof extractDoctorPlan> {
  return extractDoctorPlan(buildClauses(transcriptOf(turns)));
}

describe('extractDoctorPlan', () => {
  it('reads a prescription said in words: drug, dose, doses a day and days', () => {
    const plan = planOf([
      ['lege', 'Jeg skriver ut nitrofurantoin, femti milligram, én tablett tre ganger daglig i tre dager.'],
    ]);
    expect(plan).toMatchObject({
      kind: 'antibiotic',
      substance: 'Nitrofurantoin',
      atc: 'J01XE01',
      doseMg: 50,
      dosesPerDay: 3,
      durationDays: 3,
    });
    expect(plan.evidence).toEqual(['s1']);
  });

  it('normalises a brand and a misspelt substance to the FEST substance', () => {
    expect(
      planOf([['lege', 'Du får Selexid, to hundre milligram tre ganger daglig i tre dager.']]).substance,
    ).toBe('Pivmecillinam');
    expect(
      planOf([['lege', 'Jeg skriver ut amoksisilin, fem hundre milligram tre ganger daglig i sju dager.']])
        .substance,
    ).toBe('Amoksicillin');
  });

  it('does not take an earlier treatment the doctor mentions for a prescription', () => {
    const plan = planOf([
      ['lege', 'Siden Selexid virket dårlig sist, tar vi noe annet.'],
      ['lege', 'Jeg skriver ut trimetoprim, hundre og seksti milligram to ganger daglig i tre dager.'],
    ]);
    expect(plan.substance).toBe('Trimetoprim');
  });

  it('does not take "if it does not improve, penicillin may be needed" for a prescription', () => {
    const plan = planOf([
      ['lege', 'Jeg tror ikke det trengs antibiotika nå.'],
      ['lege', 'Hvis det ikke er bedre om tre dager, kan det bli aktuelt med penicillin.'],
    ]);
    expect(plan.kind).toBe('no-antibiotic');
  });

  it('reads a delayed prescription', () => {
    const plan = planOf([
      [
        'lege',
        'Jeg skriver ut en vent-og-se-resept på fenoksymetylpenicillin, ett gram fire ganger daglig i sju dager.',
      ],
      ['lege', 'Den henter du bare hvis du ikke er bedre om tre dager.'],
    ]);
    expect(plan).toMatchObject({
      kind: 'delayed-prescription',
      substance: 'Fenoksymetylpenicillin',
      doseMg: 1000,
      dosesPerDay: 4,
      durationDays: 7,
    });
  });

  it('reads "no" to the patient asking for antibiotics as no antibiotics', () => {
    const plan = planOf([
      ['pasient', 'Trenger jeg ikke penicillin da?'],
      ['lege', 'Nei, det er et virus, så det har ingen hensikt.'],
    ]);
    expect(plan.kind).toBe('no-antibiotic');
  });

  it('keeps local treatment apart from systemic antibiotics', () => {
    const plan = planOf([
      [
        'lege',
        'Vi behandler det lokalt. Du får hydrogenperoksidkrem to ganger daglig i en uke, ikke antibiotika.',
      ],
    ]);
    expect(plan.kind).toBe('no-antibiotic');
    expect(plan.localTreatment).toBe('hydrogenperoksid');
  });

  it('says so when nothing about antibiotics is said', () => {
    expect(planOf([['lege', 'Vi tar en blodprøve og ses om to uker.']]).kind).toBe('not-stated');
  });

  it('ignores what the patient says about drugs', () => {
    expect(planOf([['pasient', 'Jeg fikk amoksicillin av legevakten i fjor.']]).kind).toBe('not-stated');
  });
});

describe('readRegimen', () => {
  it('reads the common ways of saying doses a day and course length', () => {
    expect(readRegimen('500 mg morgen, middag og kveld i 10 dager')).toEqual({
      doseMg: 500,
      dosesPerDay: 3,
      durationDays: 10,
    });
    expect(readRegimen('1 gram hver 6. time, 7-dagers kur')).toEqual({
      doseMg: 1000,
      dosesPerDay: 4,
      durationDays: 7,
    });
    expect(readRegimen('100 milligram morgen og kveld i 2 uker')).toEqual({
      doseMg: 100,
      dosesPerDay: 2,
      durationDays: 14,
    });
  });
});
