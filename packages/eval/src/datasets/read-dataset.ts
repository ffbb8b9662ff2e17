import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseConsultationValue, prepareTranscript } from '@kollega/clinical';
import type { ConsultationSetting, Language, Transcript } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { KeyFact } from '../metrics/key-facts';

/** One reference section (nb-dev `reference_note` keys such as `aktuelt`). */
export interface ReferenceSection {
  id: string;
  text: string;
}

/** One consultation to draft a note for (transcript prepared as the app prepares it), with its reference. */
export interface EvaluationCase {
  id: string;
  language: Language;
  setting?: ConsultationSetting;
  transcript: Transcript;
  /** The reference note as one text, exactly as score.mjs builds it (sections joined by newlines). */
  referenceText: string;
  /** The reference's sections when the dataset has them (nb-dev); empty for a plain-text note. */
  referenceSections: ReferenceSection[];
  /** Key facts (nb-dev `key_facts`, or the first clinician's checklist); undefined when the dataset has none. */
  keyFacts?: KeyFact[];
  /** MTS-Dialog: the note section the reference is (GENHX, ROS, …). */
  sectionHeader?: string;
}

/** A dataset read from a JSONL file. */
export interface EvaluationDataset {
  /** File name without directories, e.g. `consultations.jsonl`. */
  name: string;
  /** sha256 of the whole file (before `limit`), so a resumed run can check it scores the same data. */
  fingerprint: string;
  /** The cases, after `limit`. */
  cases: EvaluationCase[];
  /** Number of cases in the file. */
  totalCases: number;
  /** The language most cases are in. */
  language: Language;
}

/** Options for reading a dataset. */
export interface ReadDatasetOptions {
  /** Name to report (defaults to `dataset`). */
  name?: string;
  /** Force every case to this language instead of detecting it. */
  language?: Language;
  /** Keep only the first N cases. */
  limit?: number;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(line: number, field: string, problem: string): AppError {
  return new AppError('invalid_input', `Datasett linje ${line}: ${field} ${problem}`, {
    details: { line, field },
  });
}

function readReference(row: JsonObject, line: number): { text: string; sections: ReferenceSection[] } {
  const referenceNote = row.reference_note;
  if (isObject(referenceNote)) {
    const sections = Object.entries(referenceNote).map(([id, text]) => {
      if (typeof text !== 'string') throw invalid(line, `reference_note.${id}`, 'må være tekst');
      return { id, text };
    });
    return { text: sections.map((section) => section.text).join('\n'), sections };
  }
  const referenceNotes = row.reference_notes;
  if (Array.isArray(referenceNotes)) {
    const first: unknown = referenceNotes[0];
    if (!isObject(first) || typeof first.text !== 'string')
      throw invalid(line, 'reference_notes[0].text', 'må være tekst');
    return { text: first.text, sections: [] };
  }
  if (typeof row.note === 'string') return { text: row.note, sections: [] };
  throw invalid(line, 'reference_note', 'mangler (ventet reference_note, reference_notes eller note)');
}

function readKeyFacts(row: JsonObject, line: number): KeyFact[] | undefined {
  if (Array.isArray(row.key_facts)) {
    return row.key_facts.map((fact: unknown, index) => {
      if (!isObject(fact) || typeof fact.fact !== 'string')
        throw invalid(line, `key_facts[${index}].fact`, 'må være tekst');
      return {
        text: fact.fact,
        critical: fact.critical === true,
        ...(typeof fact.section === 'string' ? { section: fact.section } : {}),
      };
    });
  }
  // score.mjs: the first clinician's checklist, `label: critical` marks critical items.
  if (Array.isArray(row.checklists) && row.checklists.length > 0) {
    const first: unknown = row.checklists[0];
    if (!isObject(first) || !Array.isArray(first.items))
      throw invalid(line, 'checklists[0].items', 'må være en liste');
    return first.items.map((item: unknown, index) => {
      if (!isObject(item) || typeof item.item !== 'string')
        throw invalid(line, `checklists[0].items[${index}].item`, 'må være tekst');
      return { text: item.item, critical: item.label === 'critical' };
    });
  }
  return undefined;
}

function parseCase(row: JsonObject, line: number, language: Language | undefined): EvaluationCase {
  // The transcript, its language and the setting are read by the app's own import path, so every engine
  // sees what it would see for an imported consultation: speaker labels mapped, text normalised, and
  // generic labels ("Speaker 1") resolved by `inferSpeakerRoles`.
  const [parsed] = parseConsultationValue(row, { line });
  if (!parsed?.externalId) throw invalid(line, 'id', 'mangler');
  const consultation = prepareTranscript(parsed);
  const reference = readReference(row, line);
  const keyFacts = readKeyFacts(row, line);
  return {
    id: parsed.externalId,
    language: language ?? consultation.language,
    ...(consultation.setting ? { setting: consultation.setting } : {}),
    transcript: consultation.transcript,
    referenceText: reference.text,
    referenceSections: reference.sections,
    ...(keyFacts ? { keyFacts } : {}),
    ...(typeof row.section_header === 'string' ? { sectionHeader: row.section_header } : {}),
  };
}

/**
 * Parses a JSONL dataset in the shapes of /work/shared/data: nb-dev consultations (`reference_note` as
 * an object of sections, `key_facts`), ACI-BENCH and MTS-Dialog (`note` as text). Transcripts go through
 * `parseConsultationValue` from @kollega/clinical; the language is the file's `language` field, else detected
 * from the transcript, unless `options.language` forces it. Blank lines are skipped.
 * Errors name the line and field, never the content.
 */
export function parseDataset(text: string, options: ReadDatasetOptions = {}): EvaluationDataset {
  const cases: EvaluationCase[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch (error) {
      throw new AppError('invalid_input', `Datasett linje ${line}: ugyldig JSON`, {
        cause: error,
        details: { line },
      });
    }
    if (!isObject(row)) throw invalid(line, 'linjen', 'må være et JSON-objekt');
    const evaluationCase = parseCase(row, line, options.language);
    if (seen.has(evaluationCase.id)) throw invalid(line, 'id', `er brukt før (${evaluationCase.id})`);
    seen.add(evaluationCase.id);
    cases.push(evaluationCase);
  });
  if (cases.length === 0) throw new AppError('invalid_input', 'Datasettet har ingen tilfeller');
  const limit = options.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new AppError('invalid_input', 'limit må være et positivt heltall', { details: { field: 'limit' } });
  const selected = limit === undefined ? cases : cases.slice(0, limit);
  const english = selected.filter((evaluationCase) => evaluationCase.language === 'en').length;
  return {
    name: options.name ?? 'dataset',
    fingerprint: createHash('sha256').update(text).digest('hex'),
    cases: selected,
    totalCases: cases.length,
    language: english > selected.length / 2 ? 'en' : 'nb',
  };
}

/** Reads and parses a JSONL dataset file; see `parseDataset`. */
export async function readDatasetFile(
  path: string,
  options: ReadDatasetOptions = {},
): Promise<EvaluationDataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('not_found', 'Fant ikke datasettfilen', {
      cause: error,
      details: { file: basename(path) },
    });
  }
  return parseDataset(text, { name: basename(path), ...options });
}
