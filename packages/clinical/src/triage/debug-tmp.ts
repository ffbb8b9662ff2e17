import { createConceptIndex } from './concept-matcher';
import { extractMessageFeatures } from './message-features';
import { normalizeMessage } from './text-normalization';
import { TRIAGE_VOCABULARY } from './triage-vocabulary';
const text = process.argv[2]!;
const message = normalizeMessage(text);
const features = extractMessageFeatures(message);
const index = createConceptIndex({ message, vocabulary: TRIAGE_VOCABULARY, features, negationTerms: [] });
console.log(message.tokens.map((t) => `${t.norm}${t.clause}`).join(' '));
for (const c of Object.keys(TRIAGE_VOCABULARY)) {
  const hits = index.all(c);
  if (hits.length) console.log(c, hits.map((h) => `${h.negated ? '!' : ''}[${message.tokens.slice(h.start, h.end + 1).map((t) => t.raw).join(' ')}]`).join(' '));
}
for (const [k, v] of features) if (v.length) console.log('F', k, v.length);
