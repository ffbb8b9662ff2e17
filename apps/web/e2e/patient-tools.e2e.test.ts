import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Consultation } from '@kollega/domain';
import { callApi, readDevelopmentConsultations, resolveOpenFlags, startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

/** axe-core's browser build (a root devDependency); the accessibility checks load it into the page. */
const AXE_PATH = path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js');

/** WCAG 2.1 A and AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core on the page and returns its WCAG 2.1 AA violations, readable in a failure message. */
async function findAccessibilityViolations(page: Page): Promise<string[]> {
  if (!existsSync(AXE_PATH)) {
    throw new Error(
      `axe-core is missing (${AXE_PATH}): it is needed for the WCAG 2.1 AA checks – install the axe-core devDependency.`,
    );
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, WCAG_TAGS);
  return (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact ?? '?'}): ${violation.help} – ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** A synthetic sore-throat consultation (invented). */
const SORE_THROAT_TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med?' },
  { speaker: 'pasient', text: 'Jeg har vondt i halsen.' },
];

interface CreatedLink {
  id: string;
  token: string;
  path: string;
}

describe('patient tools: pre-visit questionnaire on a phone, pre-summary for the GP, patient summary', () => {
  let app: TestApp;
  let phone: BrowserContext;
  let consultation: Consultation;

  beforeAll(async () => {
    app = await startTestApp({ doctorName: 'Kari Nordmann' });
    const browser = app.context.browser();
    if (browser === null) throw new Error('no browser');
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nb-NO',
      bypassCSP: true,
    });
    consultation = await callApi<Consultation>(app.url, '/api/consultations', {
      method: 'POST',
      body: { title: 'Sår hals (skjema)', language: 'nb', setting: 'kontor', transcript: SORE_THROAT_TURNS },
    });
  });

  afterAll(async () => {
    await phone?.close();
    await app?.close();
  });

  async function createLink(): Promise<CreatedLink> {
    return callApi<CreatedLink>(app.url, `/api/consultations/${consultation.id}/questionnaires`, {
      method: 'POST',
      body: { createdBy: 'resepsjonen', language: 'nb' },
    });
  }

  it('a patient fills in the sore-throat questionnaire on a phone, with clear errors and no WCAG 2.1 AA violations', async () => {
    const link = await createLink();
    expect(link.path).toBe(`/skjema#${link.token}`);
    const page = await phone.newPage();
    await page.goto(`${app.url}${link.path}`);
    await page.getByTestId('questionnaire-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await findAccessibilityViolations(page)).toEqual([]);

    // Nothing filled in: the errors are listed at the top, and each field says what is wrong.
    await page.getByTestId('questionnaire-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'error-summary',
    );
    const reason = page.getByTestId('field-reason');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const errorText = await page
      .locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`)
      .innerText();
    expect(errorText).toContain('Skriv kort hvorfor du kommer til legen.');
    expect(await findAccessibilityViolations(page)).toEqual([]);

    // The reason names a sore throat: the Centor questions appear (the complaint is ticked for the patient).
    await reason.fill('Jeg har hatt vondt i halsen i tre dager');
    const throat = page.getByTestId('module-sore-throat');
    await throat.waitFor();
    expect(await page.getByTestId('complaint-sore-throat').isChecked()).toBe(true);
    const answer = async (questionId: string, label: 'Ja' | 'Nei' | 'Vet ikke') =>
      page.getByTestId(`field-followUp.${questionId}`).getByLabel(label, { exact: true }).check();
    await answer('throat-fever', 'Ja');
    await answer('throat-cough', 'Nei');
    await answer('throat-glands', 'Ja');
    await answer('throat-coating', 'Ja');
    await answer('throat-one-side', 'Nei');
    await answer('throat-breathing', 'Nei');
    expect(await page.locator('[data-testid="red-flag-alert"]').count()).toBe(0);
    await page.getByTestId('field-symptoms').fill('Vondt å svelge og slapp');
    await page.getByTestId('field-duration').getByLabel('1–3 dager').check();
    await page.getByTestId('no-medicines').check();
    await page.getByTestId('field-allergies').fill('Plaster');
    await page.getByTestId('field-hopes').fill('Vil vite om jeg trenger penicillin');
    // The keyboard works through the whole form: the submit button is reachable with Tab from the last field.
    await page.getByTestId('field-hopes').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'questionnaire-submit',
    );
    await page.keyboard.press('Enter');
    await page.getByTestId('questionnaire-done').waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();

    // The link was for one use only.
    const again = await phone.newPage();
    await again.goto(`${app.url}${link.path}`);
    await again.getByTestId('code-input').waitFor();
    expect(await again.locator('#q-code-error').innerText()).toContain('allerede sendt inn');
    await again.close();
  });

  it('an answer that reveals a red flag shows the 113 advice at once', async () => {
    const link = await createLink();
    const page = await phone.newPage();
    // Opened with the code typed by hand instead of the link.
    await page.goto(`${app.url}/skjema`);
    await page.getByTestId('code-input').fill(link.token.toLowerCase());
    await page.getByTestId('code-submit').click();
    await page.getByTestId('questionnaire-form').waitFor();
    await page.getByTestId('complaint-sore-throat').check();
    await page.getByTestId('module-sore-throat').waitFor();
    await page.getByTestId('field-followUp.throat-breathing').getByLabel('Ja', { exact: true }).check();
    const alert = page.getByTestId('red-flag-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-urgency')).toBe('akutt');
    expect(await page.locator('[role="alert"]', { has: alert }).count()).toBe(1);
    expect(await alert.innerText()).toContain('Ring 113');
    expect(await alert.locator('a[href="tel:113"]').count()).toBe(1);
    // The alert stays in view while the patient scrolls on.
    await page.getByTestId('questionnaire-submit').scrollIntoViewIfNeeded();
    expect(await alert.isVisible()).toBe(true);
    expect(await findAccessibilityViolations(page)).toEqual([]);

    // In English too.
    await page.getByTestId('patient-language-en').click();
    expect(await alert.innerText()).toContain('Call 113');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('the GP’s consultation page shows the pre-summary with the Centor answers before the consultation', async () => {
    const { page } = app;
    await page.goto(`${app.url}/konsultasjoner/${consultation.id}`);
    const panel = page.getByTestId('pre-visit-panel');
    await panel.getByTestId('pre-summary').waitFor();
    expect(await panel.getByText('Oppgitt av pasienten (skjema)').count()).toBe(1);
    expect(await panel.getByTestId('score-sore-throat').innerText()).toBe('Centor 4/4');
    const answers = await panel.getByTestId('pre-summary-answer').allInnerTexts();
    expect(answers.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining([
        'Feber over 38,5 °C: Ja',
        'Hoste: Nei',
        'Hovne, ømme lymfeknuter foran på halsen: Ja',
        'Hvitt belegg på mandlene: Ja',
      ]),
    );
    expect(await panel.getByTestId('pre-summary-reason').innerText()).toBe(
      'Jeg har hatt vondt i halsen i tre dager',
    );
    expect(await panel.getByTestId('pre-summary-medicines').innerText()).toBe('Ingen');
  });

  it('the GP makes, reads and approves plain-language patient information from an approved note', async () => {
    const { page } = app;
    const [first] = readDevelopmentConsultations();
    expect(first, 'no development consultation found').toBeDefined();
    const created = await callApi<Consultation>(app.url, '/api/consultations', {
      method: 'POST',
      body: { title: 'Pasientinformasjon', language: 'nb', setting: 'kontor', transcript: first!.transcript },
    });
    await callApi(app.url, `/api/consultations/${created.id}/note`, { method: 'POST', body: {} });
    await page.goto(`${app.url}/konsultasjoner/${created.id}`);
    await page.getByTestId('statement').first().waitFor();
    await page.getByTestId('approver-name').fill('Kari Nordmann');
    await resolveOpenFlags(page);
    await page.getByTestId('approve-button').click();
    await page.getByTestId('approved-banner').waitFor();

    await page.getByTestId('patient-summary-link').click();
    await page.waitForURL(/\/pasientinformasjon$/);
    await page.getByTestId('draft-summary').click();
    const summary = page.getByTestId('patient-summary');
    await summary.waitFor();
    const lix = Number(await page.getByTestId('summary-lix').getAttribute('data-lix'));
    expect(lix).toBeGreaterThan(0);
    expect(lix).toBeLessThanOrEqual(40);
    const text = await summary.innerText();
    expect(text).toContain('Oppsummering fra legetimen');
    expect(text).toContain('fire ganger om dagen');
    expect(text).toContain('Ring 113');
    const pdf = await page.request.get(
      `${app.url}${await page.getByTestId('download-pdf').getAttribute('href')}`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await page.locator('#summary-approver').fill('Kari Nordmann');
    const confirm = page.locator('.summary-confirm input');
    if ((await confirm.count()) > 0) await confirm.check();
    await page.getByTestId('approve-summary').click();
    await page.getByText('Godkjent av Kari Nordmann').waitFor();
  });
});
