import { useCallback, useEffect, useState } from 'react';
import { listConsultations } from '../api';
import type { ConsultationSummary } from '../api';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { Link } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import { StatusBadge } from './status-badge';

/** Page `/`: the consultations with date and the state of their note. */
export function ConsultationListPage() {
  const { language, messages } = useLanguage();
  const [items, setItems] = useState<ConsultationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(messages.listTitle);

  const load = useCallback(() => {
    setError(null);
    listConsultations().then(setItems, setError);
  }, []);

  useEffect(load, [load]);

  return (
    <section className="page" aria-labelledby="list-heading">
      <div className="page-heading">
        <h1 id="list-heading">{messages.listTitle}</h1>
        <Link href="/ny" className="button button-primary" data-testid="new-consultation-link">
          {messages.navNewConsultation}
        </Link>
      </div>
      <ErrorBanner error={error} onRetry={load} />
      {items === null && error === null && (
        <p className="muted" role="status">
          {messages.loading}
        </p>
      )}
      {items !== null && items.length === 0 && (
        <div className="empty-state" data-testid="list-empty">
          <p>{messages.listEmpty}</p>
          <Link href="/ny">{messages.listEmptyAction}</Link>
        </div>
      )}
      {items !== null && items.length > 0 && (
        <div className="card table-card">
          <table className="consultation-table" data-testid="consultation-table">
            <thead>
              <tr>
                <th scope="col">{messages.listColumnTitle}</th>
                <th scope="col">{messages.listColumnDate}</th>
                <th scope="col" className="numeric">
                  {messages.listColumnSegments}
                </th>
                <th scope="col">{messages.listColumnStatus}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="consultation-row" data-consultation-id={item.id}>
                  <td>
                    <Link href={`/konsultasjoner/${encodeURIComponent(item.id)}`} className="row-link">
                      {item.title.trim().length > 0 ? item.title : messages.untitled}
                    </Link>
                    {item.setting !== undefined && (
                      <span className="muted row-meta"> · {messages.settings[item.setting]}</span>
                    )}
                  </td>
                  <td>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                  </td>
                  <td className="numeric">{item.segmentCount}</td>
                  <td>
                    <StatusBadge status={item.noteStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
