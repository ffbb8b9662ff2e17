import type { ReactElement } from 'react';
import { RecordPage } from '../records/record-page';
import { DocumentsPage } from './documents-page';

/**
 * The pages of the documents and records features, matched from a path before the app's own routes:
 * `/konsultasjoner/:id/dokumenter` and `/journal` (`/journal/:key`). Undefined for any other path.
 */
export function renderFeatureRoute(pathname: string): ReactElement | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  const documents = /^\/konsultasjoner\/([^/]+)\/dokumenter$/.exec(path);
  if (documents?.[1] !== undefined) {
    const consultationId = decodeURIComponent(documents[1]);
    return <DocumentsPage key={consultationId} consultationId={consultationId} />;
  }
  if (path === '/journal') return <RecordPage />;
  const record = /^\/journal\/([^/]+)$/.exec(path);
  if (record?.[1] !== undefined) {
    const patientKey = decodeURIComponent(record[1]);
    return <RecordPage key={patientKey} patientKey={patientKey} />;
  }
  return undefined;
}
