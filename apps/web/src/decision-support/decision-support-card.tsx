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
  // The segments highlighted in the transcript, and the code whose sources are quoted in the card.
  const [highlight, setHighlight] = useState<readonly string[]>([]);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const cardRef = useRef<HTMLElement>(null);

  const load = useCallback(() => {
    setError(null);
    getDecisionSupport(consultation.id).then(setSupport, setError);
  }, [consultation.id]);

  // Reload when another note is drafted or the note is approved (decisions and codes lock).
  useEffect(load, [load, record.id, record.status]);

  // A click elsewhere (a statement, the note) ends the transcript highlight, as selecting a statement does.
  // Only colours change then, so nothing moves under the pointer.
  useEffect(() => {
    if (highlight.length === 0) return;
    function handlePointerDown(event: PointerEvent) {
      if (
        cardRef.current !== null &&
        event.target instanceof Node &&
        !cardRef.current.contains(event.target)
      ) {
        setHighlight([]);
      }
    }
    document.addEventListener('pointerdown', handlePointerDown);
    return () => document.removeEventListener('pointerdown', handlePointerDown);
  }, [highlight]);

  function showEvidence(code: string | null, segmentIds: readonly string[]): void {
    select(null);
    setOpenCode(code);
    setHighlight(segmentIds);
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
            openCode={openCode}
            onShowEvidence={showEvidence}
            onSaved={load}
          />
        </>
      )}
      <EvidenceHighlight segmentIds={highlight} />
    </section>
  );
}
