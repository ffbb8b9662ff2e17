import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

/** A short synthetic consultation as WebVTT with voice tags, as a speech-to-text service writes it. */
const VTT_TRANSCRIPT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Lege>Hva kan jeg hjelpe deg med i dag?',
  '',
  '00:00:04.500 --> 00:00:09.000',
  '<v Pasient>Jeg har hatt vondt i venstre øre i tre dager, og feber på 38,5.',
  '',
  '00:00:09.500 --> 00:00:13.000',
  '<v Lege>Da ser jeg i øret. Trommehinnen på venstre side er rød og bulende.',
  '',
].join('\n');

/** The same file with a broken cue timing line. */
const BROKEN_VTT = VTT_TRANSCRIPT.replace('00:00:04.500 --> 00:00:09.000', '00:00:04,5 -> 9');

describe('upload, errors and language', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the server’s message for a broken file and keeps the form, then creates from a valid upload', async () => {
    const { page, url } = app;
    await page.goto(`${url}/ny`);

    // Nothing pasted and no file: the form says what is missing and sends nothing.
    await page.getByTestId('create-submit').click();
    await page.locator('.field-error').waitFor();
    expect(page.url()).toMatch(/\/ny$/);

    // A broken file: a readable error banner, and the GP stays on the form with the file still chosen.
    await page.getByTestId('file-input').setInputFiles({
      name: 'konsultasjon.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(BROKEN_VTT, 'utf8'),
    });
    expect(await page.getByTestId('transcript-input').isDisabled()).toBe(true);
    await page.getByTestId('create-submit').click();
    await page.getByTestId('error-banner').waitFor();
    expect((await page.getByTestId('error-message').innerText()).trim().length).toBeGreaterThan(0);
    expect(page.url()).toMatch(/\/ny$/);
    expect(
      await page.getByTestId('file-input').evaluate((input: HTMLInputElement) => input.files?.length),
    ).toBe(1);

    // A valid file: the review page shows the turns with roles and times.
    await page.getByTestId('file-input').setInputFiles({
      name: 'konsultasjon.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(VTT_TRANSCRIPT, 'utf8'),
    });
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/konsultasjoner\/[^/]+$/);
    await page.getByTestId('segment').first().waitFor();
    const segments = page.getByTestId('segment');
    expect(await segments.count()).toBe(3);
    expect(await segments.nth(0).getAttribute('data-speaker')).toBe('lege');
    expect(await segments.nth(1).getAttribute('data-speaker')).toBe('pasient');
    expect(await segments.nth(1).locator('.segment-time').innerText()).toContain('0:04');
    await page.getByTestId('approval-panel').waitFor();
  });

  it('switches the interface to English and remembers the choice', async () => {
    const { page, url } = app;
    await page.goto(url);
    expect(await page.getByTestId('nav-new').innerText()).toBe('Ny konsultasjon');
    await page.getByTestId('language-en').click();
    expect(await page.getByTestId('nav-new').innerText()).toBe('New consultation');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    expect(await page.getByTestId('nav-new').innerText()).toBe('New consultation');
    await page.getByTestId('language-nb').click();
    expect(await page.getByTestId('nav-new').innerText()).toBe('Ny konsultasjon');
  });
});
