import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@kollega/domain';
import type {
  TranscriptionModel,
  TranscriptionRequest,
  TranscriptionResult,
  TranscriptionSegment,
} from '../models/transcription-model';
import { runTool } from './audio-tools';
import { decodeWav, encodeWav, SPEECH_SAMPLE_RATE } from './wav-audio';

/** One recognised word with its time (seconds) and posterior probability. */
export interface RecognisedWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
}

/** A stretch of speech pocketsphinx returned as one utterance. */
export interface PocketsphinxUtterance extends TranscriptionSegment {
  words: RecognisedWord[];
}

/** Tokens pocketsphinx prints that are not words: silence, sentence marks and fillers. */
function isWordToken(token: string): boolean {
  return !/^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+)$/i.test(token);
}

/**
 * Parses `pocketsphinx_continuous -time yes` output: per utterance a hypothesis line followed by
 * `word start end posterior` lines. Alternative pronunciations (`hello(2)`) become the word itself.
 * Utterance confidence is the mean posterior of its words.
 */
export function parsePocketsphinxOutput(output: string): PocketsphinxUtterance[] {
  const utterances: PocketsphinxUtterance[] = [];
  let words: RecognisedWord[] = [];
  const flush = (): void => {
    const first = words[0];
    const last = words.at(-1);
    if (first !== undefined && last !== undefined) {
      const confidence = words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
      utterances.push({
        start: first.start,
        end: last.end,
        text: words.map((word) => word.text).join(' '),
        confidence: Math.min(1, Math.max(0, confidence)),
        words,
      });
    }
    words = [];
  };
  for (const line of output.split('\n')) {
    const match = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!match) continue;
    const token = match[1] ?? '';
    if (token === '<s>' || token === '</s>') {
      flush();
      continue;
    }
    if (!isWordToken(token)) continue;
    words.push({
      text: token.replace(/\(\d+\)$/, ''),
      start: Number(match[2]),
      end: Number(match[3]),
      confidence: Math.min(1, Math.max(0, Number(match[4]))),
    });
  }
  flush();
  return utterances;
}

/** Options for `PocketsphinxTranscriptionModel`. */
export interface PocketsphinxOptions {
  /** The program; default `pocketsphinx_continuous` (Debian package `pocketsphinx`). */
  command?: string;
  /** Extra arguments, e.g. `-hmm`/`-lm`/`-dict` for another acoustic or language model. */
  extraArguments?: readonly string[];
  /** Kills a run after this long; default 10 minutes. */
  timeoutMs?: number;
}

/**
 * Offline English speech-to-text with Debian's pocketsphinx (`pocketsphinx-en-us` model): no download,
 * no network, word times and confidences. It recognises English only; other languages are refused.
 */
export class PocketsphinxTranscriptionModel implements TranscriptionModel {
  readonly provider = 'pocketsphinx';
  readonly modelId = 'en-us';
  readonly local = true;
  private readonly command: string;
  private readonly extraArguments: readonly string[];
  private readonly timeoutMs: number;

  constructor(options: PocketsphinxOptions = {}) {
    this.command = options.command ?? 'pocketsphinx_continuous';
    this.extraArguments = options.extraArguments ?? [];
    this.timeoutMs = options.timeoutMs ?? 600_000;
  }

  async transcribe(request: TranscriptionRequest): Promise<TranscriptionResult> {
    const language = request.language?.toLowerCase();
    if (language !== undefined && language !== 'en' && !language.startsWith('en-')) {
      throw new AppError(
        'unavailable',
        'Pocketsphinx gjenkjenner bare engelsk tale; velg en annen talegjenkjenner for norsk',
        {
          details: { provider: this.provider, language, reason: 'language', retryable: false },
        },
      );
    }
    if (!/^audio\/(x-)?wav/i.test(request.mediaType)) {
      throw new AppError('unsupported_media_type', 'Pocketsphinx tar bare imot WAV (16 kHz mono)', {
        details: { provider: this.provider },
      });
    }
    const audio = decodeWav(request.audio);
    if (audio.sampleRate !== SPEECH_SAMPLE_RATE) {
      throw new AppError('unsupported_media_type', 'Pocketsphinx trenger 16 kHz lyd', {
        details: { provider: this.provider, sampleRate: audio.sampleRate },
      });
    }
    const folder = await mkdtemp(join(tmpdir(), 'kollega-sphinx-'));
    try {
      const input = join(folder, 'audio.wav');
      await writeFile(input, encodeWav(audio));
      const result = await runTool(
        this.command,
        ['-infile', input, '-time', 'yes', '-logfn', '/dev/null', ...this.extraArguments],
        { timeoutMs: this.timeoutMs, ...(request.signal === undefined ? {} : { signal: request.signal }) },
      );
      if (result.code !== 0) {
        throw new AppError('unavailable', 'Pocketsphinx feilet', {
          details: { provider: this.provider, exitCode: result.code, retryable: false },
        });
      }
      const utterances = parsePocketsphinxOutput(result.stdout);
      return {
        text: utterances.map((utterance) => utterance.text).join(' '),
        segments: utterances,
        language: 'en',
        durationSeconds: audio.samples.length / audio.sampleRate,
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
