import type {
  ConsultationSetting,
  Fact,
  Language,
  Note,
  NoteStyle,
  Transcript,
  VerificationReport,
  Warning,
  WithWarnings,
} from '@kollega/domain';
import { AppError, isAppError } from '@kollega/domain';
import type { NoteTemplate } from '@kollega/clinical';
import {
  defaultTemplateId,
  draftNote,
  findNames,
  findTemplate,
  renderNoteText,
  verifyNote,
} from '@kollega/clinical';
import type { ChatMessage, ModelCallContext, TextModel } from '../models/text-model';
import { textModelId } from '../models/text-model';
import { estimateTokens } from '../models/estimate-tokens';
import { generateObject, toJsonSchema } from '../models/generate-object';
import { chunkTranscript, estimateLineTokens, toPromptLines } from './chunk-transcript';
import type { ModelNote } from './model-note-schema';
import { createModelNoteSchema, findEvidenceIssues } from './model-note-schema';
import { mergeModelNotes } from './merge-model-notes';
import type { PromptLine } from './note-prompt';
import { buildNoteMessages, buildRepairMessage, buildSystemPrompt, formatFacts } from './note-prompt';

/** Options for `draftNoteWithModel`. */
export interface DraftNoteWithModelOptions {
  transcript: Transcript;
  /** The model, normally from `createModelRegistry(...).textModel('note-drafting')` (middleware included). */
  model: TextModel;
  language: Language;
  /** Template id; defaults to the language's default (`fastlege`, `soap`). */
  template?: string;
  style?: NoteStyle;
  setting?: ConsultationSetting;
  /** Who the calls are for, recorded by the audit middleware. */
  audit?: Pick<ModelCallContext, 'user' | 'consultationId'>;
  /** Names known from the consultation (patient, relatives); masked before a non-local model sees them. */
  knownNames?: readonly string[];
  signal?: AbortSignal;
  /** Context window in tokens; defaults to the model's, else 8192. */
  contextTokens?: number;
  /** Tokens reserved for the answer; default 2048. */
  maxOutputTokens?: number;
}

/** A drafted note with its facts, text, the engine that wrote it and the verifier's report. */
export interface ModelDraftedNote {
  note: Note;
  facts: Fact[];
  text: string;
  /** `provider:model` when the model wrote the note, `builtin` after a fallback. */
  engine: string;
  verification: VerificationReport;
  /** Model calls made (repairs included). */
  modelCalls: number;
}

/** The share of a chunk's transcript tokens the engine's facts may add (keeps tokens sent ≤ ~1.3×). */
const FACTS_SHARE = 0.15;
/** Safety margin on the context budget: the token estimate is rough. */
const BUDGET_SAFETY = 0.85;
/** Below this many transcript tokens per chunk the context is too small to be useful. */
const MINIMUM_CHUNK_TOKENS = 256;

/** Fact kinds in the order they are kept when the facts must be cut to fit. */
const FACT_PRIORITY: readonly Fact['kind'][] = [
  'allergy',
  'medication',
  'prescription',
  'measurement',
  'finding',
  'diagnosis',
  'referral',
  'sick-leave',
  'follow-up',
  'plan',
  'complaint',
  'symptom',
  'test',
  'history',
  'family-history',
  'social',
  'advice',
];

/** The facts about a chunk's lines, cut by priority to a token budget, in their original order. */
function selectFacts(facts: readonly Fact[], lineIds: ReadonlySet<string>, budget: number): Fact[] {
  const relevant = facts.filter((fact) => fact.evidence.some((id) => lineIds.has(id)));
  const ranked = [...relevant].sort(
    (left, right) => FACT_PRIORITY.indexOf(left.kind) - FACT_PRIORITY.indexOf(right.kind),
  );
  const kept = new Set<Fact>();
  let used = 0;
  for (const fact of ranked) {
    const tokens = estimateTokens(formatFacts([fact])) + 1;
    if (used + tokens > budget) continue;
    kept.add(fact);
    used += tokens;
  }
  return relevant.filter((fact) => kept.has(fact));
}

/** Why the model's note could not be used; becomes the fallback warning. */
class ModelNoteFailure extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

function fallbackWarning(reason: string, language: Language): Warning {
  return {
    code: 'llm_fallback',
    message:
      language === 'en'
        ? `The language model could not write the note (${reason}); the built-in engine wrote it instead.`
        : `Språkmodellen kunne ikke skrive notatet (${reason}); den innebygde motoren skrev det i stedet.`,
  };
}

function chunkedWarning(parts: number, language: Language): Warning {
  return {
    code: 'llm_chunked',
    message:
      language === 'en'
        ? `Long consultation: sent to the language model in ${parts} overlapping parts and merged.`
        : `Lang konsultasjon: sendt til språkmodellen i ${parts} overlappende deler og slått sammen.`,
  };
}

/** Turns the model's sections into a domain note: template order and titles, statement ids. */
function toNote(
  modelNote: ModelNote,
  template: NoteTemplate,
  language: Language,
  order: ReadonlyMap<string, number>,
): Note {
  return {
    template: template.id,
    language,
    sections: template.sections.map((section) => {
      const statements = modelNote.sections
        .filter((candidate) => candidate.id === section.id)
        .flatMap((candidate) => candidate.statements);
      return {
        id: section.id,
        title: section.title,
        statements: statements.map((statement, index) => ({
          id: `${section.id}-${index + 1}`,
          text: statement.text.trim(),
          evidence: [...new Set(statement.evidence)].sort(
            (left, right) => (order.get(left) ?? 0) - (order.get(right) ?? 0),
          ),
          support: 'unverified' as const,
        })),
      };
    }),
  };
}

/** Copies the verifier's support labels onto the note's statements. */
function applyVerification(note: Note, report: VerificationReport): Note {
  const support = new Map(report.statements.map((check) => [check.statementId, check.support]));
  return {
    ...note,
    sections: note.sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) => ({
        ...statement,
        support: support.get(statement.id) ?? statement.support,
      })),
    })),
  };
}

/**
 * Drafts a note with a language model: the transcript (with segment ids) and the built-in engine's
 * facts go in; `{sections: [{id, statements: [{text, evidence}]}]}` comes back in the chosen
 * template, style and language. Long transcripts go in overlapping chunks that are merged, never
 * truncated. Invalid output is repaired once (one more call with the validation issues); after
 * that — or when the model fails — the built-in engine's note is returned with the warning
 * `llm_fallback`. The verifier runs on the result either way. Cancelling `signal` rejects.
 */
export async function draftNoteWithModel(
  options: DraftNoteWithModelOptions,
): Promise<WithWarnings<ModelDraftedNote>> {
  const { transcript, model, language } = options;
  const style = options.style ?? 'kort';
  const templateId = options.template ?? defaultTemplateId(language);
  const template = findTemplate(templateId);
  if (!template) {
    throw new AppError('invalid_input', `Ukjent mal: ${templateId}`, { details: { template: templateId } });
  }
  const lines = toPromptLines(transcript);
  if (lines.length === 0) throw new AppError('empty_transcript', 'Transkripsjonen er tom');

  const builtin = draftNote(transcript, { language, template: template.id, style, setting: options.setting });
  const facts = builtin.value.facts;
  const builtinResult = (warnings: Warning[], modelCalls: number): WithWarnings<ModelDraftedNote> => {
    const verification = verifyNote(transcript, builtin.value.note, { language });
    const note = applyVerification(builtin.value.note, verification);
    return {
      value: { note, facts, text: renderNoteText(note), engine: 'builtin', verification, modelCalls },
      warnings: [...warnings, ...builtin.warnings],
    };
  };

  const sectionIds = template.sections.map((section) => section.id);
  const schema = createModelNoteSchema(sectionIds as [string, ...string[]]);
  const maxOutputTokens = options.maxOutputTokens ?? 2048;
  const contextTokens = options.contextTokens ?? model.contextTokens ?? 8192;
  const fixedTokens =
    estimateTokens(buildSystemPrompt(template, style, language)) +
    estimateTokens(JSON.stringify(toJsonSchema(schema))) +
    64;
  const chunkTokens = Math.floor(
    ((contextTokens - maxOutputTokens - fixedTokens) * BUDGET_SAFETY) / (1 + FACTS_SHARE),
  );
  if (chunkTokens < MINIMUM_CHUNK_TOKENS) {
    return builtinResult([fallbackWarning('context_too_small', language)], 0);
  }
  const chunks = chunkTranscript(lines, { maxTokens: chunkTokens });
  const order = new Map(transcript.segments.map((segment, index) => [segment.id, index]));
  const context: ModelCallContext = {
    ...options.audit,
    purpose: 'note-drafting',
    knownNames: [
      ...(options.knownNames ?? []),
      ...findNames(transcript.segments.map((segment) => segment.text)),
    ],
  };

  let modelCalls = 0;
  const callModel = async (messages: ChatMessage[], knownIds: ReadonlySet<string>) => {
    modelCalls += 1;
    const result = await generateObject(model, {
      messages,
      schema,
      schemaName: 'kollega_note',
      maxOutputTokens,
      temperature: 0,
      signal: options.signal,
      context,
    });
    if (!result.success) return { ...result, issues: result.issues };
    const evidenceIssues = findEvidenceIssues(result.object, knownIds);
    return evidenceIssues.length === 0
      ? { ...result, issues: [] as string[] }
      : { ...result, success: false as const, issues: evidenceIssues };
  };

  const draftChunk = async (chunk: readonly PromptLine[], index: number): Promise<ModelNote> => {
    const knownIds = new Set(chunk.map((line) => line.id));
    const chunkFacts = selectFacts(
      facts,
      knownIds,
      Math.floor(FACTS_SHARE * chunk.reduce((sum, line) => sum + estimateLineTokens(line), 0)),
    );
    const messages = buildNoteMessages({
      template,
      style,
      language,
      lines: chunk,
      facts: chunkFacts,
      part: { index: index + 1, total: chunks.length },
    });
    const first = await callModel(messages, knownIds);
    if (first.success) return first.object;
    const repair = await callModel(
      [
        ...messages,
        { role: 'assistant', content: first.text },
        buildRepairMessage(first.issues, language, first.finishReason === 'length'),
      ],
      knownIds,
    );
    if (repair.success) return repair.object;
    throw new ModelNoteFailure('invalid_output');
  };

  try {
    const notes: ModelNote[] = [];
    // Chunks run one after another: local servers usually serve one request at a time.
    for (const [index, chunk] of chunks.entries()) notes.push(await draftChunk(chunk, index));
    const merged = mergeModelNotes(notes, sectionIds);
    const draft = toNote(merged, template, language, order);
    const verification = verifyNote(transcript, draft, { language });
    const note = applyVerification(draft, verification);
    return {
      value: {
        note,
        facts,
        text: renderNoteText(note),
        engine: textModelId(model),
        verification,
        modelCalls,
      },
      warnings: chunks.length > 1 ? [chunkedWarning(chunks.length, language)] : [],
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof ModelNoteFailure)
      return builtinResult([fallbackWarning(error.reason, language)], modelCalls);
    if (isAppError(error)) return builtinResult([fallbackWarning(error.code, language)], modelCalls);
    throw error;
  }
}
