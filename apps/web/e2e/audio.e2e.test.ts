import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { createBlobStore, resolveKeyring } from '@kollega/storage';
import { callApi, startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

/** What the server says about a recording (the parts of GET /api/audio/recordings/:id the test reads). */
interface RecordingStatus {
  recording: {
    id: string;
    status: string;
    partCount: number;
    nextSequence: number;
    partDurations: number[];
    durationSeconds?: number;
    stoppedAt?: string;
    consent: { given: boolean; by: string };
  };
  segmentCount: number;
  segments: Array<{ text: string }>;
  noteId?: string;
}

const TOOLS = ['ffmpeg', 'flite', 'sox', 'pocketsphinx_continuous'];
const hasTools = TOOLS.every((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);

/** A synthetic English consultation, spoken by flite, for Chromium's fake microphone. */
const LINES = [
  'Hello, what brings you in today?',
  'I have had a cough and a fever for three days.',
  'Do you have any chest pain?',
  'No, I do not have any chest pain.',
  'How high has the fever been?',
  'The fever was thirty nine degrees last night.',
  'I will listen to your lungs now.',
  'Your lungs sound clear.',
];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString().slice(0, 300)}`);
}

/** Seconds of audio in a recorded part on the server (decoded with ffmpeg, as the server does). */
function measureSeconds(file: string, folder: string): number {
  const output = path.join(folder, `measure-${Date.now()}.wav`);
  run('ffmpeg', [
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-i',
    file,
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    output,
  ]);
  return (readFileSync(output).length - 44) / 32000;
}

describe.skipIf(!hasTools)('audio: record in the browser, survive a crash, transcribe, draft', () => {
  let folder: string;
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let microphoneFile: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'kollega-audio-e2e-'));
    const pause = path.join(folder, 'pause.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', pause, 'trim', '0', '1.2']);
    const parts = LINES.map((line, index) => {
      const file = path.join(folder, `line-${index}.wav`);
      run('flite', ['-voice', 'slt', '-t', line, '-o', file]);
      return file;
    });
    const spoken = path.join(folder, 'spoken.wav');
    run('sox', [...parts.flatMap((part) => [part, pause]), spoken]);
    // Padded to over 30 s; Chromium loops the file as the microphone.
    microphoneFile = path.join(folder, 'microphone.wav');
    run('sox', [spoken, microphoneFile, 'pad', '0', '6']);

    // The real server (signed in as the practice's doctor), with pocketsphinx and a known audio folder.
    process.env.KOLLEGA_TRANSCRIPTION = 'pocketsphinx';
    process.env.KOLLEGA_AUDIO_STORE = `file:${path.join(folder, 'audio')}`;
    // A known key, so the test can open the audio the server stores encrypted.
    process.env.KOLLEGA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    app = await startTestApp();
    await app.page.close();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${microphoneFile}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    // A browser with Chromium's fake microphone, signed in with the harness's session cookies.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    await context.addCookies(await app.context.cookies());
    await context.grantPermissions(['microphone'], { origin: app.url });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    delete process.env.KOLLEGA_TRANSCRIPTION;
    delete process.env.KOLLEGA_AUDIO_STORE;
    delete process.env.KOLLEGA_ENCRYPTION_KEY;
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  async function openNewConsultation(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.url}/ny`);
    await page.getByTestId('audio-panel').waitFor();
    return page;
  }

  it('does not record without consent, and records a refusal with the consultation', async () => {
    const page = await openNewConsultation();
    await page.getByTestId('audio-doctor').fill('Dr Hansen');
    expect(await page.getByTestId('record-start').isDisabled()).toBe(true);
    await page.getByTestId('consent-refuse').click();
    await page.getByTestId('consent-refused-message').waitFor();
    expect(await page.getByTestId('record-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('consent-checkbox').isDisabled()).toBe(true);

    const list = await callApi<{ items: Array<{ id: string }> }>(app.url, '/api/consultations');
    expect(list.items).toHaveLength(1);
    const recording = await callApi<RecordingStatus>(
      app.url,
      `/api/consultations/${list.items[0]!.id}/recording`,
    );
    expect(recording.recording.status).toBe('consent_refused');
    // Signed in, the refusal is recorded in the session doctor's name (the harness signs in as «Dr. Test»).
    expect(recording.recording.consent).toMatchObject({ given: false, by: 'Dr. Test' });
    await page.close();
  });

  it('keeps all but the last seconds through a crash, resumes into the same consultation, and drafts a note', async () => {
    const page = await openNewConsultation();
    await page.getByTestId('audio-language').selectOption('en');
    await page.getByTestId('audio-doctor').fill('Dr Hansen');
    await page.getByTestId('consent-checkbox').check();
    await page.getByTestId('record-start').click();
    await page.locator('[data-testid="record-state"][data-phase="recording"]').waitFor();
    const startedAt = Date.now();
    await page.getByTestId('level-meter').waitFor();

    // Record for a while, then kill the renderer abruptly: no unload handlers, no last chunk.
    await page.waitForTimeout(13_000);
    const session = await page.evaluate(() => window.localStorage.getItem('kollega.recordingSession'));
    expect(session).not.toBeNull();
    const { recordingId, consultationId } = JSON.parse(session!) as {
      recordingId: string;
      consultationId: string;
    };
    const cdp = await context.newCDPSession(page);
    const killedAt = Date.now();
    // The crash command never answers (the renderer is gone), so do not wait for it.
    const settle = (work: Promise<unknown>) =>
      Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await settle(cdp.send('Page.crash'));
    await settle(page.close());
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The server holds everything up to at most 5 s before the kill.
    const afterCrash = await callApi<RecordingStatus>(app.url, `/api/audio/recordings/${recordingId}`);
    expect(afterCrash.recording).toMatchObject({ status: 'recording', partCount: 1 });
    // The part is stored encrypted (never plain on disk); open it with the server's key to measure it.
    const { keyring } = resolveKeyring('sqlite::memory:', { key: process.env.KOLLEGA_ENCRYPTION_KEY });
    const store = createBlobStore(`file:${path.join(folder, 'audio')}`, { keyring });
    const sealedPart = readFileSync(path.join(folder, 'audio', 'recordings', recordingId, 'part-0.media'));
    expect(sealedPart.includes(Buffer.from('webm'))).toBe(false);
    const part0 = path.join(folder, 'part-0-opened.media');
    writeFileSync(part0, await store.read(`recordings/${recordingId}/part-0.media`));
    const recordedBeforeKill = (killedAt - startedAt) / 1000;
    const storedBeforeKill = measureSeconds(part0, folder);
    expect(storedBeforeKill).toBeGreaterThanOrEqual(recordedBeforeKill - 5);
    expect(storedBeforeKill).toBeLessThanOrEqual(recordedBeforeKill + 1);

    // Reopen: the page offers to continue the interrupted recording in the same consultation.
    const reopened = await openNewConsultation();
    await reopened.getByTestId('resume-banner').waitFor();
    await reopened.getByTestId('resume-recording').click();
    await reopened.locator('[data-testid="record-state"][data-phase="recording"]').waitFor();
    // The transcript so far appears while recording (live transcription of the first part).
    await reopened.getByTestId('live-segment').first().waitFor({ timeout: 30_000 });
    await reopened.waitForTimeout(7_000);
    await reopened.getByTestId('record-stop').click();
    const stoppedAt = Date.now();

    // Within seconds of stopping, the consultation opens with its transcript and drafted note.
    await reopened.waitForURL(new RegExp(`/konsultasjoner/${consultationId}$`), { timeout: 90_000 });
    const stopToDraftSeconds = (Date.now() - stoppedAt) / 1000;
    await reopened.getByTestId('segment').first().waitFor();
    await reopened.getByTestId('audio-review-panel').waitFor();
    expect(await reopened.getByTestId('consent-status').getAttribute('data-consent')).toBe('given');
    expect(await reopened.getByTestId('audio-retention').innerText()).toMatch(
      /slettes når notatet godkjennes/,
    );

    const finished = await callApi<RecordingStatus>(app.url, `/api/audio/recordings/${recordingId}`);
    expect(finished.recording.status).toBe('transcribed');
    expect(finished.recording.partCount).toBe(2);
    expect(finished.recording.partDurations[0]).toBeGreaterThanOrEqual(recordedBeforeKill - 5);
    expect(finished.recording.durationSeconds).toBeCloseTo(
      finished.recording.partDurations.reduce((sum, value) => sum + value, 0),
      1,
    );
    expect(finished.segmentCount).toBeGreaterThan(2);
    console.log(
      `audio e2e: recorded ${recordedBeforeKill.toFixed(1)} s before the kill, server held ${storedBeforeKill.toFixed(1)} s; ` +
        `parts ${finished.recording.partDurations.map((value) => value.toFixed(1)).join(' + ')} s; ` +
        `stop → note page ${stopToDraftSeconds.toFixed(1)} s`,
    );
    const consultation = await callApi<Consultation>(app.url, `/api/consultations/${consultationId}`);
    const text = consultation.transcript.segments.map((segment) => segment.text).join(' ');
    const contentWords = ['cough', 'fever', 'three days', 'chest pain', 'lungs'].filter((words) =>
      text.includes(words),
    );
    expect(contentWords.length).toBeGreaterThanOrEqual(2);
    const note = await callApi<NoteRecord>(app.url, `/api/consultations/${consultationId}/note`);
    expect(note.status).toBe('draft');
    console.log(
      `audio e2e: server stop → note drafted ${((Date.parse(note.createdAt) - Date.parse(finished.recording.stoppedAt ?? '')) / 1000).toFixed(1)} s`,
    );
    expect(note.note.sections.some((section) => section.statements.length > 0)).toBe(true);

    // Selecting a statement plays the recording from its evidence.
    const statement = note.note.sections
      .flatMap((section) => section.statements)
      .find((item) => item.evidence.length > 0);
    if (statement !== undefined) {
      const evidenceStart = Math.min(
        ...consultation.transcript.segments
          .filter((segment) => statement.evidence.includes(segment.id) && segment.start !== undefined)
          .map((segment) => segment.start!),
      );
      await reopened.locator(`[data-statement-id="${statement.id}"]`).first().click();
      await reopened.waitForFunction(
        (start) => {
          const audio = document.querySelector<HTMLAudioElement>('[data-testid="audio-player"]');
          return audio !== null && Math.abs(audio.currentTime - start) < 1.5;
        },
        evidenceStart,
        { timeout: 10_000 },
      );
    }
    await reopened.close();
  }, 240_000);
});
