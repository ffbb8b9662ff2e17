import { useState } from 'react';
import { formatDateTime, useLanguage } from '../shared/language';

interface AccessLogEntry {
  at: string;
  action: string;
  outcome: 'success' | 'failure';
  who: string;
  role?: string;
}

/** Plain Norwegian for the audited actions a patient asks about; other actions show their code. */
const ACTION_NAMES: Record<string, string> = {
  'consultation.create': 'opprettet konsultasjonen',
  'consultation.read': 'åpnet konsultasjonen',
  'note.read': 'leste notatet',
  'note.draft': 'laget utkast',
  'note.edit': 'endret notatet',
  'note.approve': 'godkjente notatet',
  'note.export': 'eksporterte notatet',
  'access_log.read': 'så tilgangsloggen',
};

/**
 * "Hvem har sett journalen?": the consultation's access log (who, role, what, when), fetched when opened,
 * so the GP can answer a patient's question from the record itself.
 */
export function AccessLogPanel({ consultationId }: { consultationId: string }) {
  const { language } = useLanguage();
  const [entries, setEntries] = useState<AccessLogEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function load() {
    setError(undefined);
    const response = await fetch(`/api/consultations/${encodeURIComponent(consultationId)}/access-log`, {
      headers: { accept: 'application/json' },
    });
    const body = (await response.json().catch(() => undefined)) as
      { entries?: AccessLogEntry[]; error?: { message?: string } } | undefined;
    if (!response.ok) setError(body?.error?.message ?? `Feil fra serveren (${response.status})`);
    else setEntries(body?.entries ?? []);
  }

  return (
    <details
      className="card"
      data-testid="access-log"
      onToggle={(event) => {
        if (event.currentTarget.open && entries === undefined) void load();
      }}
    >
      <summary>Hvem har sett journalen? (tilgangslogg)</summary>
      {error === undefined ? null : <p role="alert">{error}</p>}
      {entries === undefined ? null : (
        <table className="about-table" data-testid="access-log-table">
          <thead>
            <tr>
              <th scope="col">Når</th>
              <th scope="col">Hvem</th>
              <th scope="col">Hva</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{formatDateTime(entry.at, language)}</td>
                <td>
                  {entry.who}
                  {entry.role === undefined ? '' : ` (${entry.role})`}
                </td>
                <td>
                  {ACTION_NAMES[entry.action] ?? entry.action}
                  {entry.outcome === 'failure' ? ' – avvist' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
