import type { Note, Segment, Support, Transcript, Warning } from '@kollega/domain';
import { verifyNote } from '../verifier/verify-note';
import type { RecordAnswer, RecordCitation, RecordPassage } from './record-types';
import type { RecordIndex } from './record-index';
import { citePassage, scorePassages } from './record-index';
import {
  analyzeRecordQuestion,
  answerRecordQuestion,
  chooseAnswerCandidates,
  extractValue,
  findAnswerCandidates,
} from './answer-question';
import { findDates, formatNorwegianDate } from './norwegian-dates';
import { splitRecordSentences } from './norwegian-terms';

/**
 * Answers written by a language model from retrieved passages, then checked: every sentence must cite the
 * passages it rests on, and the verifier (`verifyNote`, with the cited passages as the transcript) must find
 * no unsupported or contradicted sentence. Otherwise the built-in extractive answer is returned, with a
 * warning saying why. The model is called through a plain function, so this module stays free of I/O.
 */

/** One chat message for the model. */
export interface RecordChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Calls a language model with chat messages and returns its text (the caller handles audit and privacy). */
export type GenerateRecordAnswerText = (messages: RecordChatMessage[]) => Promise<string>;

/** Input of `answerRecordQuestionWithModel`. */
export interface ModelRecordAnswerInput {
  index: RecordIndex;
  question: string;
  generate: GenerateRecordAnswerText;
  /** Passages given to the model (default 8). */
  passageLimit?: number;
}

interface ModelAnswerSentence {
  text: string;
  sources: string[];
}

/** The passages the model reads: the extractive candidates' passages first, then the best BM25 matches. */
export function selectContextPassages(index: RecordIndex, question: string, limit: number): RecordPassage[] {
  const analysis = analyzeRecordQuestion(question);
  const chosen = chooseAnswerCandidates(findAnswerCandidates(index, analysis), analysis);
  const passages: RecordPassage[] = [];
  const add = (passage: RecordPassage | undefined): void => {
    if (
      passage !== undefined &&
      passages.length < limit &&
      !passages.some((known) => known.id === passage.id)
    ) {
      passages.push(passage);
    }
  };
  for (const candidate of chosen.slice(0, Math.ceil(limit / 2))) add(candidate.passage);
  const ranked = [...scorePassages(index, analysis.terms).entries()].sort(
    (left, right) => right[1] - left[1],
  );
  for (const [position] of ranked) {
    if (passages.length >= limit) break;
    add(index.passages[position]);
  }
  return passages;
}

/** The chat messages that ask for a cited answer; passages are labelled K1, K2, … */
export function buildRecordAnswerMessages(
  index: RecordIndex,
  question: string,
  passages: readonly RecordPassage[],
): RecordChatMessage[] {
  const context = passages
    .map((passage, position) => {
      const documentName = index.documents.get(passage.documentId)?.name ?? passage.documentId;
      const date = passage.date === undefined ? '' : `, ${formatNorwegianDate(passage.date)}`;
      return `[K${position + 1}] (${documentName}${date})\n${passage.text}`;
    })
    .join('\n\n');
  return [
    {
      role: 'system',
      content:
        'Du svarer en lege på spørsmål om en pasientjournal. Bruk bare opplysningene i kildene. ' +
        'Svar kort på norsk bokmål, med dato og verdi når spørsmålet gjelder en måling. ' +
        'Hver setning skal vise til kildene den bygger på (K1, K2, …). ' +
        'Svar bare med JSON: {"found": true, "sentences": [{"text": "…", "sources": ["K1"]}]}. ' +
        'Står svaret ikke i kildene, svar {"found": false, "sentences": []}.',
    },
    { role: 'user', content: `Spørsmål: ${question}\n\nKilder:\n${context}` },
  ];
}

/** Takes the JSON out of a model answer (plain, fenced, or between the first { and the last }). */
function extractJson(text: string): unknown {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first !== -1 && last > first) candidates.push(text.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next form; the answer is never logged.
    }
  }
  return undefined;
}

/** Validates the model's answer shape; undefined when it does not follow it. */
export function parseModelRecordAnswer(
  text: string,
): { found: boolean; sentences: ModelAnswerSentence[] } | undefined {
  const json = extractJson(text);
  if (typeof json !== 'object' || json === null) return undefined;
  const { found, sentences } = json as { found?: unknown; sentences?: unknown };
  if (typeof found !== 'boolean' || !Array.isArray(sentences)) return undefined;
  const parsed: ModelAnswerSentence[] = [];
  for (const sentence of sentences as unknown[]) {
    if (typeof sentence !== 'object' || sentence === null) return undefined;
    const { text: sentenceText, sources } = sentence as { text?: unknown; sources?: unknown };
    if (typeof sentenceText !== 'string' || sentenceText.trim() === '') return undefined;
    if (!Array.isArray(sources) || !sources.every((source) => typeof source === 'string')) return undefined;
    parsed.push({ text: sentenceText.trim(), sources: sources });
  }
  return { found, sentences: parsed };
}

/** The fact-free frame line added when cited passages are too short for the verifier's consultation test. */
const RECORD_FRAME = 'Utdrag fra pasientens journal, skrevet av lege, om diagnose, behandling og blodprøve.';

const SUPPORT_RANK: Record<Support, number> = {
  supported: 0,
  inferred: 1,
  unverified: 2,
  unsupported: 3,
  contradicted: 4,
};

/**
 * Checks a model answer against the passages it cites, with the verifier: the passages' sentences are the
 * "transcript", the answer's sentences the "note". Returns the worst label, or undefined when the verifier
 * could not check (too little text in the cited passages).
 */
export function verifyRecordAnswer(
  sentences: ReadonlyArray<{ text: string; passages: readonly RecordPassage[] }>,
): { support?: Exclude<Support, 'unverified'>; reasons: string[] } {
  const segments: Segment[] = [];
  const segmentIdsByPassage = new Map<string, string[]>();
  for (const { passages } of sentences) {
    for (const passage of passages) {
      if (segmentIdsByPassage.has(passage.id)) continue;
      const ids: string[] = [];
      splitRecordSentences(passage.text).forEach((text, position) => {
        const id = `${passage.id}#${position + 1}`;
        ids.push(id);
        segments.push({ id, speaker: 'lege', text });
      });
      segmentIdsByPassage.set(passage.id, ids);
    }
  }
  const note: Note = {
    template: 'record-answer',
    language: 'nb',
    sections: [
      {
        id: 'svar',
        title: 'Svar',
        statements: sentences.map((sentence, position) => ({
          id: `svar-${position + 1}`,
          text: sentence.text,
          evidence: sentence.passages.flatMap((passage) => segmentIdsByPassage.get(passage.id) ?? []),
          support: 'unverified' as const,
        })),
      },
    ],
  };
  let report = verifyNote({ segments }, note, { language: 'nb' });
  if (report.warnings.some((warning) => warning.code === 'no_consultation')) {
    // The verifier first asks whether a transcript holds a consultation at all (enough words and clinical
    // vocabulary); a short lab passage fails that test though it is exactly the source to check against.
    // A fixed frame line with no facts of its own lets the statement checks run on the cited passages.
    const framed: Transcript = {
      segments: [{ id: 'journalramme', speaker: 'annen', text: RECORD_FRAME }, ...segments],
    };
    report = verifyNote(framed, note, { language: 'nb' });
    if (report.warnings.some((warning) => warning.code === 'no_consultation')) return { reasons: [] };
  }
  let worst: Exclude<Support, 'unverified'> = 'supported';
  const reasons: string[] = [];
  for (const check of report.statements) {
    if (check.support === 'unverified') continue;
    if (SUPPORT_RANK[check.support] > SUPPORT_RANK[worst]) worst = check.support;
    if (check.support === 'unsupported' || check.support === 'contradicted') reasons.push(...check.reasons);
  }
  return { support: worst, reasons };
}

function withWarning(answer: RecordAnswer, warning: Warning): RecordAnswer {
  return { ...answer, warnings: [...answer.warnings, warning] };
}

/**
 * Answers with a language model when one is configured: retrieval, a cited JSON answer, verification against
 * the cited passages; falls back to the extractive answer (with a warning) when the model fails, cites
 * nothing it was given, or says something the passages do not support.
 */
export async function answerRecordQuestionWithModel(input: ModelRecordAnswerInput): Promise<RecordAnswer> {
  const extractive = answerRecordQuestion(input.index, input.question);
  const passages = selectContextPassages(input.index, input.question, input.passageLimit ?? 8);
  if (passages.length === 0) return extractive;
  let text: string;
  try {
    text = await input.generate(buildRecordAnswerMessages(input.index, input.question, passages));
  } catch {
    return withWarning(extractive, {
      code: 'model_failed',
      message: 'Språkmodellen svarte ikke; svaret er hentet direkte fra journalen.',
    });
  }
  const parsed = parseModelRecordAnswer(text);
  if (parsed === undefined) {
    return withWarning(extractive, {
      code: 'model_invalid_answer',
      message: 'Språkmodellens svar hadde feil format; svaret er hentet direkte fra journalen.',
    });
  }
  if (!parsed.found || parsed.sentences.length === 0) {
    return extractive.found
      ? withWarning(extractive, {
          code: 'model_found_nothing',
          message: 'Språkmodellen fant ikke svaret; svaret er hentet direkte fra journalen.',
        })
      : extractive;
  }
  const resolved = parsed.sentences.map((sentence) => ({
    text: sentence.text,
    passages: sentence.sources
      .map((source) => /^K(\d+)$/i.exec(source.trim())?.[1])
      .map((number) => (number === undefined ? undefined : passages[Number(number) - 1]))
      .filter((passage): passage is RecordPassage => passage !== undefined),
  }));
  if (resolved.some((sentence) => sentence.passages.length === 0)) {
    return withWarning(extractive, {
      code: 'model_uncited',
      message:
        'Språkmodellens svar viste ikke til kildene for hver setning; svaret er hentet direkte fra journalen.',
    });
  }
  const check = verifyRecordAnswer(resolved);
  if (check.support === undefined || check.support === 'unsupported' || check.support === 'contradicted') {
    return withWarning(extractive, {
      code: 'model_answer_rejected',
      message:
        check.support === undefined
          ? 'Språkmodellens svar kunne ikke kontrolleres mot kildene; svaret er hentet direkte fra journalen.'
          : 'Språkmodellens svar ble ikke bekreftet av kildene; svaret er hentet direkte fra journalen.',
    });
  }
  const answer = resolved.map((sentence) => sentence.text).join(' ');
  const cited = resolved.flatMap((sentence) => sentence.passages);
  const citations: RecordCitation[] = cited
    .filter((passage, position) => cited.findIndex((other) => other.id === passage.id) === position)
    .map((passage) => citePassage(input.index, passage));
  const analysis = analyzeRecordQuestion(input.question);
  const value = analysis.asksValue ? extractValue(answer, analysis.terms) : undefined;
  const date = findDates(answer)[0]?.iso;
  return {
    question: input.question,
    answer,
    found: true,
    method: 'model',
    ...(date === undefined ? {} : { date }),
    ...(value === undefined ? {} : { value }),
    citations,
    support: check.support,
    warnings: [],
  };
}
