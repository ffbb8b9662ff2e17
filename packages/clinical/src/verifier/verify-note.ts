/**
 * The verifier: checks every statement of a note — from the built-in engine, a language model or pasted in —
 * against the transcript, and lists what the note left out. Notes without evidence ids are aligned to the
 * transcript here; cited evidence ids are checked.
 */
import type { Language, Note, StatementCheck, Transcript, VerificationReport } from '@kollega/domain';
import type { StatementVerdict } from './check-statement';
import { checkStatement } from './check-statement';
import { findOmissions } from './find-omissions';
import { REASONS, noConsultationWarning } from './reasons';
import { lexiconFor } from './text-analysis';
import type { TranscriptIndex } from './transcript-index';
import { indexTranscript } from './transcript-index';

/** Options for `verifyNote`. */
export interface VerifyNoteOptions {
  /** Language of the reasons; defaults to the note's language. */
  language?: Language;
  /** Development: each flag's reason names the check that raised it (`bench:verify` sets it from
   * KOLLEGA_VERIFIER_TRACE=1). */
  trace?: boolean;
}

const indexCache = new WeakMap<Transcript, Map<Language, TranscriptIndex>>();

function transcriptIndex(transcript: Transcript, language: Language): TranscriptIndex {
  let byLanguage = indexCache.get(transcript);
  if (!byLanguage) {
    byLanguage = new Map();
    indexCache.set(transcript, byLanguage);
  }
  let index = byLanguage.get(language);
  if (!index) {
    index = indexTranscript(transcript, lexiconFor(language));
    byLanguage.set(language, index);
  }
  return index;
}

/** Verdicts already computed for a transcript: a re-verification after an edit only checks changed statements. */
const verdictCache = new WeakMap<TranscriptIndex, Map<string, StatementVerdict>>();

function cachedVerdict(
  index: TranscriptIndex,
  key: string,
  compute: () => StatementVerdict,
): StatementVerdict {
  let cache = verdictCache.get(index);
  if (!cache) {
    cache = new Map();
    verdictCache.set(index, cache);
  }
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = compute();
    if (cache.size > 5_000) cache.clear();
    cache.set(key, verdict);
  }
  return { ...verdict, evidence: [...verdict.evidence], reasons: [...verdict.reasons] };
}

/**
 * A statement that only names a problem ("Hypertension.", "Type 2 diabetes."): the heading of a problem in an
 * assessment, which the statements after it refer to as "this".
 */
function namesProblem(text: string): boolean {
  const words = text.replace(/[.:]+\s*$/u, '').split(/\s+/u);
  return !text.includes(':') && words.length <= 4 && /^\p{Lu}/u.test(text);
}

/** True when the transcript holds no consultation: empty, a few words, or nothing clinical. */
function isNoConsultation(index: TranscriptIndex): boolean {
  const turnsWithWords = new Set(index.units.map((unit) => unit.segmentIndex)).size;
  return index.wordCount < 15 || turnsWithWords < 2 || !index.clinical;
}

/** Checks every statement of a note against the transcript and lists omissions. */
export function verifyNote(
  transcript: Transcript,
  note: Note,
  options: VerifyNoteOptions = {},
): VerificationReport {
  const reasonLanguage = options.language ?? note.language;
  const index = transcriptIndex(transcript, note.language);
  const historySections = new Set(index.compiled.lexicon.historySections);
  const planSections = new Set(['tiltak', 'plan', 'assessment_and_plan', 'instructions', 'behandling']);
  const examSections = new Set([
    'undersokelse',
    'objective',
    'objektiv',
    'physical_examination',
    'physical_exam',
    'exam',
    'results',
    'funn',
  ]);
  if (isNoConsultation(index)) {
    return {
      statements: note.sections.flatMap((section) =>
        section.statements.map((statement): StatementCheck => ({
          statementId: statement.id,
          text: statement.text,
          support: 'unsupported',
          severity: 'normal',
          evidence: [],
          reasons: [REASONS.noConsultation(reasonLanguage)],
        })),
      ),
      omissions: [],
      warnings: [noConsultationWarning(reasonLanguage)],
    };
  }
  const statements = note.sections.flatMap((section) => {
    let topic: string | undefined;
    return section.statements.map((statement): StatementCheck => {
      const historySection = historySections.has(section.id);
      const planSection = planSections.has(section.id);
      const examSection = examSections.has(section.id);
      const trace = options.trace ?? false;
      const key = JSON.stringify([
        statement.text,
        statement.evidence,
        section.id,
        reasonLanguage,
        trace,
        topic,
      ]);
      const verdict = cachedVerdict(index, key, () =>
        checkStatement(
          { id: statement.id, text: statement.text, evidence: statement.evidence, sectionId: section.id },
          index,
          {
            reasonLanguage,
            historySection,
            planSection,
            examSection,
            trace,
            ...(topic === undefined ? {} : { topic }),
          },
        ),
      );
      if (namesProblem(statement.text)) topic = statement.text;
      return { statementId: statement.id, text: statement.text, ...verdict };
    });
  });
  return { statements, omissions: findOmissions(index, note), warnings: [] };
}
