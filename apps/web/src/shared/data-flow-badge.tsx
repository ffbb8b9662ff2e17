import { useEffect, useState } from 'react';
import { useLanguage } from './language';
import type { DataFlowLabel, DataFlowReport } from './data-flow-label';
import { describeNoteDataFlow } from './data-flow-label';

const TONE_CLASSES: Record<DataFlowLabel['tone'], string> = {
  local: 'badge badge-approved',
  sent: 'badge badge-draft',
  blocked: 'badge badge-critical',
};

/**
 * Shows plainly where note drafts go for the configured model (GET /api/about/data-flow): "Innebygd motor –
 * ingen data forlater serveren", or "Notatutkast: sendes avidentifisert til NAME (HOST)". Shows nothing until
 * the server has answered, or if it cannot.
 */
export function DataFlowBadge() {
  const { language } = useLanguage();
  const [label, setLabel] = useState<DataFlowLabel | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/about/data-flow?lang=${language}`, {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) return undefined;
        return describeNoteDataFlow((await response.json()) as DataFlowReport, language);
      })
      .then(setLabel, () => {
        // No answer (server down, aborted): leave the badge out rather than guess where data goes.
        if (!controller.signal.aborted) setLabel(undefined);
      });
    return () => controller.abort();
  }, [language]);

  if (label === undefined) return null;
  return (
    <span
      className={TONE_CLASSES[label.tone]}
      title={label.detail}
      data-testid="data-flow-badge"
      data-tone={label.tone}
      style={{ whiteSpace: 'normal', maxWidth: '28rem' }}
    >
      {label.text}
    </span>
  );
}
