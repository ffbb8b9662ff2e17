import { describe, expect, it } from 'vitest';
import type { RecordDocument } from './record-types';
import { answerRecordQuestion, analyzeRecordQuestion } from './answer-question';
import { readFhirRecordDocument } from './fhir-record-import';
import { formatNorwegianDate } from './norwegian-dates';
import { createRecordIndex, findPassage, searchRecord } from './record-index';
import { createTextRecordDocument } from './split-passages';
import { generateSyntheticRecord } from './synthetic-record';

const JOURNAL = [
  'Konsultasjon 14.02.2022 – kontroll diabetes',
  'Blodprøver fra 10.02.2022 viser HbA1c 61 mmol/mol og kreatinin 77 µmol/L.',
  'Tiltak: Starter atorvastatin 20 mg x 1. Ny HbA1c om tre måneder.',
  '',
  'Laboratoriesvar – prøve tatt 02.06.2023',
  'HbA1c 55 mmol/mol',
  'Kreatinin 81 µmol/L',
  '',
  'Konsultasjon 05.09.2023 – kontroll',
  'Aktuelt: Føler seg bedre. Til sammenligning var HbA1c 70 mmol/mol i 2019.',
  'Tiltak: Ramipril seponeres på grunn av tørrhoste. Starter losartan 50 mg x 1.',
  '',
  'Laboratoriesvar – prøve tatt 18.01.2021',
  'HbA1c 66 mmol/mol',
].join('\n');

function buildIndex(extra: RecordDocument[] = []) {
  const journal = createTextRecordDocument({ id: 'j', name: 'journal.txt', pages: [JOURNAL] });
  return createRecordIndex([journal, ...extra]);
}

describe('answerRecordQuestion (extractive)', () => {
  it('answers "sist" with the most recent dated value, not the best match or a year-only mention', () => {
    const answer = answerRecordQuestion(buildIndex(), 'Når ble HbA1c sist målt, og hva var verdien?');
    expect(answer.found).toBe(true);
    expect(answer.method).toBe('extractive');
    expect(answer.date).toBe('2023-06-02');
    expect(answer.value).toBe('55 mmol/mol');
    expect(answer.answer).toContain('02.06.2023');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ documentName: 'journal.txt', quote: 'HbA1c 55 mmol/mol' });
    expect(answer.citations[0]?.label).toMatch(/^journal\.txt, avsnitt \d+ \(02\.06\.2023\)$/);
  });

  it('answers "første" with the earliest value, even one the record dates by its year only', () => {
    const answer = answerRecordQuestion(buildIndex(), 'Hva var første HbA1c?');
    expect(answer.value).toBe('70 mmol/mol');
    expect(answer.answer).toContain('i 2019');
    expect(answer.date).toBeUndefined();
    const dated = answerRecordQuestion(buildIndex(), 'Hva var første HbA1c i 2021?');
    expect(dated.date).toBe('2021-01-18');
    expect(dated.value).toBe('66 mmol/mol');
  });

  it('keeps to a year the question names', () => {
    const answer = answerRecordQuestion(buildIndex(), 'Hva var HbA1c i 2022?');
    expect(answer.value).toBe('61 mmol/mol');
    expect(answer.date).toBe('2022-02-10');
  });

  it('finds the reason sentence for "hvorfor" and the start of a medicine', () => {
    const why = answerRecordQuestion(buildIndex(), 'Hvorfor ble ramipril seponert?');
    expect(why.answer).toContain('tørrhoste');
    const start = answerRecordQuestion(buildIndex(), 'Når ble atorvastatin startet?');
    expect(start.date).toBe('2022-02-14');
    expect(start.answer).toContain('atorvastatin 20 mg');
  });

  it('says it found nothing when the record does not hold the subject, and never invents a value', () => {
    const answer = answerRecordQuestion(buildIndex(), 'Hva var siste PSA?');
    expect(answer.found).toBe(false);
    expect(answer.value).toBeUndefined();
    expect(answer.answer).toBe('Fant ikke svar på spørsmålet i journalen.');
  });

  it('uses structured FHIR values and cites the FHIR document', () => {
    const fhir = readFhirRecordDocument({
      id: 'f',
      name: 'lab.json',
      json: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'Observation',
              code: { text: 'HbA1c' },
              effectiveDateTime: '2024-01-09',
              valueQuantity: { value: 49, unit: 'mmol/mol' },
            },
          },
        ],
      },
    }).value;
    const answer = answerRecordQuestion(buildIndex([fhir]), 'Hva var langtidsblodsukkeret sist?');
    expect(answer.date).toBe('2024-01-09');
    expect(answer.citations[0]?.documentName).toBe('lab.json');
  });

  it('reads the question: subject terms, recency, value and date', () => {
    expect(analyzeRecordQuestion('Når ble HbA1c sist målt, og hva var verdien?')).toMatchObject({
      terms: ['hba1c'],
      recency: 'latest',
      asksValue: true,
      asksDate: true,
      requiresNumber: true,
    });
    expect(analyzeRecordQuestion('Hva var første blodtrykk i 2019?')).toMatchObject({
      recency: 'earliest',
      year: '2019',
    });
  });
});

describe('searchRecord', () => {
  it('ranks passages with the query terms first and cites them', () => {
    const hits = searchRecord(buildIndex(), 'tørrhoste ramipril');
    expect(hits[0]?.passage.text).toContain('tørrhoste');
    expect(hits[0]?.citation.passageId).toBe(hits[0]?.passage.id);
    expect(searchRecord(buildIndex(), 'og i på')).toEqual([]);
  });
});

describe('a generated 500-page record', () => {
  it('imports and answers within seconds, and the cited passage holds the known answer', () => {
    for (const seed of [11, 12]) {
      const record = generateSyntheticRecord({ seed });
      const started = performance.now();
      const index = createRecordIndex([
        createTextRecordDocument({ id: 'j', name: 'journal.pdf', kind: 'pdf', pages: record.pages }),
        createTextRecordDocument({ id: 'e', name: 'epikrise.txt', pages: [record.epicrisis] }),
        readFhirRecordDocument({ id: 'f', name: 'kjernejournal.json', json: record.fhirBundle }).value,
      ]);
      const first = answerRecordQuestion(index, record.questions[0]!.question);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(first.found).toBe(true);
      let correct = 0;
      for (const question of record.questions) {
        const answer = answerRecordQuestion(index, question.question);
        const passage =
          answer.citations[0] === undefined ? undefined : findPassage(index, answer.citations[0].passageId);
        const text =
          `${passage?.heading ?? ''} ${passage?.text ?? ''} ${passage?.date === undefined ? '' : formatNorwegianDate(passage.date)}`.toLowerCase();
        const holds =
          answer.found &&
          (question.value === undefined || text.includes(question.value.toLowerCase())) &&
          (question.date === undefined || text.includes(formatNorwegianDate(question.date))) &&
          (question.words ?? []).every((word) => text.includes(word));
        if (holds) correct += 1;
      }
      expect(record.questions.length).toBeGreaterThanOrEqual(20);
      expect(correct / record.questions.length).toBeGreaterThanOrEqual(0.9);
    }
  });
});
