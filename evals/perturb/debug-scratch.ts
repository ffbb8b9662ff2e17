import { loadNorwegianCases } from './datasets';
import { lexiconFor } from '../../packages/clinical/src/verifier/text-analysis';
import { indexTranscript } from '../../packages/clinical/src/verifier/transcript-index';
const c = loadNorwegianCases('/work/shared/data/nb-dev/consultations.jsonl')[0]!;
const index = indexTranscript(c.transcript, lexiconFor('nb'));
for (const u of index.units.slice(3, 8)) console.log(u.index, u.segmentId, JSON.stringify(u.text), u.quantities.map((q) => [q.text, q.subject]));
