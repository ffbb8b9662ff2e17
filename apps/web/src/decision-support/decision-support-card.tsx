import { useCallback, useEffect, useRef, useState } from 'react';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { ErrorBanner } from '../shared/error-banner';
import { useReview } from '../review/review-context';
import { AntibioticSection } from './antibiotic-section';
import { CodeSection } from './code-section';
import type { ConsultationDecisionSupport } from './decision-support-api';
import { getDecisionSupport } from './decision-support-api';
import { EvidenceHighlight } from './evidence-highlight';
import { useDecisionSupportMessages } from './messages';
import './decision-support.css';

/**
 * The decision-support card beside the note: the antibiotic recommendation for exactly these findings,
 * what is missing, how the plan compares, advice for the patient and the source; and ICPC-2 suggestions the
 * doctor can choose. It advises: nothing in the note changes unless the doctor chooses it.
 */
export function DecisionSupportCard({
  consultation,
  record,
}: {
  consultation: Consultation;
  record: NoteRecord;
}) {
  const text = useDecisionSupportMessages();
  const { select } = useReview();
  const [support, setSupport] = useState<ConsultationDecisionSupport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [highlight, setHighlight] = useState<{ code: string | null; segmentIds: readonly string[] } | null>(
    null,
  );
  const cardRef = useRef<HTMLElement>(null);

  const load = useCallback(() => {
    setError(null);
    getDecisionSupport(consultation.id).then(setSupport, setError);
  }, [consultation.id]);

  // Reload when another note is drafted or the note is approved (decisions and codes lock).
  useEffect(load, [load, record.id, record.status]);

  // A click elsewhere (a statement, the note) ends the card's highlight, as selecting a statement does.
  useEffect(() => {
    if (highlight === null) return;
    function handlePointerDown(event: PointerEvent) {
      if (
        cardRef.current !== null &&
        event.target instanceof Node &&
        !cardRef.current.contains(event.target)
      ) {
        setHighlight(null);
      }
    }
    document.addEventListener('pointerdown', handlePointerDown);
    return () => document.removeEventListener('pointerdown', handlePointerDown);
  }, [highlight]);

  function showEvidence(code: string | null, segmentIds: readonly string[]): void {
    select(null);
    setHighlight(segmentIds.length === 0 ? null : { code, segmentIds });
  }

  return (
    <section
      ref={cardRef}
      className="card ds-card"
      aria-labelledby="decision-support-heading"
      aria-busy={support === null && error === null}
      data-testid="decision-support-card"
    >
      <h2 id="decision-support-heading" className="panel-heading">
        {text.title}
      </h2>
      <p className="small muted">{text.intro}</p>
      <ErrorBanner error={error} onRetry={load} />
      {support === null && error === null && (
        <p className="muted" role="status">
          {text.loading}
        </p>
      )}
      {support !== null && (
        <>
          <AntibioticSection
            support={support}
            consultation={consultation}
            record={record}
            onDecided={load}
            onShowEvidence={(segmentIds) => showEvidence(null, segmentIds)}
          />
          <CodeSection
            support={support}
            consultation={consultation}
            record={record}
            highlighted={highlight?.code ?? null}
            onShowEvidence={showEvidence}
            onSaved={load}
          />
        </>
      )}
      {highlight !== null && <EvidenceHighlight segmentIds={highlight.segmentIds} />}
    </section>
  );
}
