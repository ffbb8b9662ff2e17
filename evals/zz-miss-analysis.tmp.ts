import path from 'node:path';
import { draftNote } from '@kollega/clinical';
import type { DatasetRow } from './lib/datasets';
import { readJsonl, settingOf, sharedDir, toTranscript } from './lib/datasets';
import { keyFactHit } from './lib/key-facts';
const asr = process.argv.includes('--asr');
const rows = readJsonl<DatasetRow>(path.join(sharedDir(), 'data/nb-dev', asr ? 'consultations-asr.jsonl' : 'consultations.jsonl'));
const tok = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(/\s+/).filter(Boolean).map((w) => (/^\d/.test(w) ? w : w.slice(0, 4)));
let used = 0, unused = 0;
for (const row of rows) {
  const transcript = toTranscript(row);
  const setting = settingOf(row);
  const drafted = draftNote(transcript, { language: 'nb', ...(setting ? { setting } : {}) });
  const evidence = new Set(drafted.value.note.sections.flatMap((s) => s.statements.flatMap((st) => st.evidence)));
  for (const fact of row.key_facts ?? []) {
    if (keyFactHit(fact.fact, drafted.value.text)) continue;
    const ft = new Set(tok(fact.fact));
    let best = { score: 0, id: '', text: '' };
    for (const seg of transcript.segments) {
      const st = new Set(tok(seg.text));
      const score = [...ft].filter((t) => st.has(t)).length / ft.size;
      if (score > best.score) best = { score, id: seg.id, text: seg.text };
    }
    const isUsed = evidence.has(best.id);
    if (isUsed) used++; else unused++;
    const stmt = drafted.value.note.sections.flatMap((s) => s.statements).filter((st) => st.evidence.includes(best.id)).map((st) => st.text).join(' | ');
    console.log(`${row.id} ${fact.critical ? '*' : ' '} [${fact.section}] ${fact.fact}\n    ${isUsed ? 'USED  ' : 'UNUSED'} ${best.id} (${best.score.toFixed(2)}) ${best.text.slice(0, 160)}\n    -> ${stmt.slice(0, 200)}`);
  }
}
console.log('used', used, 'unused', unused);
