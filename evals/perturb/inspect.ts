import { verifyNote } from '@kollega/clinical';
import { loadNorwegianCases, loadAciCases } from './datasets';
const which = process.argv[2] ?? 'nb';
const cases = which === 'nb' ? loadNorwegianCases('/work/shared/data/nb-dev/consultations.jsonl') : loadAciCases('/work/shared/data/en-dev/aci-bench/valid.jsonl');
let total = 0, flagged = 0; const counts: Record<string, number> = {};
const t0 = Date.now();
for (const c of cases) {
  const report = verifyNote(c.transcript, c.note);
  for (const s of report.statements) {
    total++; counts[s.support] = (counts[s.support] ?? 0) + 1;
    if (s.support === 'unsupported' || s.support === 'contradicted') { flagged++; console.log(`${c.id} [${s.support}] ${s.text}\n      -> ${s.reasons.join(' | ')}`); }
    else if (process.argv[3] === 'all') console.log(`${c.id} [${s.support}] ${s.text} -> ${s.evidence.join(',')}`);
  }
}
console.log(counts, 'flagged', flagged, '/', total, (100*flagged/total).toFixed(1)+'%', Date.now()-t0, 'ms');
