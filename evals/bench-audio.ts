/**
 * Audio benchmark (`npm run bench:audio [-- --minutes N]`): on a generated English consultation recording
 * (flite sentences joined with sox, 15 minutes by default) it measures
 *  1. pocketsphinx alone, one pass over the whole file: real-time factor (RTF = processing time / audio time);
 *  2. the chunking pipeline (ffmpeg conversion, speech energy, 30 s windows cut at pauses, one pocketsphinx run
 *     per window): RTF and its overhead over the single pass;
 *  3. a live recording: WebM/Opus chunks fed to the server's audio service (live transcription keeping up),
 *     then "stop": the time until the note is drafted.
 * Word error rates against the spoken text show that chunking does not cost accuracy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createTranscriptionEngine,
  decodeWav,
  parsePocketsphinxOutput,
  transcribeAudioFile,
} from '@kollega/ai';
import { createAppContext, loadConfig } from '@kollega/server';
import { AudioService } from '../apps/server/src/audio/audio-service';

/** A synthetic consultation, doctor and patient taking turns (no real patient data). */
const DIALOGUE = [
  'Hello, what brings you in today?',
  'I have had a cough and a fever for three days.',
  'Do you have any chest pain?',
  'No, I do not have any chest pain.',
  'How high has the fever been?',
  'The fever was thirty nine degrees last night.',
  'Are you short of breath when you walk?',
  'A little bit when I climb the stairs.',
  'Do you smoke?',
  'No, I stopped smoking five years ago.',
  'I will listen to your lungs now.',
  'Your lungs sound clear and your throat is red.',
  'Take paracetamol for the fever and drink plenty of water.',
  'Come back if you get worse or the fever lasts more than a week.',
];

const PAUSE_SECONDS = 0.8;

function readMinutes(): number {
  const index = process.argv.indexOf('--minutes');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 15;
  return Number.isFinite(value) && value > 0 ? value : 15;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString().slice(0, 300)}`);
}

function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** Word error rate: word-level edit distance over the number of reference words. */
function wordErrorRate(reference: string[], hypothesis: string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, index) => index);
  for (let row = 1; row <= reference.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= hypothesis.length; column += 1) {
      const substitution =
        (previous[column - 1] ?? 0) + (reference[row - 1] === hypothesis[column - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return (previous[hypothesis.length] ?? 0) / Math.max(1, reference.length);
}

/**
 * CPU seconds used so far by this process and by every child it has waited for (ffmpeg, pocketsphinx):
 * unlike wall time, this does not grow when other work shares the machine. Linux only (/proc).
 */
function cpuSeconds(): number {
  const ticksPerSecond = 100; // getconf CLK_TCK on Linux
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const children = (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  const own = process.cpuUsage();
  return children + (own.user + own.system) / 1e6;
}

/** Runs `work`, returning its result with wall and CPU seconds. */
async function measure<T>(work: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const wallStarted = performance.now();
  const cpuStarted = cpuSeconds();
  const value = await work();
  return { value, wall: (performance.now() - wallStarted) / 1000, cpu: cpuSeconds() - cpuStarted };
}

function describeTimes(times: { wall: number; cpu: number }, audioSeconds: number): string {
  return `wall ${format(times.wall)} (RTF ${(times.wall / audioSeconds).toFixed(3)}), CPU ${format(times.cpu)} (RTF ${(times.cpu / audioSeconds).toFixed(3)})`;
}

function format(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  for (const program of ['flite', 'sox', 'ffmpeg', 'ffprobe', 'pocketsphinx_continuous']) {
    if (!hasProgram(program)) {
      console.log(
        `bench:audio skipped: ${program} is not installed (apt-get install flite sox ffmpeg pocketsphinx pocketsphinx-en-us)`,
      );
      return;
    }
  }
  const minutes = readMinutes();
  const folder = mkdtempSync(path.join(tmpdir(), 'kollega-bench-audio-'));
  try {
    // ---- 1. The recording: flite sentences with pauses, repeated to the length asked for.
    const generationStarted = performance.now();
    const pause = path.join(folder, 'pause.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', pause, 'trim', '0', String(PAUSE_SECONDS)]);
    const spoken = DIALOGUE.map((line, index) => {
      const file = path.join(folder, `line-${index}.wav`);
      run('flite', ['-voice', 'slt', '-t', line, '-o', file]);
      return { line, file, seconds: decodeWav(readFileSync(file)).samples.length / 16000 + PAUSE_SECONDS };
    });
    // One round of the dialogue, then the round repeated: fewer sox arguments than one file per sentence.
    const round = path.join(folder, 'round.wav');
    run('sox', [...spoken.flatMap((item) => [item.file, pause]), round]);
    const roundSeconds = spoken.reduce((sum, item) => sum + item.seconds, 0);
    const rounds = Math.ceil((minutes * 60) / roundSeconds);
    const recording = path.join(folder, 'consultation.wav');
    run('sox', [...Array.from({ length: rounds }, () => round), recording]);
    const durationSeconds = decodeWav(readFileSync(recording)).samples.length / 16000;
    const referenceWords = normaliseWords(Array.from({ length: rounds }, () => DIALOGUE.join(' ')).join(' '));
    const webm = path.join(folder, 'consultation.webm');
    run('ffmpeg', [
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-i',
      recording,
      '-c:a',
      'libopus',
      '-b:a',
      '32k',
      '-f',
      'webm',
      webm,
    ]);
    console.log(
      `Recording: ${clock(durationSeconds)} (${rounds} rounds of a ${DIALOGUE.length}-turn dialogue, flite slt, 16 kHz mono; ` +
        `WebM/Opus ${(statSync(webm).size / 1024 / 1024).toFixed(1)} MB), made in ${format((performance.now() - generationStarted) / 1000)}`,
    );

    // ---- 2. pocketsphinx alone, one pass.
    const single = await measure(() =>
      execFileSync('pocketsphinx_continuous', ['-infile', recording, '-time', 'yes', '-logfn', '/dev/null'], {
        maxBuffer: 1 << 28,
      }).toString('utf8'),
    );
    const singleWords = normaliseWords(
      parsePocketsphinxOutput(single.value)
        .map((segment) => segment.text)
        .join(' '),
    );
    console.log(
      `1. pocketsphinx, one pass over the file: ${describeTimes(single, durationSeconds)}, ` +
        `WER ${(wordErrorRate(referenceWords, singleWords) * 100).toFixed(1)} %`,
    );

    // ---- 3. The chunking pipeline, one window at a time (the same CPU as the single pass).
    const engine = createTranscriptionEngine({ setting: 'pocketsphinx', concurrency: 1 });
    const pipeline = await measure(() =>
      transcribeAudioFile(recording, { engine, language: 'en', concurrency: 1 }),
    );
    const pipelineWords = normaliseWords(pipeline.value.segments.map((segment) => segment.text).join(' '));
    console.log(
      `2. chunking pipeline (ffmpeg → energy → 30 s windows at pauses → pocketsphinx per window, 1 at a time): ` +
        `${describeTimes(pipeline, durationSeconds)}, WER ${(wordErrorRate(referenceWords, pipelineWords) * 100).toFixed(1)} %, ` +
        `${pipeline.value.segments.length} segments`,
    );
    console.log(
      `   overhead of chunking over one pass: CPU ${format(pipeline.cpu - single.cpu)} ` +
        `(RTF ${((pipeline.cpu - single.cpu) / durationSeconds).toFixed(3)}); ffmpeg conversion and analysis took ` +
        `${format(pipeline.value.conversionSeconds)} wall`,
    );

    // ---- 4. Live recording through the server's audio service, then stop → draft.
    const config = loadConfig({
      env: {},
      overrides: { databaseUrl: 'sqlite::memory:', logLevel: 'silent', webRoot: folder, auth: 'off' },
    });
    const context = await createAppContext(config);
    const service = new AudioService(context, {
      env: {},
      engine: createTranscriptionEngine({ setting: 'pocketsphinx' }),
      config: { storeUrl: `file:${path.join(folder, 'store')}`, temporaryStore: false },
    });
    try {
      const { recording: started } = await service.startRecording({
        language: 'en',
        consent: { given: true, by: 'bench' },
      });
      const bytes = readFileSync(webm);
      const chunkSeconds = 2;
      const chunkBytes = Math.ceil((bytes.length / durationSeconds) * chunkSeconds);
      const wallStarted = performance.now();
      const cpuStarted = cpuSeconds();
      let sequence = 0;
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        await service.appendChunk(started.id, {
          sequence,
          part: 0,
          data: bytes.subarray(offset, offset + chunkBytes),
        });
        sequence += 1;
        // Every 30 s of audio let live transcription catch up, as it does in real time when RTF < 1.
        if (sequence % 15 === 0) await service.idle();
      }
      await service.idle();
      const live = { wall: (performance.now() - wallStarted) / 1000, cpu: cpuSeconds() - cpuStarted };
      const beforeStop = await service.describeRecording(started.id);
      const stop = await measure(async () => {
        await service.stopRecording(started.id);
        await service.idle();
      });
      const finished = await service.describeRecording(started.id);
      const liveWords = normaliseWords(finished.segments.map((segment) => segment.text).join(' '));
      console.log(
        `3. live recording (WebM/Opus chunks of ${chunkSeconds} s, transcribed as they arrive): ${describeTimes(live, durationSeconds)}, ` +
          `${clock(beforeStop.recording.processedSeconds)} of ${clock(durationSeconds)} transcribed before stop, ` +
          `WER ${(wordErrorRate(referenceWords, liveWords) * 100).toFixed(1)} %`,
      );
      console.log(
        `4. stop → draft note: wall ${format(stop.wall)}, CPU ${format(stop.cpu)} (status ${finished.recording.status}, ${finished.segmentCount} segments, ` +
          `note ${finished.noteId === undefined ? 'missing' : 'drafted'})`,
      );
    } finally {
      await service.close();
      await context.close();
    }
    console.log(
      `(machine: ${String(spawnSync('nproc').stdout).trim()} cores, load average ${String(
        spawnSync('cat', ['/proc/loadavg']).stdout,
      )
        .split(' ')
        .slice(0, 3)
        .join(' ')})`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
