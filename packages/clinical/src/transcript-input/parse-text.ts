import { mapSpeakerLabel, quoteLabel } from './speaker-labels';
import type { InputTurn } from './transcript-builder';
import { createInputError } from './transcript-builder';

/** A line split into its speaker label and the rest. */
export interface SpeakerPrefix {
  label: string;
  rest: string;
}

const BRACKET_PREFIX = /^\[([^\]\n]{1,40})\]\s*:?\s*(.*)$/;
const COLON_PREFIX = /^([^:\n]{1,40}?)\s*:(?:\s+(.*))?$/;
const TIMESTAMP_PREFIX = /^[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s+(?:[-–]\s+)?/;
const DIALOGUE_DASH = /^[-–—]\s+/;

/**
 * Splits `Lege: tekst`, `[doctor] text`, `Speaker 1: text` into label and rest. A colon counts only when
 * followed by a space or the end of the line (not `10:30`), and the label must look like a label: at most
 * three words, a letter, and no sentence punctuation — so `Ja, det gjør jeg: …` stays text.
 */
export function splitSpeakerPrefix(line: string): SpeakerPrefix | undefined {
  const trimmed = line.trim().replace(DIALOGUE_DASH, '');
  const bracket = BRACKET_PREFIX.exec(trimmed);
  if (bracket && /\p{L}/u.test(bracket[1] ?? ''))
    return { label: (bracket[1] ?? '').trim(), rest: bracket[2] ?? '' };
  const colon = COLON_PREFIX.exec(trimmed);
  if (!colon) return undefined;
  const label = (colon[1] ?? '').trim();
  const withoutName = label.replace(/\s*\([^)]*\)\s*$/, '');
  if (!/\p{L}/u.test(label) || /[,;!?"«»]/.test(withoutName)) return undefined;
  if (withoutName.split(/\s+/).length > 3) return undefined;
  return { label, rest: colon[2] ?? '' };
}

/** Reads `hh:mm:ss.mmm`, `mm:ss`, `mm:ss,mmm` as seconds; undefined if it is not a time. */
export function parseClockTime(value: string): number | undefined {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`);
  return Math.round((hours * 3600 + minutes * 60 + seconds + fraction) * 1000) / 1000;
}

/**
 * Parses plain text where each turn starts with a speaker prefix (`Lege:`, `Pasient:`, `[doctor]`,
 * `Speaker 1:`); an optional leading clock time (`[00:01:23]`) becomes the turn's start. A line without a
 * prefix continues the previous turn. `firstLine` is the file line of `content`'s first line.
 */
export function parseTextTurns(content: string, firstLine = 1): InputTurn[] {
  const turns: InputTurn[] = [];
  const lines = content.split('\n');
  lines.forEach((rawLine, index) => {
    const lineNumber = firstLine + index;
    let line = rawLine.trim();
    if (line === '') return;
    let start: number | undefined;
    const timestamp = TIMESTAMP_PREFIX.exec(line);
    if (timestamp) {
      start = parseClockTime(timestamp[1] ?? '');
      line = line.slice(timestamp[0].length);
    }
    const prefix = splitSpeakerPrefix(line);
    if (prefix) {
      const mapped = mapSpeakerLabel(prefix.label);
      if (!mapped) {
        throw createInputError(
          'invalid_input',
          { line: lineNumber },
          `ukjent taler ${quoteLabel(prefix.label)}`,
          {
            label: prefix.label.slice(0, 40),
          },
        );
      }
      const turn: InputTurn = { ...mapped, text: prefix.rest };
      if (start !== undefined) turn.start = start;
      turns.push(turn);
      return;
    }
    const previous = turns[turns.length - 1];
    if (!previous) {
      throw createInputError(
        'invalid_input',
        { line: lineNumber },
        'mangler taler; start hver replikk med «Lege:», «Pasient:» eller lignende',
      );
    }
    previous.text = previous.text === '' ? line : `${previous.text} ${line}`;
  });
  return turns;
}
