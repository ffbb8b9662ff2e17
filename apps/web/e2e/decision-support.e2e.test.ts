import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatAsSpeakerLines, resolveOpenFlags, startTestApp } from './e2e-harness';
import type { DevelopmentTurn, TestApp } from './e2e-harness';

// A single-feature test opts out of sign-in, as the server's route tests do (createTestApp: auth 'off');
// the harness's own settings win if it passes `auth` explicitly.
process.env.KOLLEGA_AUTH ??= 'off';

const DOCTOR = 'Silje Fastlege';

/** A synthetic sore throat written for this test: Centor 4, positive strep A, penicillin V as the guideline says. */
const SORE_THROAT: DevelopmentTurn[] = [
  { speaker: 'lege', text: 'Hei, kom inn. Hva er det som plager deg?' },
  {
    speaker: 'pasient',
    text: 'Jeg har så vondt i halsen, det begynte for tre dager siden, og det er vondt å svelge.',
  },
  { speaker: 'lege', text: 'Har du hatt feber?' },
  { speaker: 'pasient', text: 'Ja, 38,8 i går kveld.' },
  { speaker: 'lege', text: 'Hoster du?' },
  { speaker: 'pasient', text: 'Nei, ingen hoste.' },
  { speaker: 'lege', text: 'Tåler du penicillin?' },
  { speaker: 'pasient', text: 'Ja, jeg har brukt det før uten problemer.' },
  {
    speaker: 'lege',
    text: 'Mandlene er store og røde med hvitt belegg på begge sider, og lymfeknutene foran på halsen er ømme og forstørrede.',
  },
  { speaker: 'lege', text: 'Streptokokktesten er positiv.' },
  {
    speaker: 'lege',
    text: 'Du har streptokokkhalsbetennelse. Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
  },
  { speaker: 'pasient', text: 'Takk, det blir fint.' },
];

/** A synthetic uncomplicated cystitis treated with ciprofloxacin: a deviation from the guideline. */
const CYSTITIS: DevelopmentTurn[] = [
  { speaker: 'lege', text: 'Hei, hva gjelder det i dag?' },
  { speaker: 'pasient', text: 'Det svir når jeg tisser, og jeg må på do hele tiden. Det startet i går.' },
  { speaker: 'lege', text: 'Feber, eller vondt i ryggen eller siden?' },
  { speaker: 'pasient', text: 'Nei, ingen feber og ikke vondt i siden.' },
  { speaker: 'lege', text: 'Er du gravid?' },
  { speaker: 'pasient', text: 'Nei, jeg er ikke gravid. Jeg er 41 år.' },
  { speaker: 'lege', text: 'Urinstiksen viser positiv nitritt og leukocytter.' },
  {
    speaker: 'lege',
    text: 'Det er en blærebetennelse. Jeg skriver ut ciprofloksacin 500 milligram to ganger daglig i tre dager.',
  },
];

async function createFromTranscript(
  page: Page,
  url: string,
  title: string,
  turns: DevelopmentTurn[],
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('nav-new').click();
  await page.waitForURL(/\/ny$/);
  await page.getByTestId('title-input').fill(title);
  await page.getByTestId('language-select').selectOption('nb');
  await page.getByTestId('setting-select').selectOption('kontor');
  await page.getByTestId('transcript-input').fill(formatAsSpeakerLines(turns));
  await page.getByTestId('create-submit').click();
  await page.waitForURL(/\/konsultasjoner\/[^/]+$/);
  await page.getByTestId('statement').first().waitFor();
  await page.getByTestId('ds-recommendation').waitFor();
}

describe('decision support beside the note, ICPC-2 codes and the prescribing mirror', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the recommendation and codes, stores the chosen code, and the mirror counts the approved note', async () => {
    const { page, url } = app;
    await createFromTranscript(page, url, 'Vondt i halsen', SORE_THROAT);

    // The recommendation for exactly these findings: penicillin V with dose, and the plan follows it.
    const recommendation = page.getByTestId('ds-recommendation');
    expect(await recommendation.getAttribute('data-kind')).toBe('antibiotic');
    const regimen = await page.getByTestId('ds-regimen').innerText();
    expect(regimen).toContain('Fenoksymetylpenicillin');
    expect(regimen).toContain('660 mg');
    expect(await page.getByTestId('ds-plan').getAttribute('data-assessment')).toBe('concordant');
    expect(await page.getByTestId('ds-advice').innerText()).toMatch(/\S/);
    expect(await page.getByTestId('ds-source').innerText()).toContain('Helsedirektoratet');

    // ICPC-2: streptococcal throat suggested first; its sources are highlighted in the transcript.
    const first = page.getByTestId('ds-code').first();
    expect(await first.getAttribute('data-code')).toBe('R72');
    expect(await first.innerText()).toContain('Streptokokkhals');
    await first.getByTestId('ds-code-evidence-button').click();
    const quotes = first.getByTestId('ds-code-evidence');
    await quotes.waitFor();
    const quotedId = await quotes.locator('li').first().getAttribute('data-segment-id');
    expect(quotedId).not.toBeNull();
    expect(await quotes.innerText()).toContain('streptokokkhalsbetennelse');
    // The same marker-pen yellow the review page uses for a statement's evidence (after its transition).
    await page.waitForFunction(
      (id) =>
        getComputedStyle(document.querySelector(`[data-testid="segment"][data-segment-id="${id}"]`)!)
          .backgroundColor === 'rgb(255, 241, 184)',
      quotedId,
    );
    const plain = await page
      .locator('[data-testid="segment"]')
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(plain).not.toBe('rgb(255, 241, 184)');

    // The doctor chooses the code and saves it on the note.
    await first.getByTestId('ds-code-checkbox').check();
    await page.getByTestId('ds-save-codes').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="ds-codes-status"]')?.textContent !== '',
    );

    // Approve (resolving the verifier's flags as a GP would), then the exported text names the diagnosis.
    await page.getByTestId('approver-name').fill(DOCTOR);
    await resolveOpenFlags(page);
    await page.getByTestId('approve-button').click();
    await page.getByTestId('approved-banner').waitFor();
    expect(await page.getByTestId('ds-chosen-codes').innerText()).toContain('R72 Streptokokkhals');
    await page.getByTestId('copy-text-button').click();
    await page.getByTestId('note-text').waitFor();
    expect((await page.getByTestId('note-text').inputValue()).split('\n')).toContain(
      'Diagnose: R72 Streptokokkhals',
    );

    // The prescribing mirror counts it: one respiratory infection, with penicillin V, for this doctor.
    await page.getByTestId('nav-prescribing-mirror').click();
    await page.waitForURL(/\/forskrivningsspeil$/);
    const doctor = page.locator(`[data-testid="mirror-doctor"][data-doctor="${DOCTOR}"]`);
    await doctor.waitFor();
    expect(await doctor.getAttribute('data-respiratory')).toBe('1');
    expect(await doctor.getAttribute('data-with-antibiotic')).toBe('1');
    expect(await doctor.getAttribute('data-penicillin-v')).toBe('1');
    expect(await doctor.getAttribute('data-deviations')).toBe('0');
    expect(await page.getByTestId('mirror-practice').getAttribute('data-respiratory')).toBe('1');
    expect(
      await doctor.getByTestId('mirror-penicillin-share').locator('svg').getAttribute('aria-label'),
    ).toContain('100 %');
    expect(await doctor.getByTestId('mirror-deviations').locator('polyline').count()).toBe(2);
  });

  it('reports a deviation calmly, records a declined recommendation, and can take it into the plan', async () => {
    const { page, url } = app;
    await createFromTranscript(page, url, 'Svie ved vannlating', CYSTITIS);

    expect(await page.getByTestId('ds-plan').getAttribute('data-assessment')).toBe('deviation');
    const deviation = page.locator('[data-testid="ds-deviation"][data-code="wrong-drug"]');
    expect(await deviation.innerText()).toMatch(/Ciprofloksacin[\s\S]*Regel cystitis-uncomplicated@/);

    // Declining needs a reason, which is stored and shown.
    await page.getByTestId('approver-name').fill(DOCTOR);
    await page.getByTestId('ds-decline').click();
    await page.getByTestId('ds-decline-reason').fill('Kjent resistens mot mecillinam');
    await page.getByTestId('ds-decline-save').click();
    const decision = page.getByTestId('ds-decision');
    await decision.waitFor();
    expect(await decision.getAttribute('data-action')).toBe('declined');
    expect(await decision.innerText()).toContain('Kjent resistens mot mecillinam');

    // Accepting adds the first-choice regimen to Tiltak through the note edit.
    const version = Number(await page.getByTestId('note').getAttribute('data-note-version'));
    await page.getByTestId('ds-accept').click();
    await page.waitForFunction(
      (previous) =>
        Number(document.querySelector('[data-testid="note"]')?.getAttribute('data-note-version')) > previous,
      version,
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="ds-decision"]')?.getAttribute('data-action') === 'accepted',
    );
    const tiltak = page.locator('[data-testid="note-section"][data-section-id="tiltak"]');
    expect(await tiltak.innerText()).toContain('Pivmecillinam 200 mg x 3 i 3 d.');
  });
});
