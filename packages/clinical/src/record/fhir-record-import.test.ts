import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { readFhirRecordDocument } from './fhir-record-import';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'HbA1c' }] },
        effectiveDateTime: '2024-03-12T08:00:00+01:00',
        valueQuantity: { value: 53, unit: 'mmol/mol' },
      },
    },
    {
      resource: {
        resourceType: 'Observation',
        id: 'o2',
        code: { text: 'Blodtrykk' },
        effectiveDateTime: '2024-03-12',
        component: [
          { code: { text: 'Systolisk' }, valueQuantity: { value: 138, unit: 'mmHg' } },
          { code: { text: 'Diastolisk' }, valueQuantity: { value: 84, unit: 'mmHg' } },
        ],
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'c1',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'T90', display: 'Diabetes type 2' }],
        },
        onsetDateTime: '2015-05-14',
      },
    },
    {
      resource: {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'stopped',
        medicationCodeableConcept: { text: 'Ramipril' },
        effectivePeriod: { start: '2016-01-01', end: '2020-03-07' },
        dosage: [{ text: '5 mg x 1' }],
      },
    },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        code: { text: 'Penicillin' },
        criticality: 'high',
        reaction: [{ manifestation: [{ text: 'urtikaria' }] }],
      },
    },
    {
      resource: {
        resourceType: 'DocumentReference',
        id: 'r1',
        status: 'current',
        date: '2023-09-01',
        content: [
          {
            attachment: {
              contentType: 'text/plain',
              data: base64('Epikrise: Innlagt for pneumoni. Fikk klindamycin på grunn av penicillinallergi.'),
            },
          },
        ],
      },
    },
    { resource: { resourceType: 'Patient', id: 'p1' } },
  ],
};

describe('readFhirRecordDocument', () => {
  it('turns each supported resource into a cited passage with its structured values', () => {
    const { value: document, warnings } = readFhirRecordDocument({
      id: 'f',
      name: 'bundle.json',
      json: bundle,
    });
    const texts = document.passages.map((passage) => passage.text);
    expect(texts).toContain('Prøvesvar: HbA1c 53 mmol/mol, målt 12.03.2024.');
    expect(texts).toContain('Prøvesvar: Blodtrykk 138/84 mmHg, målt 12.03.2024.');
    expect(texts).toContain('Diagnose: T90 Diabetes type 2, aktiv, fra 14.05.2015.');
    expect(texts).toContain('Legemiddel: Ramipril 5 mg x 1, seponert 07.03.2020.');
    expect(texts.some((text) => text.startsWith('Allergi: Penicillin (reaksjon: urtikaria)'))).toBe(true);
    expect(texts.some((text) => text.includes('penicillinallergi'))).toBe(true);
    const hba1c = document.passages.find((passage) => passage.entry?.display === 'HbA1c');
    expect(hba1c?.entry).toMatchObject({
      kind: 'observation',
      value: '53',
      unit: 'mmol/mol',
      date: '2024-03-12',
      source: 'Observation/o1',
    });
    expect(hba1c?.date).toBe('2024-03-12');
    expect(document.passages.find((passage) => passage.text.includes('Epikrise'))?.date).toBe('2023-09-01');
    expect(warnings.map((warning) => warning.code)).toEqual(['fhir_resources_skipped']);
  });

  it('refuses JSON that is not FHIR, without quoting it', () => {
    expect(() => readFhirRecordDocument({ id: 'x', name: 'x.json', json: { pasient: 'Kari' } })).toThrow(
      AppError,
    );
    try {
      readFhirRecordDocument({ id: 'x', name: 'x.json', json: { pasient: 'Kari' } });
    } catch (error) {
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).not.toContain('Kari');
    }
  });
});
