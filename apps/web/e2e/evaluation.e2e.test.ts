import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { startServer } from '@kollega/server';
import type { RunningServer } from '@kollega/server';
import { createStorage } from '@kollega/storage';
import type { UserRole } from '@kollega/storage';
import { hashPassword } from '../../server/src/auth/password';
import { WEB_ROOT } from './e2e-harness';

/** The synthetic Norwegian development consultations (override with KOLLEGA_NB_DEV_CONSULTATIONS). */
const CONSULTATIONS_FILE =
  process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';
const MODEL_ID = 'openai-compatible:test-modell';
const PASSWORD = 'e2e-passord-som-er-langt';
/** Set to a folder to save screenshots of the page and the report. */
const SCREENSHOTS = process.env.KOLLEGA_EVALUATION_SCREENSHOTS;
const ENVIRONMENT = ['KOLLEGA_EVAL_DATASETS_DIR', 'KOLLEGA_OPENAI_BASE_URL', 'KOLLEGA_EVAL_MODELS'] as const;

let directory: string | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let fake: FakeOpenAIServer | undefined;

afterEach(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  for (const name of ENVIRONMENT) delete process.env[name];
  browser = undefined;
  server = undefined;
  fake = undefined;
  directory = undefined;
});

/** A fresh browser context (the server's real CSP applies) signed in through the sign-in page. */
async function signIn(url: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  const page = await context.newPage();
  await page.goto(`${url}/logg-inn`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(PASSWORD);
  await page.getByTestId('login-form').locator('button[type="submit"]').click();
  await page.waitForURL(`${url}/`);
  await page.getByTestId('session-bar').waitFor();
  return { context, page };
}

describe('Evaluering', () => {
  it('lets an admin run the built-in engine and a model on a dataset, follow the progress and open the report', async () => {
    if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
      throw new Error(`No built web app in ${WEB_ROOT}: run \`npm run build --workspace apps/web\` first.`);
    }
    directory = mkdtempSync(path.join(tmpdir(), 'kollega-e2e-evaluation-'));
    // The datasets folder the server may evaluate: one copy of the development consultations.
    const datasets = path.join(directory, 'datasett');
    mkdirSync(path.join(datasets, 'nb-dev'), { recursive: true });
    copyFileSync(CONSULTATIONS_FILE, path.join(datasets, 'nb-dev', 'consultations.jsonl'));
    fake = await startFakeOpenAIServer();
    process.env.KOLLEGA_EVAL_DATASETS_DIR = datasets;
    process.env.KOLLEGA_OPENAI_BASE_URL = fake.baseURL;
    process.env.KOLLEGA_EVAL_MODELS = MODEL_ID;

    // A practice with an admin and a doctor, made in the database before the server starts.
    const databaseUrl = `sqlite:${path.join(directory, 'k.db')}`;
    const storage = await createStorage(databaseUrl);
    const passwordHash = await hashPassword(PASSWORD);
    const user = (username: string, role: UserRole) => ({
      username,
      displayName: role === 'admin' ? 'Admin Test' : 'Dr. Test',
      role,
      passwordHash,
    });
    const { practice } = await storage.auth.createPracticeWithUser({
      practiceName: 'Testlegekontoret',
      user: user('admin.test', 'admin'),
    });
    await storage.auth.createUser({ practiceId: practice.id, ...user('lege.test', 'lege') });
    await storage.close();

    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      webRoot: WEB_ROOT,
      logLevel: 'silent',
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });

    // A doctor neither sees the page in the navigation nor may use the API.
    const doctor = await signIn(server.url, 'lege.test');
    await doctor.page.getByTestId('nav-about').waitFor();
    expect(await doctor.page.getByTestId('nav-evaluation').count()).toBe(0);
    const forbidden = await doctor.page.request.get(`${server.url}/api/evaluation/runs`);
    expect(forbidden.status()).toBe(403);
    await doctor.context.close();

    const { context, page } = await signIn(server.url, 'admin.test');
    await page.getByTestId('nav-evaluation').click();
    await page.waitForURL(/\/evaluering$/);
    const datasetSelect = page.getByTestId('evaluation-dataset');
    await datasetSelect.waitFor();
    expect(await datasetSelect.inputValue()).toBe('nb-dev/consultations.jsonl');
    expect(await page.locator('[data-testid="evaluation-engine"][data-engine="builtin"]').isChecked()).toBe(
      true,
    );
    await page.locator(`[data-testid="evaluation-engine"][data-engine="${MODEL_ID}"]`).check();
    await page.getByTestId('evaluation-limit').fill('3');
    await page.getByTestId('start-evaluation').click();

    // The progress bar follows the run to the end: 3 cases × 2 engines.
    const progress = page.getByTestId('evaluation-progress');
    await progress.waitFor();
    expect(await progress.getAttribute('data-total')).toBe('6');
    await page.locator('[data-testid="evaluation-status"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('data-done')).toBe('6');
    expect(await progress.getAttribute('aria-valuenow')).toBe('6');
    for (const engine of ['builtin', MODEL_ID]) {
      const engineProgress = page.locator(
        `[data-testid="evaluation-engine-progress"][data-engine="${engine}"]`,
      );
      expect(await engineProgress.innerText()).toContain('3 av 3 ferdige');
    }

    // Summary figures per engine, and the run in the table of runs.
    const rows = page.getByTestId('evaluation-summary-row');
    expect(await rows.count()).toBe(2);
    for (const engine of ['builtin', MODEL_ID]) {
      const rouge = await page
        .locator(`[data-testid="evaluation-summary-row"][data-engine="${engine}"] [data-metric="rouge1"]`)
        .innerText();
      expect(Number(rouge.replace(',', '.'))).toBeGreaterThan(0);
    }
    const runRow = page.getByTestId('evaluation-run-row');
    expect(await runRow.count()).toBe(1);
    expect(await runRow.innerText()).toContain('nb-dev/consultations.jsonl');
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);

    if (SCREENSHOTS !== undefined)
      await page.screenshot({ path: `${SCREENSHOTS}/evaluering.png`, fullPage: true });

    // "Åpne rapport" opens the HTML report in a new tab, served under its own content security policy.
    const reportLink = page.getByTestId('evaluation-run').getByTestId('open-report');
    const reportPath = (await reportLink.getAttribute('href')) ?? '';
    expect(reportPath).toMatch(/^\/api\/evaluation\/runs\/run-[a-z0-9-]+\/report$/);
    const served = await page.request.get(`${server.url}${reportPath}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-security-policy']).toContain("default-src 'none'");
    const [report] = await Promise.all([context.waitForEvent('page'), reportLink.click()]);
    await report.waitForLoadState();
    expect(report.url()).toBe(`${server.url}${reportPath}`);
    // The engines side by side: one column each in the summary table and in every case.
    const headings = await report.locator('table.summary thead th').allInnerTexts();
    expect(headings.map((heading) => heading.trim())).toEqual(['Mål', 'builtin', MODEL_ID]);
    const firstCase = report.locator('details.case').first();
    await firstCase.locator('summary').click();
    const columns = await firstCase.locator('.columns .column h3').allInnerTexts();
    expect(columns.map((column) => column.trim())).toEqual(['Referanse', 'builtin', MODEL_ID]);
    if (SCREENSHOTS !== undefined) await report.screenshot({ path: `${SCREENSHOTS}/rapport.png` });
    await report.close();
    await context.close();
  });
});
