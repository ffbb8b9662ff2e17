import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, Note, NoteRecord } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import { UNSUPPORTED_MARKER, createTestEngine } from '../testing/test-engines';
import { buildOpenApiDocument } from '../http/openapi';
import type { ReviewStatistics } from './review-statistics';
import { findIsoWeek } from './review-statistics';
import { measureLevenshteinDistance } from './first-draft';

const FLAGGED_TEXT = `Tar ${UNSUPPORTED_MARKER} medisin.`;
const TURNS = [
  { speaker: 'lege', text: 'Hei, hva gjelder det?' },
  { speaker: 'pasient', text: 'Vondt i halsen i tre dager.' },
  { speaker: 'pasient', text: FLAGGED_TEXT },
];

let testApp: TestApp | undefined;
let clock = new Date('2026-03-02T09:00:00Z');
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

function at(iso: string): void {
  clock = new Date(iso);
}

async function call<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> {
  const response = await testApp!.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 200)}`).toBeLessThan(300);
  return response.json<T>();
}

function statementTexts(note: Note): string[] {
  return note.sections.flatMap((section) => section.statements.map((statement) => statement.text));
}

async function draftConsultation(): Promise<NoteRecord> {
  const consultation = await call<Consultation>('POST', '/api/consultations', { transcript: TURNS });
  clock = new Date(clock.getTime() + 60_000);
  return call<NoteRecord>('POST', `/api/consultations/${consultation.id}/note`);
}

describe('review statistics from real review events', () => {
  it('computes time to approval, edit rate, flag resolutions and unopened evidence per doctor and week', async () => {
    testApp = await createTestApp({
      context: { engine: createTestEngine({ omission: true }), now: () => clock },
    });

    // Doctor 1, week 10: opens the flagged statement's evidence, edits it, inserts the omitted allergy line.
    at('2026-03-02T09:00:00Z');
    const first = await draftConsultation();
    expect(first.verification?.statements.find((check) => check.statementId === 'aktuelt-2')?.support).toBe(
      'unsupported',
    );
    at('2026-03-02T09:03:00Z');
    await call('POST', `/api/notes/${first.id}/review-events`, {
      type: 'evidence_opened',
      statementId: 'aktuelt-2',
    });
    at('2026-03-02T09:05:00Z');
    const edited = structuredClone(first.note);
    const aktuelt = edited.sections[0]!;
    aktuelt.statements[1]!.text = 'Tar medisin.';
    aktuelt.statements.push({ id: 'ny-1', text: 'Ingen allergi.', evidence: ['s2'], support: 'unverified' });
    await call('PUT', `/api/notes/${first.id}`, { version: 1, note: edited, editedBy: 'Kari Nordmann' });
    at('2026-03-02T09:10:00Z');
    await call('POST', `/api/notes/${first.id}/approve`, { approvedBy: 'Kari Nordmann', version: 2 });

    // Doctor 2, week 11: consultation ended at 09:02, dismisses both flags without opening any evidence.
    at('2026-03-09T09:00:00Z');
    const second = await draftConsultation();
    at('2026-03-09T09:02:00Z');
    await call('POST', `/api/notes/${second.id}/review-events`, { type: 'consultation_ended' });
    await call('POST', `/api/notes/${second.id}/review-events`, {
      type: 'flag_viewed',
      statementId: 'aktuelt-2',
    });
    at('2026-03-09T09:20:00Z');
    for (const flagId of ['aktuelt-2', 'omission-allergi']) {
      await call('POST', `/api/notes/${second.id}/dismissals`, {
        flagId,
        reason: 'Kontrollert',
        by: 'Ola Lege',
      });
    }
    at('2026-03-09T09:30:00Z');
    await call('POST', `/api/notes/${second.id}/approve`, { approvedBy: 'Ola Lege', version: 1 });

    // A draft nobody approved counts nowhere.
    await draftConsultation();

    const statistics = await call<ReviewStatistics>('GET', '/api/statistics/review?groupBy=week');

    // Hand-computed: note 1 deleted «UBEKREFTET » (11 characters) from a 23-character statement and added
    // a 14-character one; the first statement is unchanged. Note 2 was not edited.
    const unchanged = [...'Vondt i halsen i tre dager.'].length;
    expect(measureLevenshteinDistance(FLAGGED_TEXT, 'Tar medisin.')).toBe(11);
    const firstCompared = unchanged + FLAGGED_TEXT.length + 'Ingen allergi.'.length;
    const secondCompared = statementTexts(second.note).join('').length;
    expect(statistics.practice).toEqual({
      notesApproved: 2,
      minutesToApprovalMedian: (10 + 28) / 2,
      minutesToApprovalMean: (10 + 28) / 2,
      editRate: 25 / (firstCompared + secondCompared),
      changedCharacters: 25,
      comparedCharacters: firstCompared + secondCompared,
      flagsRaised: 4,
      flagsEdited: 1,
      flagsDismissed: 2,
      flagsInserted: 1,
      flagsOther: 0,
      notesWithFlags: 2,
      approvedWithoutOpeningFlagEvidence: 1,
    });
    expect(
      statistics.doctors.map((doctor) => [doctor.doctor, doctor.notesApproved, doctor.editRate]),
    ).toEqual([
      ['Kari Nordmann', 1, 25 / firstCompared],
      ['Ola Lege', 1, 0],
    ]);
    expect(statistics.weeks.map((week) => [week.week, week.start, week.practice.notesApproved])).toEqual([
      ['2026-W10', '2026-03-02', 1],
      ['2026-W11', '2026-03-09', 1],
    ]);
    expect(
      statistics.notes.map((note) => [note.noteId, note.minutesToApproval, note.openedFlagEvidence]),
    ).toEqual([
      [first.id, 10, true],
      [second.id, 28, false],
    ]);
    // Ids and figures only: no note or transcript text anywhere in the answer.
    const body = JSON.stringify(statistics);
    for (const text of [...TURNS.map((turn) => turn.text), 'Ingen allergi.'])
      expect(body).not.toContain(text);

    const lastWeek = await call<ReviewStatistics>(
      'GET',
      '/api/statistics/review?from=2026-03-09&to=2026-03-09',
    );
    expect(lastWeek.notes.map((note) => note.noteId)).toEqual([second.id]);
    const firstWeek = await call<ReviewStatistics>('GET', '/api/statistics/review?to=2026-03-08');
    expect(firstWeek.practice.flagsEdited).toBe(1);
    expect(firstWeek.practice.notesApproved).toBe(1);
  });

  it('rejects review events of an unknown note or type, and a bad date', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const record = await draftConsultation();
    const post = (url: string, payload: object) => testApp!.app.inject({ method: 'POST', url, payload });
    expect((await post('/api/notes/finnes-ikke/review-events', { type: 'evidence_opened' })).statusCode).toBe(
      404,
    );
    expect((await post(`/api/notes/${record.id}/review-events`, { type: 'lest' })).statusCode).toBe(400);
    const bad = await testApp.app.inject({ method: 'GET', url: '/api/statistics/review?from=i-går' });
    expect(bad.statusCode).toBe(400);
    const empty = await call<ReviewStatistics>('GET', '/api/statistics/review');
    expect(empty.practice).toMatchObject({ notesApproved: 0, editRate: null, minutesToApprovalMedian: null });
  });

  it('documents its routes in the OpenAPI document', () => {
    const paths = buildOpenApiDocument('test').paths as Record<string, Record<string, unknown>>;
    expect(paths['/api/statistics/review']?.get).toBeDefined();
    expect(paths['/api/notes/{noteId}/review-events']?.post).toBeDefined();
  });
});

describe('findIsoWeek', () => {
  it('numbers weeks as ISO 8601 does, across the turn of a year', () => {
    expect(findIsoWeek('2026-01-01T12:00:00Z')).toEqual({ week: '2026-W01', start: '2025-12-29' });
    expect(findIsoWeek('2027-01-03T12:00:00Z')).toEqual({ week: '2026-W53', start: '2026-12-28' });
    expect(findIsoWeek('2026-03-08T23:59:00Z')).toEqual({ week: '2026-W10', start: '2026-03-02' });
  });
});
