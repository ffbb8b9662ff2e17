import type { ConsultationSetting, Language } from '@kollega/domain';
import { isAppError } from '@kollega/domain';
import { detectTranscriptLanguage } from './detect-language';
import { locateJsonSyntaxError, positionAt } from './json-syntax';
import { parseTextTurns } from './parse-text';
import { mapSpeakerLabel, quoteLabel } from './speaker-labels';
import type { InputLocation, InputTurn } from './transcript-builder';
import { buildTranscript, createInputError } from './transcript-builder';
import type { ParsedConsultation } from './types';

/** Fields of a consultation object that `parseConsultationValue` reads; the rest go to `extra`. */
const CONSUMED_FIELDS = new Set(['id', 'title', 'language', 'setting', 'transcript', 'segments']);

const SETTING_BY_NAME: ReadonlyMap<string, ConsultationSetting> = new Map<string, ConsultationSetting>([
  ['kontor', 'kontor'],
  ['office', 'kontor'],
  ['clinic', 'kontor'],
  ['telefon', 'telefon'],
  ['phone', 'telefon'],
  ['telephone', 'telefon'],
  ['video', 'video'],
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text; a syntax error becomes `invalid_input` naming the line and column, never the text. */
function parseJsonText(text: string, location: InputLocation): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const offset = locateJsonSyntaxError(text) ?? text.length;
    const position = positionAt(text, offset);
    const line = (location.line ?? 1) + position.line - 1;
    throw createInputError('invalid_input', { line }, `ugyldig JSON (kolonne ${position.column})`, {
      column: position.column,
    });
  }
}

function readLanguage(value: unknown, location: InputLocation): Language | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const code = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (/^(?:nb|no|nob|nn|nno)(?:[-_].*)?$/.test(code) || code === 'norsk' || code === 'norwegian') return 'nb';
  if (/^(?:en|eng)(?:[-_].*)?$/.test(code) || code === 'english' || code === 'engelsk') return 'en';
  throw createInputError(
    'invalid_input',
    location,
    `ukjent språk i feltet «language» (bruk «nb» eller «en»)`,
  );
}

function readSetting(value: unknown, location: InputLocation): ConsultationSetting | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const setting = typeof value === 'string' ? SETTING_BY_NAME.get(value.trim().toLowerCase()) : undefined;
  if (!setting) {
    throw createInputError(
      'invalid_input',
      location,
      'ukjent verdi i feltet «setting» (bruk kontor, telefon eller video)',
    );
  }
  return setting;
}

function readOptionalSeconds(value: unknown, field: string, location: InputLocation): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw createInputError(
      'invalid_input',
      location,
      `feltet «${field}» må være et ikke-negativt tall (sekunder)`,
    );
  }
  return value;
}

/** Reads one JSON turn `{speaker, text, start?, end?, confidence?}`. */
function readJsonTurn(value: unknown, location: InputLocation): InputTurn {
  if (!isRecord(value))
    throw createInputError('invalid_input', location, 'en replikk må være et objekt med «speaker» og «text»');
  const rawSpeaker = value.speaker ?? value.role;
  if (typeof rawSpeaker !== 'string' || rawSpeaker.trim() === '') {
    throw createInputError('invalid_input', location, 'mangler taler (feltet «speaker»)');
  }
  const mapped = mapSpeakerLabel(rawSpeaker);
  if (!mapped) {
    throw createInputError('invalid_input', location, `ukjent taler ${quoteLabel(rawSpeaker)}`, {
      label: rawSpeaker.slice(0, 40),
    });
  }
  if (typeof value.text !== 'string') {
    throw createInputError('invalid_input', location, 'feltet «text» mangler eller er ikke tekst');
  }
  const turn: InputTurn = { ...mapped, text: value.text };
  // An exported transcript has the role in `speaker` and the original label in `label`.
  if (typeof value.label === 'string' && value.label.trim() !== '' && mapped.label === undefined) {
    turn.label = value.label.trim();
  }
  const start = readOptionalSeconds(value.start, 'start', location);
  const end = readOptionalSeconds(value.end, 'end', location);
  if (start !== undefined) turn.start = start;
  if (end !== undefined) turn.end = end;
  if (typeof value.confidence === 'number' && value.confidence >= 0 && value.confidence <= 1) {
    turn.confidence = value.confidence;
  }
  return turn;
}

/** Reads the turns of a `transcript` field: a list of turns, `{segments: [...]}`, or prefixed text. */
function readTranscriptField(value: unknown, location: InputLocation): InputTurn[] {
  if (Array.isArray(value)) {
    return value.map((turn, index) => readJsonTurn(turn, { ...location, turn: index + 1 }));
  }
  if (isRecord(value) && Array.isArray(value.segments)) return readTranscriptField(value.segments, location);
  if (typeof value === 'string') {
    try {
      return parseTextTurns(value);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const inner = error.message.charAt(0).toLowerCase() + error.message.slice(1);
      const transcriptLine = error.details.line;
      const label = error.details.label;
      throw createInputError(error.code, location, `feltet «transcript», ${inner}`, {
        ...(typeof transcriptLine === 'number' ? { transcriptLine } : {}),
        ...(typeof label === 'string' ? { label } : {}),
      });
    }
  }
  throw createInputError(
    'invalid_input',
    location,
    value === undefined
      ? 'mangler feltet «transcript»'
      : 'feltet «transcript» må være en liste med replikker',
  );
}

function buildConsultation(
  turns: readonly InputTurn[],
  fields: { record?: Record<string, unknown>; location: InputLocation },
): ParsedConsultation {
  const { record, location } = fields;
  const transcript = buildTranscript(turns, location);
  const parsed: ParsedConsultation = {
    language:
      readLanguage(record?.language, location) ??
      detectTranscriptLanguage(transcript.segments.map((segment) => segment.text).join(' ')),
    transcript,
    extra: record
      ? Object.fromEntries(Object.entries(record).filter(([key]) => !CONSUMED_FIELDS.has(key)))
      : {},
  };
  if (record) {
    if (typeof record.id === 'string' && record.id.trim() !== '') parsed.externalId = record.id.trim();
    else if (typeof record.id === 'number') parsed.externalId = String(record.id);
    if (typeof record.title === 'string' && record.title.trim() !== '') parsed.title = record.title.trim();
    const setting = readSetting(record.setting, location);
    if (setting) parsed.setting = setting;
  }
  return parsed;
}

function isConsultationObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && ('transcript' in value || 'segments' in value);
}

/**
 * Reads an already-parsed JSON value: a consultation object (`{id?, title?, language?, setting?,
 * transcript: [{speaker, text, start?, end?}], …}`), a bare list of turns, or a list of consultation objects.
 */
export function parseConsultationValue(value: unknown, location: InputLocation = {}): ParsedConsultation[] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isConsultationObject)) {
      return value.map((item, index) =>
        buildConsultation(
          readTranscriptField(item.transcript ?? item.segments, { ...location, item: index + 1 }),
          {
            record: item,
            location: { ...location, item: index + 1 },
          },
        ),
      );
    }
    return [buildConsultation(readTranscriptField(value, location), { location })];
  }
  if (isRecord(value)) {
    if (!isConsultationObject(value)) {
      throw createInputError('invalid_input', location, 'JSON-objektet mangler feltet «transcript»');
    }
    return [
      buildConsultation(readTranscriptField(value.transcript ?? value.segments, location), {
        record: value,
        location,
      }),
    ];
  }
  throw createInputError(
    'invalid_input',
    location,
    'JSON må være et objekt med «transcript» eller en liste med replikker',
  );
}

/** Parses one JSON document (one consultation, a list of turns, or a list of consultations). */
export function parseJsonInput(content: string): ParsedConsultation[] {
  return parseConsultationValue(parseJsonText(content, {}));
}

/** Parses JSON Lines: one consultation per non-blank line; errors name the line. */
export function parseJsonLinesInput(content: string): ParsedConsultation[] {
  const consultations: ParsedConsultation[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const location = { line: index + 1 };
    const value = parseJsonText(line, location);
    if (Array.isArray(value) && value.every(isConsultationObject) && value.length > 0) {
      throw createInputError(
        'invalid_input',
        location,
        'en JSON Lines-linje må være ett objekt, ikke en liste',
      );
    }
    consultations.push(...parseConsultationValue(value, location));
  });
  if (consultations.length === 0) {
    throw createInputError('empty_transcript', {}, 'filen inneholder ingen konsultasjoner');
  }
  return consultations;
}
