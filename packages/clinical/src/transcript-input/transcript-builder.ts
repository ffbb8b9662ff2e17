import type { AppErrorCode, Segment, SpeakerRole, Transcript } from '@kollega/domain';
import { AppError } from '@kollega/domain';

/** One turn as read from an input file, before it gets its segment id. */
export interface InputTurn {
  speaker: SpeakerRole;
  label?: string;
  text: string;
  /** Seconds from the start of the recording. */
  start?: number;
  end?: number;
  confidence?: number;
}

/**
 * Where in the input a problem is, all 1-based: a line of the file, an element of a JSON list of
 * consultations, a turn of a JSON transcript.
 */
export interface InputLocation {
  line?: number;
  item?: number;
  turn?: number;
}

/** "Linje 3", "Tur 4", "Linje 2, tur 4", "Element 2, tur 1", or '' when nothing is known. */
export function describeLocation(location: InputLocation): string {
  const parts: string[] = [];
  if (location.line !== undefined) parts.push(`linje ${location.line}`);
  if (location.item !== undefined) parts.push(`element ${location.item}`);
  if (location.turn !== undefined) parts.push(`tur ${location.turn}`);
  const joined = parts.join(', ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * An `AppError` whose message starts with the location ("Linje 3: ukjent taler «xyz»") and whose details
 * carry it as numbers. Callers pass messages without patient text.
 */
export function createInputError(
  code: AppErrorCode,
  location: InputLocation,
  message: string,
  details: Record<string, string | number> = {},
): AppError {
  const where = describeLocation(location);
  const text = where === '' ? message.charAt(0).toUpperCase() + message.slice(1) : `${where}: ${message}`;
  const locationDetails: Record<string, number> = {};
  if (location.line !== undefined) locationDetails.line = location.line;
  if (location.item !== undefined) locationDetails.item = location.item;
  if (location.turn !== undefined) locationDetails.turn = location.turn;
  return new AppError(code, text, { details: { ...locationDetails, ...details } });
}

/** Collapses runs of whitespace to single spaces and trims. */
export function normalizeTurnText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Numbers the turns `s1, s2, …` in order, leaving out turns without text.
 * Throws `empty_transcript` when no turn has text.
 */
export function buildTranscript(turns: readonly InputTurn[], location: InputLocation = {}): Transcript {
  const segments: Segment[] = [];
  for (const turn of turns) {
    const text = normalizeTurnText(turn.text);
    if (text === '') continue;
    const segment: Segment = { id: `s${segments.length + 1}`, speaker: turn.speaker, text };
    if (turn.label !== undefined) segment.label = turn.label;
    if (turn.start !== undefined) segment.start = turn.start;
    if (turn.end !== undefined) segment.end = turn.end;
    if (turn.confidence !== undefined) segment.confidence = turn.confidence;
    segments.push(segment);
  }
  if (segments.length === 0) {
    throw createInputError(
      'empty_transcript',
      { line: location.line, item: location.item },
      'transkripsjonen er tom (ingen replikker med tekst)',
    );
  }
  return { segments };
}
