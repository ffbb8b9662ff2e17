import { generateSyntheticRecord } from './synthetic-record';
import { createTextRecordDocument } from './split-passages';
import { readFhirRecordDocument } from './fhir-record-import';
import { createRecordIndex } from './record-index';
import { answerRecordQuestion } from './answer-question';
import { summarizeRecord } from './summarize-record';
import { formatNorwegianDate } from './norwegian-dates';

const record = generateSyntheticRecord({ seed: Number(process.env.SEED ?? 1) });
let t = performance.now();
const journal = createTextRecordDocument({ id: 'd1', name: 'journal.pdf', kind: 'pdf', pages: record.pages });
const epi = createTextRecordDocument({ id: 'd2', name: 'epikrise.txt', pages: [record.epicrisis] });
const fhir = readFhirRecordDocument({ id: 'd3', name: 'fhir.json', json: record.fhirBundle }).value;
const index = createRecordIndex([journal, epi, fhir]);
console.log('passages', index.passages.length, 'build ms', (performance.now() - t).toFixed(0));
let ok = 0;
t = performance.now();
for (const q of record.questions) {
  const a = answerRecordQuestion(index, q.question);
  const p = a.citations[0] ? index.passages[index.passagePositions.get(a.citations[0].passageId)!] : undefined;
  const hay = p ? `${p.heading ?? ''} ${p.text} ${p.date ? formatNorwegianDate(p.date) : ''}`.toLowerCase() : '';
  const good = a.found && (!q.value || hay.includes(q.value.toLowerCase())) && (!q.date || hay.includes(formatNorwegianDate(q.date))) && (q.words ?? []).every((w) => hay.includes(w));
  if (good) ok++;
  console.log(good ? 'OK ' : 'BAD', q.question, '| exp', q.value, q.date, q.words?.join(','), '| got', a.answer.slice(0, 120), '|', a.citations[0]?.label);
}
console.log('qa ms', (performance.now() - t).toFixed(0), ok, '/', record.questions.length);
t = performance.now();
const s = summarizeRecord(index);
console.log('summary ms', (performance.now() - t).toFixed(0));
console.log(JSON.stringify({ problems: s.problems.map((i) => [i.text, i.date, i.detail]), meds: s.medicines.map((i) => [i.text, i.date, i.detail]), allergies: s.allergies.map((i) => [i.text, i.date]), results: s.keyResults.map((i) => [i.text, i.date, i.detail]), timeline: s.timeline.slice(0, 5).map((i) => [i.text, i.date]) }, null, 1));
