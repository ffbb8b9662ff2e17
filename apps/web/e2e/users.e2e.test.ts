import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

const SECRETARY = { name: 'Siri Sekretær', username: 'siri.sekretaer', password: 'sekretaer-passord-123' };

describe('users: the practice administrator adds and disables a colleague', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ doctorName: 'Admin Lege' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the first doctor administers the practice: adds a secretary who signs in without admin rights, then disables her', async () => {
    const { page, url } = app;
    await page.goto(url);
    // The first user set the practice up, so the session bar offers the users page.
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/brukere$/);
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('users-table').innerText()).toContain('Admin Lege');

    await page.getByLabel('Navn (vises ved godkjenning)').fill(SECRETARY.name);
    await page.getByLabel('Brukernavn').fill(SECRETARY.username);
    await page.getByLabel('Rolle', { exact: true }).selectOption('helsesekretær');
    await page.getByLabel('Første passord').fill(SECRETARY.password);
    await page.getByTestId('create-user').click();
    await page.getByTestId(`user-${SECRETARY.username}`).waitFor();
    await page.getByText(`${SECRETARY.name} er opprettet.`).waitFor();
    expect(await page.getByTestId('users-message').innerText()).toContain('opprettet');

    // The secretary signs in in her own browser context: no users link for her.
    const secretaryContext = await app.context
      .browser()!
      .newContext({ viewport: { width: 1280, height: 800 } });
    const secretaryPage = await secretaryContext.newPage();
    await secretaryPage.goto(`${url}/logg-inn`);
    await secretaryPage.getByLabel('Brukernavn').fill(SECRETARY.username);
    await secretaryPage.getByLabel('Passord').fill(SECRETARY.password);
    await secretaryPage.getByTestId('login-form').locator('button[type="submit"]').click();
    await secretaryPage.getByTestId('session-bar').waitFor();
    expect(await secretaryPage.getByTestId('session-bar').innerText()).toContain(SECRETARY.name);
    expect(await secretaryPage.getByTestId('nav-users').count()).toBe(0);

    // The administrator disables her: her session ends, and her next page load goes to the sign-in page.
    await page.getByTestId(`toggle-${SECRETARY.username}`).click();
    await page.getByText(`${SECRETARY.name} er deaktivert.`).waitFor();
    expect(await page.getByTestId(`user-${SECRETARY.username}`).innerText()).toContain('Deaktivert');
    await secretaryPage.goto(url);
    await secretaryPage.waitForURL(/\/logg-inn/);
    await secretaryContext.close();
  });
});
