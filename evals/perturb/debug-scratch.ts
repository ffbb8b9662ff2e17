import { loadNorwegianCases } from './datasets';
import { lexiconFor, analyseTokens } from '../../packages/clinical/src/verifier/text-analysis';
import { indexTranscript } from '../../packages/clinical/src/verifier/transcript-index';
import { polarityAt } from '../../packages/clinical/src/verifier/check-statement';
import { matchPositions } from '../../packages/clinical/src/verifier/alignment';
const c = loadNorwegianCases('/work/shared/data/nb-dev/consultations.jsonl').find((x) => x.id === 'nb-dev-08')!;
const index = indexTranscript(c.transcript, lexiconFor('nb'));
const u = index.units[31]!;
for (const t of analyseTokens('Ikke merket pipelyder.', lexiconFor('nb'), { note: true })) {
  const p = matchPositions(t, u, index); console.log(t.surface, t.canonical, p, p.map((x) => polarityAt(u, x, index)), u.subjects);
}
