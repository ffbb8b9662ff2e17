import { mapSpeakerLabel, quoteLabel } from './speaker-labels';
import { parseClockTime, splitSpeakerPrefix } from './parse-text';
import type { InputTurn } from './transcript-builder';
import { createInputError } from './transcript-builder';

/** A block of consecutive non-blank lines and the file line it starts on. */
interface Block {
  firstLine: number;
  lines: string[];
}

function splitBlocks(content: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { firstLine: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

const VOICE_TAG = /^<v(?:\.[^\s>]*)*\s+([^>]+)>(.*)$/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
};

/** Removes markup (`<i>`, `</v>`, `<c.x>`, inline times, `{\an8}`) and decodes the few entities WebVTT allows. */
function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

/** Start and end seconds of a cue timing line (`00:00:01.000 --> 00:00:04.000 align:start`). */
function parseTiming(line: string, lineNumber: number): { start: number; end: number } {
  const match = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
  const start = match ? parseClockTime(match[1] ?? '') : undefined;
  const end = match ? parseClockTime(match[2] ?? '') : undefined;
  if (start === undefined || end === undefined) {
    throw createInputError(
      'invalid_input',
      { line: lineNumber },
      'ugyldig tidskode (ventet «00:00:01.000 --> 00:00:04.000»)',
    );
  }
  return { start, end };
}

/**
 * Turns the text lines of one cue into turns. A line with a voice tag (`<v Lege>`) or a prefix
 * (`Lege: …`) starts a turn; other lines continue the current turn, across cues.
 */
function readCuePayload(
  lines: readonly string[],
  options: { firstLine: number; start: number; end: number; turns: InputTurn[]; allowVoiceTags: boolean },
): void {
  lines.forEach((rawLine, index) => {
    const lineNumber = options.firstLine + index;
    const voice = options.allowVoiceTags ? VOICE_TAG.exec(rawLine.trim()) : null;
    let label: string | undefined;
    let text: string;
    if (voice) {
      label = (voice[1] ?? '').trim();
      text = stripMarkup(voice[2] ?? '');
    } else {
      const plain = stripMarkup(rawLine);
      const prefix = splitSpeakerPrefix(plain);
      label = prefix?.label;
      text = prefix ? prefix.rest : plain.trim();
    }
    if (label !== undefined) {
      const mapped = mapSpeakerLabel(label);
      if (!mapped) {
        throw createInputError('invalid_input', { line: lineNumber }, `ukjent taler ${quoteLabel(label)}`, {
          label: label.slice(0, 40),
        });
      }
      options.turns.push({ ...mapped, text, start: options.start, end: options.end });
      return;
    }
    const previous = options.turns[options.turns.length - 1];
    if (!previous) {
      throw createInputError(
        'invalid_input',
        { line: lineNumber },
        'mangler taler; merk replikken med «<v Lege>» eller «Lege:»',
      );
    }
    previous.text = `${previous.text} ${text}`;
    previous.end = Math.max(previous.end ?? options.end, options.end);
  });
}

/**
 * Parses WebVTT: speakers from `<v Speaker>` voice tags or `Speaker: text` cue lines; cue times kept as
 * start/end seconds. NOTE, STYLE and REGION blocks are skipped.
 */
export function parseVttTurns(content: string): InputTurn[] {
  const blocks = splitBlocks(content);
  const header = blocks[0];
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test((header.lines[0] ?? '').trim())) {
    throw createInputError(
      'invalid_input',
      { line: header?.firstLine ?? 1 },
      'mangler «WEBVTT» på første linje',
    );
  }
  const turns: InputTurn[] = [];
  for (const block of blocks.slice(1)) {
    const first = (block.lines[0] ?? '').trim();
    if (/^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(first)) continue;
    const timingIndex = block.lines.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) {
      throw createInputError(
        'invalid_input',
        { line: block.firstLine },
        'mangler tidskode («-->») i tekstblokken',
      );
    }
    const timing = parseTiming(block.lines[timingIndex] ?? '', block.firstLine + timingIndex);
    readCuePayload(block.lines.slice(timingIndex + 1), {
      ...timing,
      firstLine: block.firstLine + timingIndex + 1,
      turns,
      allowVoiceTags: true,
    });
  }
  return turns;
}

/** Parses SRT: numbered blocks with `00:00:01,000 --> 00:00:04,000` timings; speakers as `Speaker: text`. */
export function parseSrtTurns(content: string): InputTurn[] {
  const turns: InputTurn[] = [];
  for (const block of splitBlocks(content)) {
    const timingIndex = block.lines.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) {
      throw createInputError(
        'invalid_input',
        { line: block.firstLine },
        'mangler tidskode («-->») i tekstblokken',
      );
    }
    if (timingIndex === 1 && !/^\d+$/.test((block.lines[0] ?? '').trim())) {
      throw createInputError(
        'invalid_input',
        { line: block.firstLine },
        'ventet et blokknummer før tidskoden',
      );
    }
    const timing = parseTiming(block.lines[timingIndex] ?? '', block.firstLine + timingIndex);
    readCuePayload(block.lines.slice(timingIndex + 1), {
      ...timing,
      firstLine: block.firstLine + timingIndex + 1,
      turns,
      allowVoiceTags: false,
    });
  }
  return turns;
}
