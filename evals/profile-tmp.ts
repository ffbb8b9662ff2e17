import path from 'node:path';
import { draftNote } from '@kollega/clinical';
import type { DatasetRow } from './lib/datasets';
import { readJsonl, sharedDir, toTranscript } from './lib/datasets';
const rows = readJsonl<DatasetRow>(path.join(sharedDir(), 'data/nb-dev/consultations.jsonl'));
for (let round = 0; round < 14; round++) {
  const c0 = process.cpuUsage();
  for (const row of rows) draftNote(toTranscript(row), { language: 'nb' });
  const c = process.cpuUsage(c0);
  console.log('round', round, 'cpu ms/note', ((c.user + c.system) / 1000 / rows.length).toFixed(1));
}
