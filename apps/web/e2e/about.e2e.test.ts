import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { listBlockingFlags } from '@kollega/domain';
import { callApi, createAndDraft, readDevelopmentConsultations, startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

const SCREENSHOTS = process.env.KOLLEGA_ABOUT_SCREENSHOTS;
const MODEL_ENVIRONMENT = [
  'KOLLEGA_OPENAI_BASE_URL',
  'KOLLEGA_OPENAI_NAME',
  'KOLLEGA_OPENAI_LOCAL',
  'KOLLEGA_MODEL_NOTE_DRAFTING',
] as const;

let app: TestApp | undefined;
let fake: FakeOpenAIServer | undefined;

function clearModelEnvironment(): void {
  for (const name of MODEL_ENVIRONMENT) delete process.env[name];
}

afterEach(async () => {
  await app?.close();
  app = undefined;
  clearModelEnvironment();
});
afterAll(async () => {
  await fake?.close();
});

async function screenshot(name: string): Promise<void> {
  if (SCREENSHOTS !== undefined)
    await app!.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe('Om KI i Kollega', () => {
  it('shows that note drafts are sent de-identified to the configured model host', async () => {
    fake = await startFakeOpenAIServer();
    const host = new URL(fake.baseURL).host;
    process.env.KOLLEGA_OPENAI_BASE_URL = fake.baseURL;
    process.env.KOLLEGA_OPENAI_NAME = 'Testsky';
    process.env.KOLLEGA_OPENAI_LOCAL = 'false';
    process.env.KOLLEGA_MODEL_NOTE_DRAFTING = 'openai-compatible:test-modell';
    app = await startTestApp();
    const { page, url } = app;
    await page.goto(url);
    await page.getByTestId('nav-about').click();
    await page.waitForURL(/\/om-ki$/);
    const drafting = page.locator('[data-testid="ai-module"][data-module="note-drafting"]');
    const flow = drafting.getByTestId('module-data-flow');
    await expect.poll(() => flow.innerText()).toBe(`Sendes avidentifisert til Testsky på ${host}.`);
    expect(await flow.getAttribute('data-leaves')).toBe('true');
    expect(await drafting.getByTestId('module-engine').innerText()).toBe('openai-compatible:test-modell');
    // Rule-based modules still run on the server.
    expect(
      await page.locator('[data-module="decision-support"]').getByTestId('module-data-flow').innerText(),
    ).toBe('Data forlater ikke serveren.');
    await page.getByTestId('no-evaluation').waitFor();
    await screenshot('om-ki-remote');

    // The privacy export names the processor and its host.
    await page.goto(`${url}/personvern`);
    await expect
      .poll(() => page.getByTestId('privacy-export').innerText())
      .toContain(`Testsky (openai-compatible) ${host}: ekstern`);
    await screenshot('personvern');
  });

  it('says nothing leaves the server with the built-in engine, and shows the guide on first use', async () => {
    clearModelEnvironment();
    app = await startTestApp();
    const { page, url } = app;
    await page.goto(url);
    const banner = page.getByTestId('first-use-banner');
    await banner.waitFor();
    await banner.getByRole('link').click();
    await page.waitForURL(/\/veiledning$/);
    await page.getByTestId('guide-errors').waitFor();
    await screenshot('veiledning');
    await page.goto(`${url}/om-ki`);
    const flow = page.locator('[data-module="note-drafting"]').getByTestId('module-data-flow');
    await expect.poll(() => flow.innerText()).toBe('Data forlater ikke serveren.');
    expect(await page.getByTestId('first-use-banner').count()).toBe(0);
    await screenshot('om-ki-builtin');

    await page.goto(`${url}/pasientinformasjon`);
    await expect
      .poll(() => page.getByTestId('leaflet-retention-nb').innerText())
      .toBe('Lydopptaket slettes så snart legen har godkjent notatet.');
    expect(await page.getByTestId('leaflet-flow-nb').innerText()).toMatch(
      /Ingenting sendes til andre selskaper/,
    );
    await screenshot('pasientinformasjon');
  });

  it('records opened evidence from the review page, and the statistics page counts the approved note', async () => {
    app = await startTestApp();
    const { page, url } = app;
    const [development] = readDevelopmentConsultations();
    const { consultation, record } = await createAndDraft(url, development!);
    await page.goto(`${url}/konsultasjoner/${consultation.id}`);
    await page.getByTestId('statement').first().waitFor();
    // A flagged statement with evidence if there is one: opening its evidence is what the statistics look for.
    const linkedSelector = '[data-testid="statement"]:not([data-evidence-count="0"])';
    const flagged = page.locator(`${linkedSelector}[data-blocking="true"]`);
    const openedFlag = (await flagged.count()) > 0;
    const linked = (openedFlag ? flagged : page.locator(linkedSelector)).first();
    const statementId = await linked.getAttribute('data-statement-id');
    const recorded = page.waitForResponse((response) =>
      response.url().endsWith(`/api/notes/${record.id}/review-events`),
    );
    await linked.click();
    expect((await recorded).status()).toBe(201);
    // The flags are resolved through the API (the review UI's own flow is covered by its tests).
    for (const flagId of listBlockingFlags(record.verification!, [])) {
      await callApi(url, `/api/notes/${record.id}/dismissals`, {
        method: 'POST',
        body: { flagId, reason: 'Kontrollert mot samtalen', by: 'Kari Nordmann' },
      });
    }
    await callApi(url, `/api/notes/${record.id}/approve`, {
      method: 'POST',
      body: { approvedBy: 'Kari Nordmann', version: record.version },
    });
    const statistics = await callApi<{
      practice: { notesApproved: number };
      notes: Array<{ noteId: string; openedFlagEvidence: boolean }>;
    }>(url, '/api/statistics/review');
    expect(statistics.practice.notesApproved).toBe(1);
    expect(statistics.notes.map((note) => note.noteId)).toEqual([record.id]);
    expect(statementId).not.toBeNull();
    if (openedFlag) expect(statistics.notes[0]?.openedFlagEvidence).toBe(true);
    await page.goto(`${url}/statistikk`);
    await page.getByTestId('statistics-table').waitFor();
    expect(await page.getByTestId('weekly-chart').count()).toBe(3);
    await screenshot('statistikk');
  });
});
