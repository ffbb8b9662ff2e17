/**
 * Debug tool: explains how the verifier aligns one statement. Usage: tsx evals/perturb/explain.ts nb-dev-01 "substring"
 * ["replacement text"] — with a replacement, the matching statement's text is replaced before checking.
 */
import { loadAciCases, loadNorwegianAsrCases, loadNorwegianCases } from './datasets';
import { lexiconFor, analyseTokens } from '../../packages/clinical/src/verifier/text-analysis';
import { indexTranscript } from '../../packages/clinical/src/verifier/transcript-index';
import {
  rankUnits,
  topUnits,
  expandWindow,
  matchPositions,
  matchingCanonicals,
  tokenWeight,
} from '../../packages/clinical/src/verifier/alignment';
import { verifyNote } from '@kollega/clinical';

const [caseId = '', needle = '', replacement] = process.argv.slice(2);
const cases = caseId.startsWith('nb')
  ? caseId.endsWith('-asr')
    ? loadNorwegianAsrCases('/work/shared/data/nb-dev/consultations-asr.jsonl')
    : loadNorwegianCases('/work/shared/data/nb-dev/consultations.jsonl')
  : [
      ...loadAciCases('/work/shared/data/en-dev/aci-bench/valid.jsonl'),
      ...loadAciCases('/work/shared/data/en-dev/aci-bench/train.jsonl'),
    ];
const found = cases.find((c) => c.id === caseId);
if (!found) throw new Error('no case');
const compiled = lexiconFor(found.language);
const index = indexTranscript(found.transcript, compiled);
const note =
  replacement === undefined
    ? found.note
    : {
        ...found.note,
        sections: found.note.sections.map((section) => ({
          ...section,
          statements: section.statements.map((statement) =>
            statement.text.includes(needle) ? { ...statement, text: replacement } : statement,
          ),
        })),
      };
const wanted = replacement ?? needle;
const report = verifyNote(found.transcript, note, { trace: process.env.KOLLEGA_VERIFIER_TRACE === '1' });
for (const check of report.statements.filter((s) => s.text.includes(wanted))) {
  console.log('STATEMENT', check.text, '=>', check.support, check.reasons);
  const tokens = analyseTokens(check.text, compiled, { note: true });
  console.log(
    ' tokens',
    tokens
      .map(
        (t) =>
          `${t.surface}/${t.canonical}${t.stopword ? '(s)' : ''}${t.negation ? '(NEG)' : ''}[${[...matchingCanonicals(t, index)].slice(0, 4).join(',')}]w${tokenWeight(t, index).toFixed(1)}`,
      )
      .join(' '),
  );
  const content = tokens.filter((t) => !t.stopword && !t.punctuation);
  const ranked = rankUnits(content, content, index, new Set());
  for (const entry of topUnits(ranked, 5, 0.1)) {
    const u = entry.unit;
    console.log(
      `  ${entry.score.toFixed(2)} ${u.segmentId}/${u.index} ${u.speaker} q=${u.isQuestion} a=${u.answer} hyp=${u.hypothetical} subj=${u.subjects
        .join('')
        .replace(/patient/g, 'p')
        .replace(/relative/g, 'R')} | ${u.text}`,
    );
    console.log(
      '     qty',
      u.quantities.map((q) => `${q.text}:${q.value}${q.family ?? ''}${q.label ?? ''}`).join('; '),
      'sides',
      u.sides.map((s) => `${s.side}@${s.position}`).join(','),
      'times',
      u.times.map((t) => t.key).join(','),
    );
    for (const t of content) {
      const p = matchPositions(t, u, index);
      if (p.length) console.log(`     ${t.surface} @ ${p.join(',')}`);
    }
  }
  const window = expandWindow(
    topUnits(ranked).map((e) => e.unit),
    index,
  );
  console.log('  window', window.map((u) => `${u.segmentId}/${u.index}`).join(' '));
}
