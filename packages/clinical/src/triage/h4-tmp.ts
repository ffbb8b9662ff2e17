import { triageMessage } from './index';
import { SYNTHETIC_HOLDOUT_CASES_4 } from './synthetic-triage-cases';
const R = { rutine: 0, innen_uke: 1, samme_dag: 2, akutt: 3 } as const;
let ok = 0, cat = 0, under = 0, ak = 0, akHit = 0, inj = 0;
for (const c of SYNTHETIC_HOLDOUT_CASES_4) {
  const r = triageMessage(c.message);
  if (r.urgency === c.urgency) ok++; else if (R[r.urgency] < R[c.urgency]) under++;
  if (c.urgency === 'akutt') { ak++; if (r.urgency === 'akutt') akHit++; }
  if (!c.category || r.category === c.category) cat++;
  const injOk = Boolean(c.injection) === r.injectionAttempt; if (!injOk) inj++;
  if (r.urgency !== c.urgency || (c.category && r.category !== c.category) || !injOk || process.env.ALL)
    console.log(`${c.urgency}->${r.urgency} ${c.category}->${r.category} inj=${r.injectionAttempt} | ${c.message}\n    ${r.redFlags.map((f) => f.rule + ': ' + f.text).join(' || ')}`);
}
const n = SYNTHETIC_HOLDOUT_CASES_4.length;
console.log(`n=${n} acc=${ok} under=${under} akutt ${akHit}/${ak} cat=${cat} injErr=${inj}`);
