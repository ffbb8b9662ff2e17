import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { chooseContradiction, replaceText } from './contradiction';
import type { ContradictionTarget } from './contradiction';
import {
  DISMISSAL_REASON,
  callApi,
  createAndDraft,
  locateStatementItem,
  readDevelopmentConsultations,
  readNumberAttribute,
  resolveOpenFlags,
  startTestApp,
} from './e2e-harness';
import type { TestApp } from './e2e-harness';

const DOCTOR = 'Ola Nordmann';

/** One saved edit as GET /api/notes/:id/edits reports it (the per-statement diff). */
interface StoredEdit {
  fromVersion: number;
  toVersion: number;
  editedBy: string;
  diff: {
    statementId: string;
    change: 'added' | 'removed' | 'changed';
    before: { text: string } | null;
    after: { text: string } | null;
  }[];
}
/** Something a GP knows from the record but nobody said in the consultation: the verifier must flag it. */
const FROM_THE_RECORD = 'Operert for lyskebrokk høyre side i 2009, ifølge journal.';
const FROM_THE_RECORD_REASON = 'Opplysning fra journalen, ikke fra samtalen';

describe('verifier review: a contradiction blocks approval until the doctor fixes it', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ doctorName: DOCTOR });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('blocks approval on an injected contradiction, and the fix and dismissal reasons are stored', async () => {
    const { page, url } = app;

    // Draft notes through the API until one has a statement with a side or a number to falsify.
    let consultation: Consultation | undefined;
    let record: NoteRecord | undefined;
    let target: ContradictionTarget | null = null;
    for (const development of readDevelopmentConsultations()) {
      const drafted = await createAndDraft(url, development);
      target = chooseContradiction(drafted.record.note, drafted.consultation.transcript.segments);
      if (target !== null) {
        consultation = drafted.consultation;
        record = drafted.record;
        break;
      }
    }
    expect(
      target,
      'no drafted note had a statement with evidence and a side word or a number',
    ).not.toBeNull();
    const { statement, falsifiedText } = target!;
    const statementId = statement.id;

    // Another client saves the note with the contradiction; the server re-verifies it.
    const injected = await callApi<NoteRecord>(url, `/api/notes/${record!.id}`, {
      method: 'PUT',
      body: {
        version: record!.version,
        note: replaceText(record!.note, statementId, falsifiedText),
        editedBy: 'e2e',
      },
    });
    const check = injected.verification?.statements.find(
      (candidate) => candidate.statementId === statementId,
    );
    expect(check, 'the verifier report has no verdict on the changed statement').toBeDefined();
    expect(
      check!.support,
      `the verifier labelled «${falsifiedText}» (was «${statement.text}», ${target!.change} changed) as ` +
        `${check!.support}; a working verifier flags it (is the verifier still a placeholder?)`,
    ).toMatch(/^(contradicted|unsupported)$/);

    // The GP opens the note: the statement is flagged and approval is blocked, even with a name entered.
    await page.goto(`${url}/konsultasjoner/${consultation!.id}`);
    const flagged = page.locator(`[data-testid="statement"][data-statement-id="${statementId}"]`);
    await flagged.waitFor();
    expect(await flagged.getAttribute('data-support')).toMatch(/^(contradicted|unsupported)$/);
    expect(await flagged.getAttribute('data-blocking')).toBe('true');
    await page.getByTestId('approver-name').fill(DOCTOR);
    expect(await readNumberAttribute(page, '[data-testid="flag-count"]', 'data-count')).toBeGreaterThan(0);
    expect(await page.getByTestId('approve-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('flag-count').innerText()).toMatch(/\d+ flagg må løses/);

    // The reasons are shown on hover/focus and in the detail area when selected.
    await flagged.hover();
    const tooltip = await flagged.evaluate((element) => {
      const described = document.getElementById(element.getAttribute('aria-describedby') ?? '');
      return {
        text: described?.textContent ?? '',
        display: described ? getComputedStyle(described).display : 'none',
      };
    });
    expect(tooltip.display).not.toBe('none');
    expect(tooltip.text.trim().length).toBeGreaterThan(0);
    await flagged.click();
    const item = locateStatementItem(page, statementId);
    await item.getByTestId('statement-detail').waitFor();

    // The GP corrects the statement in place.
    await item.getByTestId('edit-statement').click();
    const editor = item.getByTestId('statement-editor');
    expect(await editor.inputValue()).toBe(falsifiedText);
    await editor.fill(statement.text);
    await item.getByTestId('save-statement').click();
    await page.waitForFunction((id) => {
      const element = document.querySelector(`[data-testid="statement"][data-statement-id="${id}"]`);
      return element !== null && element.getAttribute('data-blocking') === 'false';
    }, statementId);
    expect(await flagged.innerText()).toContain(statement.text);
    expect(await flagged.getAttribute('data-support')).not.toMatch(/^(contradicted|unsupported)$/);

    // The GP adds a fact known from the record; the verifier cannot find it in the consultation and flags it,
    // and the GP dismisses the flag with a reason.
    const section = page.locator(`[data-testid="note-section"][data-section-id="${target!.sectionId}"]`);
    await section.getByTestId('add-statement').click();
    await section.getByTestId('new-statement-editor').fill(FROM_THE_RECORD);
    await section.getByTestId('save-statement').click();
    const added = section.locator('[data-testid="statement"]', { hasText: FROM_THE_RECORD });
    await added.waitFor();
    const addedId = (await added.getAttribute('data-statement-id')) ?? '';
    expect(await added.getAttribute('data-support'), 'the verifier accepted a sentence nobody said').toMatch(
      /^(contradicted|unsupported)$/,
    );
    const addedItem = locateStatementItem(page, addedId);
    if ((await addedItem.getByTestId('statement-detail').count()) === 0) await added.click();
    await addedItem.getByTestId('dismiss-flag').click();
    await addedItem.getByTestId('dismiss-reason').fill(FROM_THE_RECORD_REASON);
    await addedItem.getByTestId('confirm-dismiss').click();
    await addedItem.getByTestId('dismissal-note').waitFor();

    // Anything else the draft itself left open is resolved as a GP would; then approval works.
    await resolveOpenFlags(page);
    const approve = page.getByTestId('approve-button');
    expect(await approve.isEnabled()).toBe(true);
    await approve.click();
    await page.getByTestId('approved-banner').waitFor();

    // The server kept the corrected text, a newer version, the approver, and the dismissal reasons.
    const stored = await callApi<NoteRecord>(url, `/api/consultations/${consultation!.id}/note`);
    expect(stored.status).toBe('approved');
    expect(stored.approvedBy).toBe(DOCTOR);
    expect(stored.version).toBeGreaterThan(injected.version);
    const storedStatements = stored.note.sections.flatMap((storedSection) => storedSection.statements);
    expect(storedStatements.find((candidate) => candidate.id === statementId)?.text).toBe(statement.text);
    expect(storedStatements.some((candidate) => candidate.text === falsifiedText)).toBe(false);
    expect(stored.dismissals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ flagId: addedId, reason: FROM_THE_RECORD_REASON, by: DOCTOR }),
      ]),
    );
    // The edit history has the doctor's correction and addition as per-statement diffs.
    const { items: edits } = await callApi<{ items: StoredEdit[] }>(url, `/api/notes/${stored.id}/edits`);
    const changes = edits.filter((edit) => edit.editedBy === DOCTOR).flatMap((edit) => edit.diff);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          statementId,
          change: 'changed',
          before: expect.objectContaining({ text: falsifiedText }),
          after: expect.objectContaining({ text: statement.text }),
        }),
        expect.objectContaining({
          statementId: addedId,
          change: 'added',
          after: expect.objectContaining({ text: FROM_THE_RECORD }),
        }),
      ]),
    );
    for (const dismissal of stored.dismissals.filter((candidate) => candidate.flagId !== addedId)) {
      expect(dismissal.reason).toBe(DISMISSAL_REASON);
      expect(dismissal.by).toBe(DOCTOR);
    }
  });
});
