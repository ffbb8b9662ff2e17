import { triageMessage } from './index';
import { SYNTHETIC_HOLDOUT_CASES_4 } from './synthetic-triage-cases';
for (const c of SYNTHETIC_HOLDOUT_CASES_4) { const r = triageMessage(c.message); if (c.category && r.category !== c.category) console.log(c.category, r.category, c.message); }
