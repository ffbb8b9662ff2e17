import { AppError } from '@kollega/domain';
import { detectTranscriptLanguage } from './detect-language';
import { parseJsonInput, parseJsonLinesInput } from './parse-json';
import { parseSrtTurns, parseVttTurns } from './parse-subtitles';
import { parseTextTurns } from './parse-text';
import type { InputTurn } from './transcript-builder';
import { buildTranscript } from './transcript-builder';
import type { ParsedConsultation, TranscriptInputFormat } from './types';

/** Options for `parseTranscriptInput`. */
export interface ParseTranscriptInputOptions {
  /** The file's name; its extension picks the format when `format` is `auto`. */
  filename?: string;
  format?: TranscriptInputFormat;
}

/** A concrete format (not `auto`). */
export type ConcreteInputFormat = Exclude<TranscriptInputFormat, 'auto'>;

const FORMAT_BY_EXTENSION: ReadonlyMap<string, ConcreteInputFormat> = new Map<string, ConcreteInputFormat>([
  ['json', 'json'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['vtt', 'vtt'],
  ['webvtt', 'vtt'],
  ['srt', 'srt'],
  ['txt', 'text'],
  ['text', 'text'],
  ['md', 'text'],
]);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON or JSON Lines: a whole that parses is JSON; otherwise several lines whose first parses alone are JSON Lines. */
function chooseJsonFormat(content: string): ConcreteInputFormat {
  if (parsesAsJson(content)) return 'json';
  const lines = content.split('\n').filter((line) => line.trim() !== '');
  const first = lines[0];
  return lines.length > 1 && first !== undefined && first.trim().startsWith('{') && parsesAsJson(first)
    ? 'jsonl'
    : 'json';
}

/**
 * Picks the format: the file extension if known (`.json` still falls back to JSON Lines when the content is
 * JSON Lines), else the content: `WEBVTT` header, SRT numbered block, JSON/JSON Lines, else plain text.
 */
export function detectInputFormat(content: string, filename?: string): ConcreteInputFormat {
  const extension = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const byExtension = extension === undefined ? undefined : FORMAT_BY_EXTENSION.get(extension);
  if (byExtension === 'json') return chooseJsonFormat(content);
  if (byExtension) return byExtension;
  const trimmed = content.trimStart();
  if (/^WEBVTT(?:[ \t\n]|$)/.test(trimmed)) return 'vtt';
  const [firstLine = '', secondLine = ''] = trimmed.split('\n');
  if (/^\d+\s*$/.test(firstLine) && secondLine.includes('-->')) return 'srt';
  if (trimmed.startsWith('{')) return chooseJsonFormat(content);
  if (trimmed.startsWith('[')) {
    if (parsesAsJson(content)) return 'json';
    // `[doctor] text` is a labelled line; `[{"speaker"…` is broken JSON.
    return /^\[\s*\p{L}[^\]"{}]*\]/u.test(firstLine) ? 'text' : 'json';
  }
  return 'text';
}

function buildFromTurns(turns: readonly InputTurn[]): ParsedConsultation[] {
  const transcript = buildTranscript(turns);
  const language = detectTranscriptLanguage(transcript.segments.map((segment) => segment.text).join(' '));
  return [{ language, transcript, extra: {} }];
}

/**
 * Reads a transcript file in any supported format into consultations (one, or several for JSON Lines).
 * Errors are `AppError`s naming the line or turn and never quoting the transcript text:
 * `invalid_input` for bad syntax or an unknown speaker label, `empty_transcript` when no turn has text.
 */
export function parseTranscriptInput(
  content: string,
  options: ParseTranscriptInputOptions = {},
): ParsedConsultation[] {
  const normalized = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') throw new AppError('empty_transcript', 'Transkripsjonen er tom');
  const requested = options.format ?? 'auto';
  const format = requested === 'auto' ? detectInputFormat(normalized, options.filename) : requested;
  switch (format) {
    case 'json':
      return parseJsonInput(normalized);
    case 'jsonl':
      return parseJsonLinesInput(normalized);
    case 'text':
      return buildFromTurns(parseTextTurns(normalized));
    case 'vtt':
      return buildFromTurns(parseVttTurns(normalized));
    case 'srt':
      return buildFromTurns(parseSrtTurns(normalized));
  }
}
