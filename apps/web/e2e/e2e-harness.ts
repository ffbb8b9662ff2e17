import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '@kollega/server';
import type { Consultation, NoteRecord } from '@kollega/domain';

/** The built web app the server serves; `npm run build --workspace apps/web` makes it. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../dist');

/** Where test 1 writes the README screenshot. */
export const SCREENSHOT_PATH = path.resolve(import.meta.dirname, '../../../docs/screenshot.png');

/** The synthetic Norwegian development consultations (override with KOLLEGA_NB_DEV_CONSULTATIONS). */
const CONSULTATIONS_FILE =
  process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';

/** One turn of a development consultation as stored in the JSONL file. */
export interface DevelopmentTurn {
  speaker: string;
  text: string;
}

/** A development consultation: its id, setting and transcript turns. */
export interface DevelopmentConsultation {
  id: string;
  setting?: string;
  transcript: DevelopmentTurn[];
}

/** Reads the development consultations, one per line. */
export function readDevelopmentConsultations(): DevelopmentConsultation[] {
  return readFileSync(CONSULTATIONS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as DevelopmentConsultation);
}

/** Writes turns as the `Lege: …` / `Pasient: …` lines a GP would paste. */
export function formatAsSpeakerLines(turns: readonly DevelopmentTurn[]): string {
  return turns
    .map((turn) => `${turn.speaker.charAt(0).toUpperCase()}${turn.speaker.slice(1)}: ${turn.text}`)
    .join('\n');
}

/** The signed-in doctor's name (approvals are recorded in the session user's name, not a typed one). */
export const DEFAULT_DOCTOR_NAME = 'Dr. Test';

/** The signed-in test doctor's cookies, sent by `callApi` (the browser context has them too). */
interface TestSession {
  cookie: string;
  csrfToken: string;
}

const sessions = new Map<string, TestSession>();

/**
 * First-time setup through the real API with the server's one-time code: creates the practice and its first
 * doctor and returns the session the server set.
 */
async function setUpPractice(baseUrl: string, setupCode: string, doctorName: string): Promise<TestSession> {
  const response = await fetch(new URL('/api/setup', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      setupCode,
      practiceName: 'Testlegekontoret',
      displayName: doctorName,
      username: 'test.lege',
      password: 'e2e-passord-som-er-langt',
    }),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status}`);
  const cookies = Object.fromEntries(
    response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0]?.split('=') ?? [])
      .map(([name, ...value]) => [name ?? '', value.join('=')]),
  );
  const session = cookies.kollega_session ?? '';
  const csrfToken = cookies.kollega_csrf ?? '';
  return { cookie: `kollega_session=${session}; kollega_csrf=${csrfToken}`, csrfToken };
}

/** A running server on a fresh database, and a browser page with a fresh context. */
export interface TestApp {
  url: string;
  page: Page;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Starts the real server in-process (fresh SQLite file, the built web app) and Debian's Chromium. */
export async function startTestApp(options: { doctorName?: string } = {}): Promise<TestApp> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`No built web app in ${WEB_ROOT}: run \`npm run build --workspace apps/web\` first.`);
  }
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'kollega-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${path.join(dataDirectory, 'k.db')}`,
    webRoot: WEB_ROOT,
    logLevel: 'silent',
  });
  let browser: Browser | undefined;
  try {
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
      ],
    });
    // bypassCSP: Playwright injects axe-core as an inline script, which the server's CSP rightly forbids.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'nb-NO',
      bypassCSP: true,
    });
    if (server.setupCode !== undefined) {
      // Sign-in is on by default: set up the practice and sign the browser in as its doctor.
      const session = await setUpPractice(
        server.url,
        server.setupCode,
        options.doctorName ?? DEFAULT_DOCTOR_NAME,
      );
      sessions.set(server.url, session);
      const [sessionCookie, csrfCookie] = session.cookie.split('; ').map((pair) => pair.split('='));
      await context.addCookies([
        {
          name: 'kollega_session',
          value: sessionCookie?.[1] ?? '',
          url: server.url,
          httpOnly: true,
          sameSite: 'Strict',
        },
        { name: 'kollega_csrf', value: csrfCookie?.[1] ?? '', url: server.url, sameSite: 'Strict' },
      ]);
    }
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const openedBrowser = browser;
    return {
      url: server.url,
      page,
      context,
      close: async () => {
        await openedBrowser.close();
        sessions.delete(server.url);
        await server.close();
        rmSync(dataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    rmSync(dataDirectory, { recursive: true, force: true });
    throw error;
  }
}

/** Calls the server's JSON API from the test (as another client would) and fails loudly on an error status. */
export async function callApi<T>(
  baseUrl: string,
  route: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const session = sessions.get(new URL(baseUrl).origin);
  const response = await fetch(new URL(route, baseUrl), {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session === undefined ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${route} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Creates a consultation from development turns and drafts its note, through the API. */
export async function createAndDraft(
  baseUrl: string,
  consultation: DevelopmentConsultation,
): Promise<{ consultation: Consultation; record: NoteRecord }> {
  const created = await callApi<Consultation>(baseUrl, '/api/consultations', {
    method: 'POST',
    body: {
      title: `Utviklingscase ${consultation.id}`,
      language: 'nb',
      ...(consultation.setting !== undefined ? { setting: consultation.setting } : {}),
      transcript: consultation.transcript,
    },
  });
  const record = await callApi<NoteRecord>(baseUrl, `/api/consultations/${created.id}/note`, {
    method: 'POST',
    body: {},
  });
  return { consultation: created, record };
}

/** Reads a number from an element's attribute (e.g. `data-count`). */
export async function readNumberAttribute(page: Page, selector: string, attribute: string): Promise<number> {
  const value = await page.locator(selector).getAttribute(attribute);
  if (value === null) throw new Error(`${selector} has no ${attribute}`);
  return Number(value);
}

/** The reason the tests give when they dismiss a flag, as a GP would write it. */
export const DISMISSAL_REASON = 'Kontrollert mot samtalen og journalen';

/** The list item of a statement (its button, detail area and forms). */
export function locateStatementItem(page: Page, statementId: string) {
  return page.locator(`[data-testid="statement-item"][data-statement-item="${statementId}"]`);
}

/** Waits until the open-flag count or the note version differs from what it was. */
async function waitForChange(page: Page, before: { open: number; version: number }): Promise<void> {
  await page.waitForFunction(({ open, version }) => {
    const flagCount = document.querySelector('[data-testid="flag-count"]');
    const note = document.querySelector('[data-testid="note"]');
    return (
      flagCount === null ||
      Number(flagCount.getAttribute('data-count')) !== open ||
      Number(note?.getAttribute('data-note-version')) !== version
    );
  }, before);
}

/**
 * Resolves every open verifier flag through the UI, as a GP would: inserts what the note left out (once), and
 * dismisses the rest with a short reason. Returns the ids it dismissed.
 */
export async function resolveOpenFlags(page: Page): Promise<string[]> {
  const dismissed: string[] = [];
  const inserted = new Set<string>();
  for (let round = 0; round < 40; round += 1) {
    const open = await readNumberAttribute(page, '[data-testid="flag-count"]', 'data-count');
    if (open === 0) return dismissed;
    const version = await readNumberAttribute(page, '[data-testid="note"]', 'data-note-version');
    const flag = page.locator('[data-testid="blocking-flag"]').first();
    const flagId = (await flag.getAttribute('data-flag-id')) ?? '';
    const kind = await flag.getAttribute('data-flag-kind');
    await flag.click();
    const scope =
      kind === 'omission'
        ? page.locator(`[data-testid="omission"][data-omission-id="${flagId}"]`)
        : locateStatementItem(page, flagId);
    if (kind === 'omission' && !inserted.has(flagId)) {
      inserted.add(flagId);
      await scope.getByTestId('insert-omission').click();
    } else {
      await scope.getByTestId(kind === 'omission' ? 'dismiss-omission' : 'dismiss-flag').click();
      await scope.getByTestId('dismiss-reason').fill(DISMISSAL_REASON);
      await scope.getByTestId('confirm-dismiss').click();
      dismissed.push(flagId);
    }
    await waitForChange(page, { open, version });
  }
  throw new Error('Could not resolve the verifier flags within 40 steps');
}
