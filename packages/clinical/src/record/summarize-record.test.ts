import { describe, expect, it } from 'vitest';
import { readFhirRecordDocument } from './fhir-record-import';
import { createRecordIndex, findPassage } from './record-index';
import { createTextRecordDocument } from './split-passages';
import { summarizeRecord } from './summarize-record';

const JOURNAL = [
  'Konsultasjon 14.02.2022 – kontroll',
  'Diagnosen diabetes type 2 stilles. Starter metformin 500 mg x 2.',
  'CAVE: Penicillin (urtikaria).',
  '',
  'Konsultasjon 05.09.2023 – kontroll',
  'Us.: BT 142/88. Vekt 84,5 kg.',
  'Tiltak: Øker metformin til 1000 mg x 2. Ramipril seponeres på grunn av tørrhoste.',
  '',
  'Laboratoriesvar – prøve tatt 02.06.2023',
  'HbA1c 55 mmol/mol',
  '',
  'Laboratoriesvar – prøve tatt 01.12.2023',
  'HbA1c 51 mmol/mol',
].join('\n');

const FHIR = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Condition',
        code: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'T90', display: 'Diabetes type 2' }],
          text: 'Diabetes type 2',
        },
        clinicalStatus: { coding: [{ code: 'active' }] },
        onsetDateTime: '2022-02-14',
      },
    },
    { resource: { resourceType: 'AllergyIntolerance', code: { text: 'Penicillin' }, criticality: 'high' } },
  ],
};

function summarize() {
  const index = createRecordIndex([
    createTextRecordDocument({ id: 'j', name: 'journal.txt', pages: [JOURNAL] }),
    readFhirRecordDocument({ id: 'f', name: 'kjernejournal.json', json: FHIR }).value,
  ]);
  return { index, summary: summarizeRecord(index) };
}

describe('summarizeRecord', () => {
  it('cites an existing passage for every item, quoting words that are in it', () => {
    const { index, summary } = summarize();
    const items = [
      ...summary.problems,
      ...summary.medicines,
      ...summary.allergies,
      ...summary.keyResults,
      ...summary.timeline,
    ];
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(item.citations.length).toBeGreaterThan(0);
      for (const citation of item.citations) {
        const passage = findPassage(index, citation.passageId);
        expect(passage).toBeDefined();
        expect(passage!.text).toContain(citation.quote.replace(/…$/, ''));
      }
    }
  });

  it('merges a coded problem with the same problem named in text', () => {
    const { summary } = summarize();
    const diabetes = summary.problems.filter((item) => /diabetes/i.test(item.text));
    expect(diabetes).toHaveLength(1);
    expect(diabetes[0]).toMatchObject({ text: 'T90 Diabetes type 2', date: '2022-02-14', detail: 'aktiv' });
    expect(diabetes[0]!.citations.map((citation) => citation.documentId).sort()).toEqual(['f', 'j']);
  });

  it('lists medicines with the latest dose, and stopped medicines last and marked', () => {
    const { summary } = summarize();
    expect(summary.medicines[0]).toMatchObject({ text: 'Metformin 1000 mg x 2', date: '2023-09-05' });
    const ramipril = summary.medicines.find((item) => /ramipril/i.test(item.text));
    expect(ramipril).toMatchObject({ detail: 'seponert', date: '2023-09-05' });
    expect(summary.medicines.at(-1)).toBe(ramipril);
  });

  it('keeps the newest result per test with the one before it, and the allergy once', () => {
    const { summary } = summarize();
    const hba1c = summary.keyResults.find((item) => item.text.startsWith('HbA1c'));
    expect(hba1c).toMatchObject({ text: 'HbA1c 51 mmol/mol', date: '2023-12-01' });
    expect(hba1c?.detail).toContain('55');
    expect(summary.keyResults.find((item) => item.text.startsWith('BT'))?.text).toBe('BT 142/88');
    expect(summary.allergies.filter((item) => /penicillin/i.test(item.text))).toHaveLength(1);
  });

  it('orders the timeline newest first', () => {
    const { summary } = summarize();
    const dates = summary.timeline.map((item) => item.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(summary.timeline[0]?.text).toBe('Laboratoriesvar – prøve tatt 01.12.2023');
  });
});
