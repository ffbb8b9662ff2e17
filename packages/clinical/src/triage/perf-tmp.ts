import { triageMessage } from './index';
import { SYNTHETIC_HOLDOUT_CASES, SYNTHETIC_HOLDOUT_CASES_3, SYNTHETIC_HOLDOUT_CASES_4, SYNTHETIC_TRIAGE_CASES } from './synthetic-triage-cases';
const all = [...SYNTHETIC_TRIAGE_CASES, ...SYNTHETIC_HOLDOUT_CASES, ...SYNTHETIC_HOLDOUT_CASES_3, ...SYNTHETIC_HOLDOUT_CASES_4];
triageMessage('warm');
const t = performance.now();
for (let i = 0; i < 3; i++) for (const c of all) triageMessage(c.message);
console.log('ms/msg', ((performance.now() - t) / (3 * all.length)).toFixed(2));
