/**
 * Developer view of one consultation: each utterance with its role and how the engine read it, then the
 * facts and the note. `npx tsx evals/lib/debug-note.ts nb-dev-01 [--asr] [--en]`
 */
import path from 'node:path';
import { draftNote, extractDraftFacts, inferSpeakerRoles } from '@kollega/clinical';
import { buildUtterances } from '../../packages/clinical/src/facts/utterances';
import { classifyDoctorSentence } from '../../packages/clinical/src/facts/vocabulary';
import type { DatasetRow } from './datasets';
import { readJsonl, settingOf, sharedDir, toTranscript } from './datasets';

const id = process.argv[2] ?? 'nb-dev-01';
const english = process.argv.includes('--en');
const file = english
  ? path.join(
      sharedDir(),
      'data/en-dev/aci-bench',
      process.argv.includes('--train') ? 'train.jsonl' : 'valid.jsonl',
    )
  : path.join(
      sharedDir(),
      'data/nb-dev',
      process.argv.includes('--asr') ? 'consultations-asr.jsonl' : 'consultations.jsonl',
    );
const language = english ? 'en' : 'nb';
const row = readJsonl<DatasetRow>(file).find((candidate) => candidate.id.startsWith(id));
if (!row) throw new Error(`no case ${id}`);
const transcript = inferSpeakerRoles(toTranscript(row));
for (const utterance of buildUtterances(transcript, language)) {
  const kind =
    utterance.role === 'lege' && !utterance.isQuestion
      ? classifyDoctorSentence(utterance.text, language)
      : '';
  console.log(
    `${utterance.segmentId.padEnd(4)} ${utterance.role.padEnd(9)} ${utterance.isQuestion ? '?' : ' '} ${kind.padEnd(11)} ${utterance.text}`,
  );
}
console.log('\n--- facts');
for (const draft of extractDraftFacts(transcript, { language })) {
  console.log(
    `${draft.section.padEnd(11)} ${draft.group.padEnd(12)} ${draft.fact.kind.padEnd(14)} ${draft.fact.polarity.padEnd(9)} p${draft.priority} [${draft.fact.evidence.join(',')}] ${draft.fact.text}`,
  );
}
const setting = settingOf(row);
const drafted = draftNote(transcript, {
  language,
  ...(english ? { template: 'aci' } : {}),
  ...(setting ? { setting } : {}),
});
console.log(`\n--- note\n${drafted.value.text}`);
if (row.reference_note) console.log(`\n--- reference\n${Object.values(row.reference_note).join('\n')}`);
if (row.note && process.argv.includes('--ref')) console.log(`\n--- reference\n${row.note}`);
