import { useEffect, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { isApiError } from '../api';
import { ErrorBanner } from '../shared/error-banner';
import { useLanguage } from '../shared/language';
import { useReview } from '../review/review-context';
import type { ConsultationDecisionSupport } from './decision-support-api';
import { chooseCodes } from './decision-support-api';
import { useDecisionSupportMessages } from './messages';

/** The transcript turns a code rests on, quoted with their speaker. */
function EvidenceQuotes({
  code,
  segmentIds,
  consultation,
}: {
  code: string;
  segmentIds: readonly string[];
  consultation: Consultation;
}) {
  const text = useDecisionSupportMessages();
  const { messages } = useLanguage();
  const segments = consultation.transcript.segments.filter((segment) => segmentIds.includes(segment.id));
  return (
    <div className="ds-quotes" data-testid="ds-code-evidence" data-code={code}>
      <p className="small muted">{text.evidenceTitle(code)}</p>
      {segments.length === 0 ? (
        <p className="small muted">{text.evidenceNone}</p>
      ) : (
        <ul>
          {segments.map((segment) => (
            <li key={segment.id} data-segment-id={segment.id}>
              <a href={`#segment-${segment.id}`} className="ds-quote-link">
                <span className="speaker-label">{messages.speakers[segment.speaker]}</span>{' '}
                <q lang={consultation.language}>{segment.text}</q>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** ICPC-2: ranked suggestions with their evidence; the doctor chooses one or more and saves them on the note. */
export function CodeSection({
  support,
  consultation,
  record,
  openCode,
  onShowEvidence,
  onSaved,
}: {
  support: ConsultationDecisionSupport;
  consultation: Consultation;
  record: NoteRecord;
  /** The code whose sources are open (quoted here, highlighted in the transcript). */
  openCode: string | null;
  onShowEvidence: (code: string | null, segmentIds: readonly string[]) => void;
  onSaved: () => void;
}) {
  const text = useDecisionSupportMessages();
  const { locked, doctorName } = useReview();
  const saved = useMemo(() => support.chosenCodes?.codes ?? [], [support.chosenCodes]);
  const [selected, setSelected] = useState<string[]>(() => saved.map((code) => code.code));
  const [extra, setExtra] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string>('');
  const extraId = useId();

  useEffect(() => {
    setSelected(saved.map((code) => code.code));
  }, [saved]);

  // The suggestions, then any saved or typed code that is not among them.
  const rows = useMemo(() => {
    const list: Array<{ code: string; title: string; score?: number; evidence: string[] }> =
      support.codes.map((suggestion) => ({ ...suggestion }));
    for (const code of saved) {
      if (!list.some((row) => row.code === code.code))
        list.push({ code: code.code, title: code.title, evidence: code.evidence });
    }
    for (const code of selected) {
      if (!list.some((row) => row.code === code)) list.push({ code, title: '', evidence: [] });
    }
    return list;
  }, [support.codes, saved, selected]);

  const changed = selected.join(',') !== saved.map((code) => code.code).join(',');

  function toggle(code: string): void {
    setStatus('');
    setSelected((current) =>
      current.includes(code) ? current.filter((item) => item !== code) : [...current, code],
    );
  }

  function addExtra(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const code = extra.trim().toUpperCase();
    if (code === '' || selected.includes(code)) return;
    setSelected((current) => [...current, code]);
    setExtra('');
  }

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const suggestions = new Map(support.codes.map((suggestion) => [suggestion.code, suggestion.evidence]));
      await chooseCodes(record.id, {
        version: record.version,
        codes: selected.map((code) => {
          const evidence = suggestions.get(code);
          return evidence === undefined ? { code } : { code, evidence };
        }),
        ...(doctorName.trim() === '' ? {} : { by: doctorName.trim() }),
      });
      onSaved();
      setStatus(text.codesSaved);
    } catch (caught) {
      setError(caught);
      // A rejected code is dropped from the selection, so the rest can be saved.
      const rejected =
        isApiError(caught) && typeof caught.details.code === 'string' ? caught.details.code : undefined;
      if (rejected !== undefined)
        setSelected((current) => current.filter((code) => code !== rejected.toUpperCase()));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ds-codes" data-testid="ds-codes">
      <h3 className="ds-heading">{text.codesTitle}</h3>
      {locked ? (
        <p data-testid="ds-chosen-codes">
          <strong>{text.chosenCodes}:</strong>{' '}
          {saved.length === 0
            ? text.chosenNone
            : saved.map((code) => `${code.code} ${code.title}`).join('; ')}
        </p>
      ) : (
        <p className="small muted">{text.codesIntro}</p>
      )}
      {rows.length === 0 && <p className="muted">{text.codesNone}</p>}
      <ul className="ds-code-list">
        {rows.map((row) => {
          const checked = selected.includes(row.code);
          const open = openCode === row.code;
          return (
            <li
              key={row.code}
              className={`ds-code${checked ? ' is-chosen' : ''}`}
              data-testid="ds-code"
              data-code={row.code}
            >
              <div className="ds-code-row">
                {locked ? (
                  <span className="ds-code-label">
                    <strong>{row.code}</strong> {row.title}
                  </span>
                ) : (
                  <label className="ds-code-label">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => toggle(row.code)}
                      data-testid="ds-code-checkbox"
                    />{' '}
                    <strong>{row.code}</strong> {row.title}
                  </label>
                )}
                {row.score !== undefined && <span className="small muted">{text.score(row.score)}</span>}
                {row.evidence.length > 0 && (
                  <button
                    type="button"
                    className="button button-link small"
                    aria-pressed={open}
                    onClick={() => onShowEvidence(open ? null : row.code, open ? [] : row.evidence)}
                    data-testid="ds-code-evidence-button"
                  >
                    {open ? text.hideEvidence : text.showEvidence}
                  </button>
                )}
              </div>
              {open && (
                <EvidenceQuotes code={row.code} segmentIds={row.evidence} consultation={consultation} />
              )}
            </li>
          );
        })}
      </ul>
      {!locked && (
        <>
          <form className="ds-extra-code" onSubmit={addExtra}>
            <label htmlFor={extraId} className="small">
              {text.addCode}
            </label>
            <input
              id={extraId}
              value={extra}
              size={6}
              maxLength={10}
              placeholder="R74"
              onChange={(event) => setExtra(event.target.value)}
              data-testid="ds-extra-code"
            />
            <button type="submit" className="button button-small" disabled={extra.trim() === ''}>
              {text.addCodeButton}
            </button>
          </form>
          <div className="form-actions">
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy || !changed}
              onClick={() => void save()}
              data-testid="ds-save-codes"
            >
              {busy ? text.savingCodes : text.saveCodes}
            </button>
            <span className="small muted" role="status" data-testid="ds-codes-status">
              {status}
            </span>
          </div>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </>
      )}
      <p className="small muted" data-testid="ds-code-list-version">
        {text.codeListLine(support.codeList.source)}
      </p>
    </div>
  );
}
