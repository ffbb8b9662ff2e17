import { readFileSync } from 'node:fs';
import { parseTranscriptInput, prepareTranscript, draftNote } from '@kollega/clinical';
import { buildPatientSummary, renderPatientSummaryText, verifyPatientSummary, findUntraceableSentences } from './index';
const file = process.argv[2] ?? '/work/shared/data/nb-dev/consultations.jsonl';
const lang = (process.argv[3] ?? 'nb') as 'nb'|'en';
const only = process.argv[4];
const content = readFileSync(file,'utf8');
const lixes: number[] = [];
for (const parsed of parseTranscriptInput(content, { format: 'jsonl' })) {
  if (only && parsed.externalId !== only) continue;
  const prepared = prepareTranscript(parsed);
  const draft = draftNote(prepared.transcript, { language: lang, ...(prepared.setting ? { setting: prepared.setting } : {}) });
  const summary = buildPatientSummary(draft.value.note);
  const v = verifyPatientSummary(draft.value.note, summary);
  lixes.push(summary.lix);
  console.log(`=== ${parsed.externalId} LIX ${summary.lix} conditions=${summary.conditions.map(c=>c.id).join(',')}`);
  if (process.env.SHOW !== '0') console.log(renderPatientSummaryText(summary));
  for (const u of findUntraceableSentences(draft.value.note, summary)) console.log('  ?? untraceable', u);
  for (const c of v.checks) if (c.support === 'unsupported' || c.support === 'contradicted') console.log(`  !! ${c.support}: ${c.text} :: ${c.reasons.join(' | ')}`);
}
lixes.sort((a,b)=>a-b);
console.log('median', lixes[Math.floor(lixes.length/2)], 'max', lixes[lixes.length-1]);
