import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOT_PATH,
  formatAsSpeakerLines,
  readDevelopmentConsultations,
  readNumberAttribute,
  resolveOpenFlags,
  startTestApp,
} from './e2e-harness';
import type { TestApp } from './e2e-harness';

const DOCTOR = 'Kari Nordmann';

describe('foundation: paste a transcript, review the note, approve', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ doctorName: DOCTOR });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drafts a linked note from a pasted transcript, and a named doctor approves it', async () => {
    const { page, url } = app;
    const [first] = readDevelopmentConsultations();
    expect(first, 'no development consultation found').toBeDefined();
    const turns = first!.transcript;

    // The GP opens Kollega and starts a new consultation from the list page.
    await page.goto(url);
    await page.getByTestId('nav-new').click();
    await page.waitForURL(/\/ny$/);

    // Pastes the transcript as `Lege: …` / `Pasient: …` lines and creates the draft.
    await page.getByTestId('title-input').fill('Sår hals');
    await page.getByTestId('language-select').selectOption('nb');
    await page.getByTestId('transcript-input').fill(formatAsSpeakerLines(turns));
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/konsultasjoner\/[^/]+$/);

    // The review page shows every turn with its speaker's role, beside the note.
    await page.getByTestId('statement').first().waitFor();
    const segments = page.getByTestId('segment');
    expect(await segments.count()).toBe(turns.length);
    expect(await segments.first().getAttribute('data-speaker')).toBe(turns[0]!.speaker);
    expect(await segments.first().locator('.speaker-label').innerText()).toMatch(
      /lege|pasient|pårørende|tolk/i,
    );
    await page.getByTestId('support-legend').waitFor();

    // Clicking a statement highlights its evidence in the transcript and shows the verifier's verdict.
    // (A flagged statement if there is one, so the screenshot shows the verifier's reasons too.)
    const linked = '[data-testid="statement"]:not([data-evidence-count="0"])';
    const flaggedAndLinked = page.locator(`${linked}[data-blocking="true"]`);
    const statement = (
      (await flaggedAndLinked.count()) > 0 ? flaggedAndLinked : page.locator(linked)
    ).first();
    expect(await statement.count(), 'the draft has no statement linked to the transcript').toBe(1);
    await statement.click();
    expect(await statement.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('statement-detail').waitFor();
    const highlighted = page.locator('[data-testid="segment"][data-evidence-active="true"]');
    await highlighted.first().waitFor();
    expect(await highlighted.count()).toBeGreaterThan(0);
    // …and scrolls the first highlighted turn into the visible part of the transcript.
    await page.waitForFunction(() => {
      const segment = document.querySelector('[data-evidence-active="true"]');
      const list = segment?.parentElement;
      if (!segment || !list) return false;
      const box = segment.getBoundingClientRect();
      const frame = list.getBoundingClientRect();
      return box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
    });
    await page.screenshot({ path: SCREENSHOT_PATH });

    // The GP signs with their name, resolves any flags (insert what is missing, or dismiss with a reason)…
    await page.getByTestId('approver-name').fill(DOCTOR);
    await resolveOpenFlags(page);
    expect(await readNumberAttribute(page, '[data-testid="flag-count"]', 'data-count')).toBe(0);

    // …and approves.
    const approve = page.getByTestId('approve-button');
    expect(await approve.isEnabled()).toBe(true);
    await approve.click();
    await page.getByTestId('approved-banner').waitFor();
    expect(await page.getByTestId('approved-banner').innerText()).toContain(`Godkjent av ${DOCTOR}`);

    // After a reload the note is still approved and locked: no edit, add or approve controls.
    await page.reload();
    await page.getByTestId('approved-banner').waitFor();
    expect(await page.getByTestId('approved-banner').innerText()).toContain(DOCTOR);
    expect(await page.locator('[data-testid="note"]').getAttribute('data-note-status')).toBe('approved');
    await page.getByTestId('statement').first().click();
    await page.getByTestId('statement-detail').waitFor();
    expect(await page.getByTestId('edit-statement').count()).toBe(0);
    expect(await page.getByTestId('add-statement').count()).toBe(0);
    expect(await page.getByTestId('approve-button').count()).toBe(0);

    // "Hvem har sett journalen?": the access log names the doctor who read, drafted and approved it.
    await page.getByTestId('access-log').locator('summary').click();
    await page.getByTestId('access-log-table').waitFor();
    const accessLog = await page.getByTestId('access-log-table').innerText();
    expect(accessLog).toContain('godkjente notatet');
    expect(accessLog).toContain(DOCTOR);

    // "Kopier som tekst" copies the approved note and shows it for manual copying.
    await page.getByTestId('copy-text-button').click();
    const noteText = page.getByTestId('note-text');
    await noteText.waitFor();
    const text = await noteText.inputValue();
    const firstStatementText = await page
      .getByTestId('statement')
      .first()
      .locator('.statement-text')
      .innerText();
    expect(text).toContain(firstStatementText.trim());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // The list shows the consultation as approved.
    await page.getByTestId('nav-list').click();
    await page.getByTestId('consultation-row').first().waitFor();
    expect(await page.getByTestId('status-badge').first().getAttribute('data-status')).toBe('approved');
  });
});
