import { z } from 'zod';
import type { Language, StatementCheck, Transcript, VerificationReport } from '@kollega/domain';
import { isAppError } from '@kollega/domain';
import { findNames } from '@kollega/clinical';
import type { ChatMessage, ModelCallContext, TextModel } from '../models/text-model';
import { textModelId } from '../models/text-model';
import { generateObject } from '../models/generate-object';
import { toPromptLines } from './chunk-transcript';
import type { PromptLine } from './note-prompt';
import { formatPromptLines } from './note-prompt';

/**
 * A language model's second opinion on the statements the rule verifier could only call `inferred`: the
 * statement and the transcript lines around its evidence go to the model, which answers per statement
 * `supported`, `unsupported` or `contradicted`. The model can only flag, never clear: `supported` leaves the rule
 * verifier's label as it was, so a model that agrees with everything changes nothing, and a flag it raises blocks
 * approval like any other until the doctor edits the statement or dismisses the flag with a reason.
 */

/** Options for `reviewInferredStatements`. */
export interface SecondOpinionOptions {
  /** The model, normally `registry.textModel('verification')` (middleware included: audit, de-identification). */
  model: TextModel;
  transcript: Transcript;
  report: VerificationReport;
  language: Language;
  /** Who the calls are for (audit) and the names the de-identification middleware masks. */
  context?: Pick<ModelCallContext, 'user' | 'consultationId' | 'knownNames'>;
  signal?: AbortSignal;
  /** At most this many `inferred` statements are reviewed, in note order; default 30. */
  maxStatements?: number;
  /** Statements per model call; default 6. */
  batchSize?: number;
  /** Transcript lines either side of a statement's evidence; default 4. */
  windowLines?: number;
}

/** The amended report and what the review did. */
export interface SecondOpinionResult {
  report: VerificationReport;
  /** Statements the model was asked about. */
  reviewed: number;
  /** Statements it flagged (now `unsupported` or `contradicted`). */
  flagged: number;
  modelCalls: number;
  /** Batches whose answer was unusable or whose call failed; their statements keep the rule verifier's label. */
  failedBatches: number;
}

const VerdictSchema = z.object({
  verdicts: z.array(
    z.object({
      id: z.string().min(1),
      verdict: z.enum(['supported', 'unsupported', 'contradicted']),
      evidence: z.array(z.string()).default([]),
      reason: z.string().max(400).default(''),
    }),
  ),
});

const PROMPT: Record<
  Language,
  { system: string; lines: string; statements: string; flagged: string; failed: string }
> = {
  nb: {
    system: [
      'Du kontrollerer setninger i et journalnotat mot transkripsjonen av konsultasjonen.',
      'For hver setning (c1, c2 …) svarer du:',
      '- "supported": transkripsjonen sier det (andre ord er greit);',
      '- "unsupported": transkripsjonen sier det ikke;',
      '- "contradicted": transkripsjonen sier noe annet (nektelse snudd, annen side, annet tall, annen person, annen tid).',
      'Døm bare ut fra linjene du får. "evidence" er id-ene til linjene du bygger på (s1, s2 …), "reason" én kort setning på norsk.',
      'Linjene har formen "id taler: tekst"; L = lege, P = pasient, R = pårørende, T = tolk, A = annen.',
      'Svar bare med JSON: {"verdicts":[{"id":"c1","verdict":"…","evidence":["s1"],"reason":"…"}]}',
    ].join('\n'),
    lines: 'Transkripsjon (utdrag):',
    statements: 'Setninger:',
    flagged: 'Språkmodellens vurdering',
    failed: 'Språkmodellens kontroll feilet for noen setninger; reglene alene har vurdert dem.',
  },
  en: {
    system: [
      'You check statements of a clinical note against the transcript of the consultation.',
      'For each statement (c1, c2 …) answer:',
      '- "supported": the transcript says it (other words are fine);',
      '- "unsupported": the transcript does not say it;',
      '- "contradicted": the transcript says otherwise (a negation flipped, another side, number, person or time).',
      'Judge only from the lines given. "evidence" lists the ids of the lines you rely on (s1, s2 …), "reason" is one short sentence in English.',
      'Lines read "id speaker: text"; L = doctor, P = patient, R = relative, T = interpreter, A = other.',
      'Answer with JSON only: {"verdicts":[{"id":"c1","verdict":"…","evidence":["s1"],"reason":"…"}]}',
    ].join('\n'),
    lines: 'Transcript (excerpt):',
    statements: 'Statements:',
    flagged: "The language model's assessment",
    failed: "The language model's check failed for some statements; the rules alone labelled them.",
  },
};

/** Indexes of the transcript lines within `reach` lines of a statement's evidence (all lines when it has none). */
function windowOf(
  check: StatementCheck,
  order: ReadonlyMap<string, number>,
  total: number,
  reach: number,
): number[] {
  const positions = check.evidence.flatMap((id) => {
    const position = order.get(id);
    return position === undefined ? [] : [position];
  });
  if (positions.length === 0) return Array.from({ length: total }, (_, index) => index);
  const indexes = new Set<number>();
  for (const position of positions)
    for (
      let index = Math.max(0, position - reach);
      index <= Math.min(total - 1, position + reach);
      index += 1
    )
      indexes.add(index);
  return [...indexes];
}

function buildMessages(
  batch: ReadonlyArray<{ key: string; check: StatementCheck }>,
  lines: readonly PromptLine[],
  language: Language,
): ChatMessage[] {
  const prompt = PROMPT[language];
  const statements = batch.map(({ key, check }) => `${key}: ${check.text}`).join('\n');
  return [
    { role: 'system', content: prompt.system },
    {
      role: 'user',
      content: `${prompt.lines}\n${formatPromptLines(lines)}\n\n${prompt.statements}\n${statements}`,
    },
  ];
}

/**
 * Asks the model about the report's `inferred` statements, in batches, and returns the report with the statements
 * it flagged relabelled (`reviewer` names the model, the reason starts with "Språkmodellens vurdering"). A failed
 * call or an unusable answer leaves that batch as the rules labelled it and is counted in `failedBatches`;
 * cancelling `signal` rejects.
 */
export async function reviewInferredStatements(options: SecondOpinionOptions): Promise<SecondOpinionResult> {
  const { model, transcript, report, language } = options;
  const maxStatements = options.maxStatements ?? 30;
  const batchSize = Math.max(1, options.batchSize ?? 6);
  const reach = options.windowLines ?? 4;
  const candidates = report.statements
    .filter((check) => check.support === 'inferred')
    .slice(0, maxStatements);
  const result: SecondOpinionResult = { report, reviewed: 0, flagged: 0, modelCalls: 0, failedBatches: 0 };
  if (candidates.length === 0) return result;

  const promptLines = toPromptLines(transcript);
  const order = new Map(transcript.segments.map((segment, index) => [segment.id, index]));
  const context: ModelCallContext = {
    ...options.context,
    purpose: 'verification',
    knownNames: [
      ...(options.context?.knownNames ?? []),
      ...findNames(transcript.segments.map((segment) => segment.text)),
    ],
  };
  const modelId = textModelId(model);
  const amended = new Map<string, StatementCheck>();

  for (let start = 0; start < candidates.length; start += batchSize) {
    const batch = candidates.slice(start, start + batchSize).map((check, index) => ({
      key: `c${start + index + 1}`,
      check,
    }));
    const segmentIndexes = new Set(
      batch.flatMap(({ check }) => windowOf(check, order, transcript.segments.length, reach)),
    );
    const shownIds = new Set(
      transcript.segments.filter((_, index) => segmentIndexes.has(index)).map((segment) => segment.id),
    );
    const lines = promptLines.filter((line) => shownIds.has(line.id));
    result.reviewed += batch.length;
    result.modelCalls += 1;
    let answer;
    try {
      answer = await generateObject(model, {
        messages: buildMessages(batch, lines, language),
        schema: VerdictSchema,
        schemaName: 'kollega_second_opinion',
        maxOutputTokens: 160 * batch.length,
        temperature: 0,
        signal: options.signal,
        context,
      });
    } catch (error) {
      if (options.signal?.aborted || !isAppError(error)) throw error;
      result.failedBatches += 1;
      continue;
    }
    if (!answer.success) {
      result.failedBatches += 1;
      continue;
    }
    const byKey = new Map(answer.object.verdicts.map((verdict) => [verdict.id, verdict]));
    for (const { key, check } of batch) {
      const verdict = byKey.get(key);
      if (!verdict || verdict.verdict === 'supported') continue;
      const evidence = verdict.evidence.filter((id) => shownIds.has(id));
      const reason = verdict.reason.trim();
      amended.set(check.statementId, {
        ...check,
        support: verdict.verdict,
        evidence: [...new Set([...check.evidence, ...evidence])],
        reasons: [
          ...check.reasons,
          `${PROMPT[language].flagged} (${modelId}): ${reason === '' ? verdict.verdict : reason}`,
        ],
        reviewer: modelId,
      });
      result.flagged += 1;
    }
  }
  return {
    ...result,
    report: {
      ...report,
      statements: report.statements.map((check) => amended.get(check.statementId) ?? check),
      warnings:
        result.failedBatches === 0
          ? report.warnings
          : [...report.warnings, { code: 'second_opinion_failed', message: PROMPT[language].failed }],
    },
  };
}

/**
 * Keeps the model's flags through a re-verification by the rules (after the doctor edits the note): a statement
 * whose text is unchanged and that the rules still call `inferred` keeps the verdict the model gave it before.
 */
export function carryOverSecondOpinions(
  previous: VerificationReport | undefined,
  next: VerificationReport,
): VerificationReport {
  const reviewed = new Map(
    (previous?.statements ?? [])
      .filter((check) => check.reviewer !== undefined)
      .map((check) => [check.statementId, check]),
  );
  if (reviewed.size === 0) return next;
  return {
    ...next,
    statements: next.statements.map((check) => {
      const before = reviewed.get(check.statementId);
      return before && before.text === check.text && check.support === 'inferred' ? before : check;
    }),
  };
}
