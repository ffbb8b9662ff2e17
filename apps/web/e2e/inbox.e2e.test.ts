import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

let app: TestApp | undefined;
let directory: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

// Synthetic messages written for this test; the emergency is buried in a prescription request.
const MESSAGES = [
  {
    id: 'innboks-1',
    message: 'Kan jeg få flyttet timen min til neste uke?',
    receivedAt: '2025-01-01T08:00:00Z',
  },
  {
    id: 'innboks-2',
    message:
      'Hei, jeg trenger ny resept på blodtrykksmedisinen min. Forresten har jeg hatt trykk i brystet som stråler ut i venstre arm siden i morges.',
  },
  { id: 'innboks-3', message: 'Har hatt feber og vondt i halsen i tre dager, kan jeg få time?' },
];

describe('Innboks', () => {
  it('imports messages, puts the buried emergency on top with its banner, and handles it', async () => {
    app = await startTestApp();
    const { page } = app;
    directory = mkdtempSync(path.join(tmpdir(), 'kollega-inbox-'));
    const file = path.join(directory, 'meldinger.jsonl');
    writeFileSync(file, MESSAGES.map((message) => JSON.stringify(message)).join('\n'));

    await page.goto(`${app.url}/`);
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('inbox-notice').waitFor();
    expect(await page.getByTestId('inbox-notice').textContent()).toContain('Importerte 3');

    const banner = page.getByTestId('acute-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Akutt: 1 melding(er) – pasienten bør ringe 113 nå');
    expect(await banner.textContent()).toContain('113');

    const messages = page.getByTestId('inbox-message');
    await expect.poll(() => messages.count()).toBe(3);
    const top = messages.first();
    expect(await top.getAttribute('data-urgency')).toBe('akutt');
    expect(await top.getByTestId('message-text').textContent()).toContain('resept på blodtrykksmedisinen');
    expect(await top.getByTestId('urgency-badge').textContent()).toContain('Akutt');
    expect(await top.getByTestId('red-flags').textContent()).toContain('stråler ut i venstre arm');
    expect(await messages.nth(1).getAttribute('data-urgency')).toBe('samme_dag');

    await top.getByTestId('assign-input').fill('Dr. Test');
    await top.getByTestId('send-reply').click();
    await top.getByTestId('reply-sent').waitFor();
    await messages.first().getByTestId('mark-handled').click();

    await banner.waitFor({ state: 'detached' });
    await expect.poll(() => messages.count()).toBe(2);
    expect(await messages.first().getAttribute('data-urgency')).toBe('samme_dag');

    await page.getByTestId('filter-status').selectOption('handled');
    await expect.poll(() => messages.count()).toBe(1);
    expect(await messages.first().getAttribute('data-urgency')).toBe('akutt');
    expect(await messages.first().textContent()).toContain('Behandlet av Dr. Test');
  });
});
