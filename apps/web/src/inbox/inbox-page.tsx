import { useCallback, useEffect, useState } from 'react';
import type { ChangeEvent } from 'react';
import { TRIAGE_CATEGORIES, TRIAGE_URGENCIES } from '@kollega/domain';
import type { TriageUrgency } from '@kollega/domain';
import { isApiError } from '../api';
import { useDocumentTitle } from '../shared/use-document-title';
import type { InboxFilter, InboxMessage } from './inbox-api';
import { importInboxFile, listInbox, updateInboxMessage } from './inbox-api';
import { CATEGORY_LABELS, URGENCY_LABELS, describeAge } from './inbox-labels';

/** Badge colours by urgency; the text label carries the meaning too, never colour alone. */
const URGENCY_COLOURS: Record<TriageUrgency, { background: string; color: string }> = {
  akutt: { background: '#b00020', color: '#ffffff' },
  samme_dag: { background: '#e65100', color: '#ffffff' },
  innen_uke: { background: '#fff3c4', color: '#5c4400' },
  rutine: { background: '#e3e8ee', color: '#243447' },
};

/** The reply shown in the banner when no akutt message is in the filtered list. */
const FALLBACK_ACUTE_REPLY = 'Ring 113 nå. Det du beskriver kan være alvorlig og trenger hjelp med en gang.';

function errorText(error: unknown): string {
  return isApiError(error) ? error.message : 'Noe gikk galt. Prøv igjen.';
}

function MessageItem({ item, onChanged }: { item: InboxMessage; onChanged: (error?: unknown) => void }) {
  const [assignedTo, setAssignedTo] = useState(item.assignedTo ?? '');
  const [reply, setReply] = useState(item.reply ?? item.suggestedReply);
  const [busy, setBusy] = useState(false);
  const colours = URGENCY_COLOURS[item.urgency];

  async function change(update: Parameters<typeof updateInboxMessage>[1]) {
    setBusy(true);
    try {
      await updateInboxMessage(item.id, update);
      onChanged();
    } catch (error) {
      onChanged(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      className="card"
      data-testid="inbox-message"
      data-message-id={item.id}
      data-urgency={item.urgency}
      data-status={item.status}
      style={{ marginBottom: '1rem', borderLeft: `6px solid ${colours.background}` }}
    >
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <span className="badge" data-testid="urgency-badge" style={colours}>
          {URGENCY_LABELS[item.urgency]}
        </span>
        <span className="badge" data-testid="category-badge">
          {CATEGORY_LABELS[item.category]}
        </span>
        <span title={new Date(item.receivedAt).toLocaleString('nb-NO')} data-testid="message-age">
          Mottatt for {describeAge(item.receivedAt)} siden
        </span>
        {item.sender === undefined ? null : <span>Fra: {item.sender}</span>}
        {item.status === 'handled' ? (
          <span className="badge badge-approved">Behandlet av {item.handledBy ?? 'ukjent'}</span>
        ) : null}
      </div>
      <p data-testid="message-text" style={{ whiteSpace: 'pre-wrap' }}>
        {item.message}
      </p>
      {item.injectionAttempt ? (
        <p className="banner banner-warning">
          Meldingen inneholder instruksjoner rettet mot automatisk triage.
        </p>
      ) : null}
      {item.redFlags.length > 0 ? (
        <ul aria-label="Røde flagg" data-testid="red-flags">
          {item.redFlags.map((flag, index) => (
            <li key={`${flag.rule}-${index}`} data-testid="red-flag">
              <strong>{flag.description}</strong> – utløst av «<mark>{flag.text}</mark>»
            </li>
          ))}
        </ul>
      ) : null}
      {item.reasons.length > 0 ? (
        <details>
          <summary>Begrunnelse</summary>
          <ul>
            {item.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <label style={{ display: 'block' }}>
        Tildelt
        <input
          type="text"
          value={assignedTo}
          onChange={(event) => setAssignedTo(event.target.value)}
          data-testid="assign-input"
          placeholder="Navn"
        />
      </label>
      <button
        type="button"
        disabled={busy}
        onClick={() => void change({ assignedTo })}
        data-testid="assign-button"
      >
        Tildel
      </button>
      <label style={{ display: 'block' }}>
        Svar til pasienten (forslag – rediger før sending)
        <textarea
          rows={4}
          value={reply}
          onChange={(event) => setReply(event.target.value)}
          data-testid="reply-input"
          style={{ width: '100%' }}
        />
      </label>
      {item.repliedAt === undefined ? null : (
        <p data-testid="reply-sent">
          Svar registrert som sendt {new Date(item.repliedAt).toLocaleString('nb-NO')}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button
          type="button"
          disabled={busy || reply.trim() === ''}
          onClick={() => void change({ reply })}
          data-testid="send-reply"
        >
          Send svar
        </button>
        {item.status === 'open' ? (
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() =>
              void change({
                status: 'handled',
                ...(assignedTo === (item.assignedTo ?? '') ? {} : { assignedTo }),
              })
            }
            data-testid="mark-handled"
          >
            Marker som behandlet
          </button>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => void change({ status: 'open' })}
            data-testid="reopen"
          >
            Gjenåpne
          </button>
        )}
      </div>
    </li>
  );
}

/** The practice inbox: triaged patient messages, akutt first, with an emergency banner. */
export function InboxPage() {
  useDocumentTitle('Innboks');
  const [filter, setFilter] = useState<InboxFilter>({ urgency: '', category: '', status: 'open' });
  const [items, setItems] = useState<InboxMessage[]>([]);
  const [openAcuteCount, setOpenAcuteCount] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const result = await listInbox(filter);
      setItems(result.items);
      setOpenAcuteCount(result.openAcuteCount);
      setError(undefined);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setLoaded(true);
    }
  }, [filter]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    try {
      const imported = await importInboxFile(file);
      setNotice(`Importerte ${imported.length} melding(er).`);
      setError(undefined);
    } catch (caught) {
      setNotice(undefined);
      setError(errorText(caught));
    }
    await reload();
  }

  const acuteReply = items.find((item) => item.urgency === 'akutt' && item.status === 'open')?.suggestedReply;

  return (
    <section className="page" data-testid="inbox-page" data-loaded={loaded}>
      {openAcuteCount > 0 ? (
        <div
          className="banner banner-error"
          role="alert"
          data-testid="acute-banner"
          data-count={openAcuteCount}
        >
          <div className="banner-body">
            <p className="banner-title">
              <strong>Akutt: {openAcuteCount} melding(er) – pasienten bør ringe 113 nå</strong>
            </p>
            <p>Ferdig svar: {acuteReply ?? FALLBACK_ACUTE_REPLY}</p>
          </div>
        </div>
      ) : null}
      <h1>Innboks</h1>
      <p>
        Pasientmeldinger sortert etter hastegrad (akutt først), så eldste først. Reglene er et gulv: ingenting
        senker hastegraden.
      </p>
      {error === undefined ? null : (
        <p className="banner banner-error" role="alert" data-testid="inbox-error">
          {error}
        </p>
      )}
      {notice === undefined ? null : (
        <p className="banner banner-info" role="status" data-testid="inbox-notice">
          {notice}
        </p>
      )}
      <label>
        Importer meldinger (JSON Lines, én <code>{'{"id", "message"}'}</code> per linje)
        <input
          type="file"
          accept=".jsonl,.ndjson,.txt,application/x-ndjson"
          onChange={(event) => void handleFile(event)}
          data-testid="import-file"
        />
      </label>
      <fieldset style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <legend>Filter</legend>
        <label>
          Hastegrad
          <select
            value={filter.urgency}
            onChange={(event) =>
              setFilter({ ...filter, urgency: event.target.value as InboxFilter['urgency'] })
            }
            data-testid="filter-urgency"
          >
            <option value="">Alle</option>
            {TRIAGE_URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {URGENCY_LABELS[urgency]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kategori
          <select
            value={filter.category}
            onChange={(event) =>
              setFilter({ ...filter, category: event.target.value as InboxFilter['category'] })
            }
            data-testid="filter-category"
          >
            <option value="">Alle</option>
            {TRIAGE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            value={filter.status}
            onChange={(event) =>
              setFilter({ ...filter, status: event.target.value as InboxFilter['status'] })
            }
            data-testid="filter-status"
          >
            <option value="open">Åpne</option>
            <option value="handled">Behandlet</option>
            <option value="">Alle</option>
          </select>
        </label>
      </fieldset>
      {loaded && items.length === 0 ? <p data-testid="inbox-empty">Ingen meldinger.</p> : null}
      <ol style={{ listStyle: 'none', padding: 0 }} data-testid="inbox-list">
        {items.map((item) => (
          <MessageItem
            key={`${item.id}-${item.status}-${item.repliedAt ?? ''}`}
            item={item}
            onChanged={(caught) => {
              if (caught !== undefined) setError(errorText(caught));
              void reload();
            }}
          />
        ))}
      </ol>
    </section>
  );
}
