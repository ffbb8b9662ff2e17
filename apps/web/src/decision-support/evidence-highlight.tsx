import { useEffect } from 'react';

const EVIDENCE_RULE = 'background: var(--evidence-tint); border-left-color: var(--evidence-edge);';

/** Scrolls the transcript list (only it, not the page) so the first of `segmentIds` is in view. */
function scrollToSegment(segmentId: string): void {
  const segment = document.querySelector<HTMLElement>(`.segment[data-segment-id="${CSS.escape(segmentId)}"]`);
  const list = segment?.closest<HTMLElement>('.segment-list');
  if (segment == null || list == null) return;
  const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const offset = segment.getBoundingClientRect().top - list.getBoundingClientRect().top;
  list.scrollTo({ top: list.scrollTop + offset - (list.clientHeight - segment.offsetHeight) / 2, behavior });
  if (window.matchMedia('(max-width: 900px)').matches) list.scrollIntoView({ block: 'nearest', behavior });
}

/**
 * Highlights transcript segments the way the review page highlights a statement's evidence (same colours),
 * by a style rule on the transcript's `data-segment-id` rows, and scrolls the first into view.
 */
export function EvidenceHighlight({ segmentIds }: { segmentIds: readonly string[] }) {
  const first = segmentIds[0];
  useEffect(() => {
    if (first !== undefined) scrollToSegment(first);
  }, [first]);
  if (segmentIds.length === 0) return null;
  const selector = segmentIds.map((id) => `.segment[data-segment-id="${CSS.escape(id)}"]`).join(', ');
  return <style data-testid="decision-support-evidence">{`${selector} { ${EVIDENCE_RULE} }`}</style>;
}
