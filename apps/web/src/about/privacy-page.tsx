import { useEffect, useState } from 'react';
import { useDocumentTitle } from '../shared/use-document-title';

/** /personvern: the privacy export (GET /api/about/privacy-export?format=markdown) as a printable document. */
export function PrivacyPage() {
  useDocumentTitle('Personvernoversikt');
  const [text, setText] = useState<string | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/about/privacy-export?format=markdown', { signal: controller.signal })
      .then(async (response) => setText(response.ok ? await response.text() : `Feil: ${response.status}`))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return (
    <section className="page page-narrow" data-testid="privacy-page">
      <h1 className="no-print">Personvernoversikt for ROS og DPIA</h1>
      <p className="no-print">
        Generert fra serverens kjørende konfigurasjon. Last ned som{' '}
        <a href="/api/about/privacy-export">JSON</a> eller{' '}
        <a href="/api/about/privacy-export?format=markdown">Markdown</a>, eller{' '}
        <button type="button" onClick={() => window.print()}>
          skriv ut
        </button>
        .
      </p>
      <pre className="privacy-export" data-testid="privacy-export" style={{ whiteSpace: 'pre-wrap' }}>
        {text ?? 'Henter …'}
      </pre>
    </section>
  );
}
