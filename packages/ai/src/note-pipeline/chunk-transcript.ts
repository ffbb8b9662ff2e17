import type { Transcript } from '@kollega/domain';
import { estimateTokens } from '../models/estimate-tokens';
import type { PromptLine } from './note-prompt';
import { formatPromptLines } from './note-prompt';

/** Options for `chunkTranscript`. */
export interface ChunkTranscriptOptions {
  /** Most transcript tokens one chunk may hold (line prefixes included). */
  maxTokens: number;
  /** Share of `maxTokens` repeated from the end of one chunk at the start of the next; default 0.1. */
  overlapShare?: number;
}

/** Tokens of one line as the model sees it (`s12 P: text`). */
export function estimateLineTokens(line: PromptLine): number {
  return estimateTokens(formatPromptLines([line])) + 1;
}

/** Splits a turn too long for any chunk into sentence-sized lines with the same id (never truncated). */
function splitLongLine(line: PromptLine, maxTokens: number): PromptLine[] {
  if (estimateLineTokens(line) <= maxTokens) return [line];
  const sentences = line.text.match(/[^.!?…]+(?:[.!?…]+|$)\s*/g) ?? [line.text];
  const pieces: PromptLine[] = [];
  let current = '';
  const push = (): void => {
    if (current.trim() !== '') pieces.push({ ...line, text: current.trim() });
    current = '';
  };
  for (const sentence of sentences) {
    if (current !== '' && estimateLineTokens({ ...line, text: current + sentence }) > maxTokens) push();
    if (estimateLineTokens({ ...line, text: sentence }) > maxTokens) {
      // A single sentence longer than a chunk: cut it between words (a word longer than a chunk by characters).
      push();
      const characters = Math.max(40, (maxTokens - 8) * 4);
      let piece = '';
      for (const word of sentence.split(/(?<=\s)/)) {
        if (piece !== '' && piece.length + word.length > characters) {
          pieces.push({ ...line, text: piece.trim() });
          piece = '';
        }
        for (let start = 0; start < word.length; start += characters) {
          const slice = word.slice(start, start + characters);
          if (slice.length === characters) pieces.push({ ...line, text: slice.trim() });
          else piece += slice;
        }
      }
      if (piece.trim() !== '') pieces.push({ ...line, text: piece.trim() });
      continue;
    }
    current += sentence;
  }
  push();
  return pieces.filter((piece) => piece.text !== '');
}

/** The transcript as prompt lines, empty turns left out. */
export function toPromptLines(transcript: Transcript): PromptLine[] {
  return transcript.segments
    .filter((segment) => segment.text.trim() !== '')
    .map((segment) => ({ id: segment.id, speaker: segment.speaker, text: segment.text.trim() }));
}

/**
 * Splits transcript lines into consecutive chunks of at most `maxTokens`, each starting with the
 * last ~10 % of the previous one so a statement spanning the border is seen whole. Every line is in
 * at least one chunk: nothing is silently dropped.
 */
export function chunkTranscript(
  lines: readonly PromptLine[],
  options: ChunkTranscriptOptions,
): PromptLine[][] {
  const maxTokens = Math.max(16, options.maxTokens);
  const overlapTokens = Math.floor(maxTokens * (options.overlapShare ?? 0.1));
  const units = lines.flatMap((line) => splitLongLine(line, maxTokens));
  const total = units.reduce((sum, unit) => sum + estimateLineTokens(unit), 0);
  if (total <= maxTokens) return [units];

  const chunks: PromptLine[][] = [];
  let current: PromptLine[] = [];
  let currentTokens = 0;
  let fresh = 0; // lines in `current` not carried over from the previous chunk
  for (const unit of units) {
    const tokens = estimateLineTokens(unit);
    if (currentTokens + tokens > maxTokens && fresh > 0) {
      chunks.push(current);
      const carried: PromptLine[] = [];
      let carriedTokens = 0;
      for (let index = current.length - 1; index >= 0; index -= 1) {
        const line = current[index]!;
        const lineTokens = estimateLineTokens(line);
        if (carriedTokens + lineTokens > overlapTokens || carriedTokens + lineTokens + tokens > maxTokens)
          break;
        carried.unshift(line);
        carriedTokens += lineTokens;
      }
      current = carried;
      currentTokens = carriedTokens;
      fresh = 0;
    }
    current.push(unit);
    currentTokens += tokens;
    fresh += 1;
  }
  if (fresh > 0) chunks.push(current);
  return chunks;
}
