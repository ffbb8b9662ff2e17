import { readFileSync } from 'node:fs';
import { triageMessage } from './index';
const rows = readFileSync('/work/shared/data/nb-dev/triage.jsonl','utf8').split('\n').filter(Boolean).map((l)=>JSON.parse(l));
let ok=0, cat=0;
for (const row of rows) {
  const r = triageMessage(row.message);
  const good = r.urgency===row.urgency; if (good) ok++; if (r.category===row.category) cat++;
  if (!good || r.category!==row.category || process.env.ALL) console.log(row.id, row.urgency, '->', r.urgency, '|', row.category, '->', r.category, r.redFlags.map(f=>f.rule+': '+f.text).join(' || '));
}
console.log('acc', ok, '/', rows.length, 'cat', cat);
