/**
 * Benchmark of the patient-record features on a generated 500-page record.
 *
 *   npm run bench:records [-- --pages 500] [-- --seed 1]
 *
 * The generator (packages/clinical/src/record/synthetic-record.ts) writes many years of GP visits, lab reports
 * with dated values that drift, medicine starts, dose changes and stops, referrals, imaging and an allergy, as
 * journal pages (rendered here to a PDF, one record page per PDF page), a discharge summary (text) and a FHIR
 * R4 Bundle. It keeps the truth, so every question has a known answer. Prints: import time (PDF text
 * extraction, passage splitting, index), question-answering latency, the record summary's time, and the share
 * of answers whose cited passage holds the known answer (the value, the date as dd.mm.yyyy, and the named words).
 * The questions are written against the generator; they show that retrieval, recency and citation work on a
 * long record, not how the engine does on real records.
 */
import { performance } from 'node:perf_hooks';
import type { RecordDocument } from '@kollega/clinical';
import {
  answerRecordQuestion,
  createRecordIndex,
  findPassage,
  formatNorwegianDate,
  summarizeRecord,
} from '@kollega/clinical';
import { importRecordFile, renderPdf } from '@kollega/documents';
import { generateSyntheticRecord } from '../packages/clinical/src/record/synthetic-record';

function option(name: string, fallback: number): number {
  const position = process.argv.indexOf(`--${name}`);
  const value = position === -1 ? undefined : Number(process.argv[position + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

const pageCount = option('pages', 500);
const seed = option('seed', 1);
const record = generateSyntheticRecord({ pageCount, seed });

let started = performance.now();
const pdf = await renderPdf({
  title: 'Journalutskrift (syntetisk)',
  sections: record.pages.map((page) => {
    const [heading = '', ...rest] = page.split('\n');
    return { title: heading, text: rest.join('\n'), newPage: true };
  }),
  createdAt: new Date('2025-01-01T00:00:00Z'),
});
const renderMs = performance.now() - started;

started = performance.now();
const documents: RecordDocument[] = [];
const journal = await importRecordFile({ id: 'journal', name: 'journal.pdf', bytes: pdf });
documents.push(journal.value);
const extractedMs = performance.now() - started;
documents.push(
  (
    await importRecordFile({
      id: 'epikrise',
      name: 'epikrise.txt',
      bytes: new TextEncoder().encode(record.epicrisis),
    })
  ).value,
);
documents.push(
  (
    await importRecordFile({
      id: 'kjernejournal',
      name: 'kjernejournal.json',
      bytes: new TextEncoder().encode(JSON.stringify(record.fhirBundle)),
    })
  ).value,
);
const index = createRecordIndex(documents);
const importMs = performance.now() - started;

const latencies: number[] = [];
const rows: string[] = [];
let correct = 0;
let firstAnswerMs = 0;
for (const [position, question] of record.questions.entries()) {
  const asked = performance.now();
  const answer = answerRecordQuestion(index, question.question);
  const elapsed = performance.now() - asked;
  if (position === 0) firstAnswerMs = elapsed;
  latencies.push(elapsed);
  const passage =
    answer.citations[0] === undefined ? undefined : findPassage(index, answer.citations[0].passageId);
  const cited =
    `${passage?.heading ?? ''} ${passage?.text ?? ''} ${passage?.date === undefined ? '' : formatNorwegianDate(passage.date)}`.toLowerCase();
  const holds =
    answer.found &&
    (question.value === undefined || cited.includes(question.value.toLowerCase())) &&
    (question.date === undefined || cited.includes(formatNorwegianDate(question.date))) &&
    (question.words ?? []).every((word) => cited.includes(word));
  if (holds) correct += 1;
  const expected = [
    question.value,
    question.date === undefined ? undefined : formatNorwegianDate(question.date),
    ...(question.words ?? []),
  ]
    .filter((part) => part !== undefined)
    .join(' | ');
  rows.push(
    `${holds ? 'ok  ' : 'MISS'} ${elapsed.toFixed(1).padStart(6)} ms  ${question.question}\n` +
      `                 forventet: ${expected}\n                 svar: ${answer.answer.slice(0, 110)}\n                 kilde: ${answer.citations[0]?.label ?? '–'}`,
  );
}

started = performance.now();
const summary = summarizeRecord(index);
const summaryMs = performance.now() - started;

const passages = documents.reduce((sum, document) => sum + document.passages.length, 0);
const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length);
process.stdout.write(
  [
    `Journal (syntetisk, frø ${seed}): ${journal.value.pageCount ?? 0} PDF-sider (${(pdf.length / 1024).toFixed(0)} kB, laget på ${(renderMs / 1000).toFixed(1)} s), epikrise, FHIR-bundle; ${passages} avsnitt`,
    '',
    `Import: ${(importMs / 1000).toFixed(2)} s  (PDF-tekst og avsnitt ${(extractedMs / 1000).toFixed(2)} s, resten og indeks ${((importMs - extractedMs) / 1000).toFixed(2)} s)`,
    `Import + første svar: ${((importMs + firstAnswerMs) / 1000).toFixed(2)} s`,
    `Spørsmål (${latencies.length}): snitt ${mean.toFixed(1)} ms, median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, maks ${Math.max(...latencies).toFixed(1)} ms`,
    `Sammendrag: ${summaryMs.toFixed(0)} ms (${summary.problems.length} problemer, ${summary.medicines.length} legemidler, ${summary.allergies.length} allergier, ${summary.keyResults.length} prøvesvar, ${summary.timeline.length} i tidslinjen)`,
    '',
    `Kilden inneholder svaret: ${correct}/${record.questions.length} (${((100 * correct) / Math.max(1, record.questions.length)).toFixed(0)} %)`,
    '',
    ...rows,
    '',
  ].join('\n'),
);
