import type { TextModel } from '@kollega/ai';
import type {
  RecordAnswer,
  RecordDocument,
  RecordIndex,
  RecordPassage,
  RecordSummary,
} from '@kollega/clinical';
import {
  answerRecordQuestion,
  answerRecordQuestionWithModel,
  createRecordIndex,
  searchRecord,
  summarizeRecord,
} from '@kollega/clinical';
import { AppError, isAppError } from '@kollega/domain';
import type { Warning } from '@kollega/domain';
import { importRecordFile } from '@kollega/documents';
import type { RecordDocumentSummary } from '@kollega/storage';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { getRecordStorage } from './record-storage-access';
import type { ImportRecordDocumentBodySchema } from './record-schemas';
import { PatientKeySchema } from './record-schemas';

/** Checks a patient key from a URL; `invalid_input` (without echoing it) when it is not one. */
export function requirePatientKey(value: string): string {
  const parsed = PatientKeySchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      'Ugyldig pasientnøkkel: bruk et lokalt pasientnummer eller pseudonym (bokstaver, tall, . _ -), ikke fødselsnummer',
      { details: { field: 'patientKey' } },
    );
  }
  return parsed.data;
}

/**
 * The key a patient's record is stored under: with sign-in on, prefixed by the user's practice, so two
 * practices that use the same local patient number never see each other's records.
 */
export function storedRecordKey(context: AppContext, patientKey: string): string {
  const practiceId = context.scope?.currentUser()?.practiceId;
  return practiceId === undefined ? patientKey : `${practiceId}/${patientKey}`;
}

/** Imports one file into a patient's record and stores its passages. */
export async function importRecordDocument(
  context: AppContext,
  patientKey: string,
  body: z.infer<typeof ImportRecordDocumentBodySchema>,
): Promise<{ document: RecordDocumentSummary; warnings: Warning[] }> {
  const storage = await getRecordStorage(context);
  const bytes =
    body.text !== undefined
      ? new TextEncoder().encode(body.text)
      : new Uint8Array(Buffer.from(body.contentBase64 ?? '', 'base64'));
  const id = storage.records.createId();
  const imported = await importRecordFile({ id, name: body.name, bytes });
  const document = await storage.records.add(id, {
    patientKey: storedRecordKey(context, patientKey),
    name: body.name,
    kind: imported.value.kind,
    ...(imported.value.pageCount === undefined ? {} : { pageCount: imported.value.pageCount }),
    passages: imported.value.passages,
    warnings: imported.warnings,
    importedBy: body.importedBy ?? 'anonym',
  });
  return { document: { ...document, patientKey }, warnings: imported.warnings };
}

interface CachedRecord {
  revision: string;
  index: RecordIndex;
  summary?: RecordSummary;
}

const CACHE_SIZE = 20;
const caches = new WeakMap<AppContext, Map<string, CachedRecord>>();

/** The patient's record as a search index, rebuilt only when its documents changed. */
export async function loadRecord(context: AppContext, patientKey: string): Promise<CachedRecord> {
  const storage = await getRecordStorage(context);
  let cache = caches.get(context);
  if (!cache) {
    cache = new Map();
    caches.set(context, cache);
  }
  const key = storedRecordKey(context, patientKey);
  const revision = await storage.records.revision(key);
  const cached = cache.get(key);
  if (cached && cached.revision === revision) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const documents: RecordDocument[] = (await storage.records.listWithPassages(key)).map((stored) => ({
    id: stored.id,
    name: stored.name,
    kind: stored.kind === 'pdf' || stored.kind === 'fhir' ? stored.kind : 'text',
    ...(stored.pageCount === undefined ? {} : { pageCount: stored.pageCount }),
    passages: stored.passages as RecordPassage[],
  }));
  const entry: CachedRecord = { revision, index: createRecordIndex(documents) };
  cache.set(key, entry);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

/** A patient's imported documents (without passages). */
export async function listPatientDocuments(context: AppContext, patientKey: string) {
  const items = await (await getRecordStorage(context)).records.list(storedRecordKey(context, patientKey));
  return { items: items.map((item) => ({ ...item, patientKey })) };
}

/** The record summary (computed once per revision). */
export async function summarizePatientRecord(
  context: AppContext,
  patientKey: string,
): Promise<RecordSummary> {
  const record = await loadRecord(context, patientKey);
  record.summary ??= summarizeRecord(record.index);
  return record.summary;
}

/** Searches a patient's record. */
export async function searchPatientRecord(
  context: AppContext,
  patientKey: string,
  query: string,
  limit: number,
) {
  const { index } = await loadRecord(context, patientKey);
  return {
    items: searchRecord(index, query, { limit }).map((hit) => ({
      passageId: hit.passage.id,
      text: hit.passage.text,
      ...(hit.passage.date === undefined ? {} : { date: hit.passage.date }),
      score: Math.round(hit.score * 1000) / 1000,
      citation: hit.citation,
    })),
  };
}

/** The language model for record answers (purpose `summary`), or undefined when none is set up or allowed. */
export function recordAnswerModel(context: AppContext): TextModel | undefined {
  if (context.models.registry.resolve('summary') === undefined) return undefined;
  try {
    return context.models.registry.textModel('summary');
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') return undefined;
    throw error;
  }
}

/** Answers a question from a patient's record: with the model when one is set up (verified), else extractive. */
export async function askPatientRecord(
  context: AppContext,
  patientKey: string,
  input: { question: string; engine: 'auto' | 'builtin'; askedBy?: string },
  model: TextModel | undefined = recordAnswerModel(context),
): Promise<RecordAnswer> {
  const { index } = await loadRecord(context, patientKey);
  if (index.passages.length === 0) {
    throw new AppError('not_found', 'Pasienten har ingen importerte journaldokumenter', {
      details: { reason: 'empty_record' },
    });
  }
  if (input.engine === 'builtin' || model === undefined) return answerRecordQuestion(index, input.question);
  return answerRecordQuestionWithModel({
    index,
    question: input.question,
    generate: async (messages) =>
      (
        await model.generateText({
          messages,
          temperature: 0,
          maxOutputTokens: 800,
          responseFormat: { type: 'json-object' },
          context: { purpose: 'summary', user: input.askedBy ?? 'anonym' },
        })
      ).text,
  });
}
