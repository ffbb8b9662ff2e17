import { useEffect, useRef } from 'react';
import type { Segment } from '@kollega/domain';
import { useLanguage } from '../shared/language';

/** Confidence below which a recognised turn is marked as uncertain. */
const LOW_CONFIDENCE = 0.6;

function formatSeconds(seconds: number): string {
  const whole = Math.floor(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** The transcript: one row per turn with the speaker's role; the selected statement's evidence is highlighted. */
export function TranscriptPanel({
  segments,
  activeEvidence,
  language,
}: {
  segments: readonly Segment[];
  activeEvidence: ReadonlySet<string>;
  /** Language of the conversation, for screen readers. */
  language: string;
}) {
  const { messages } = useLanguage();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (activeEvidence.size === 0 || list === null) return;
    const first = list.querySelector<HTMLElement>('[data-evidence-active="true"]');
    if (first === null) return;
    const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    // Scroll the transcript list only, so the page (and the note being read) stays where it is.
    const offset = first.getBoundingClientRect().top - list.getBoundingClientRect().top;
    list.scrollTo({ top: list.scrollTop + offset - (list.clientHeight - first.offsetHeight) / 2, behavior });
    // When the panels are stacked (narrow screens) the transcript may be off screen: bring it into view.
    if (window.matchMedia('(max-width: 900px)').matches) list.scrollIntoView({ block: 'nearest', behavior });
  }, [activeEvidence]);

  return (
    <section className="card transcript-panel" aria-labelledby="transcript-heading" data-testid="transcript">
      <h2 id="transcript-heading" className="panel-heading">
        {messages.reviewTranscript}
      </h2>
      {segments.length === 0 ? (
        <p className="muted">{messages.transcriptEmpty}</p>
      ) : (
        <ol className="segment-list" ref={listRef}>
          {segments.map((segment) => {
            const active = activeEvidence.has(segment.id);
            const uncertain = segment.confidence !== undefined && segment.confidence < LOW_CONFIDENCE;
            return (
              <li
                key={segment.id}
                id={`segment-${segment.id}`}
                className={`segment segment-${segment.speaker}${active ? ' is-active' : ''}`}
                data-testid="segment"
                data-segment-id={segment.id}
                data-speaker={segment.speaker}
                data-evidence-active={active ? 'true' : 'false'}
              >
                <div className="segment-meta">
                  <span className="speaker-label">{messages.speakers[segment.speaker]}</span>
                  {segment.label !== undefined && segment.label !== '' && (
                    <span className="segment-original-label">({segment.label})</span>
                  )}
                  {segment.start !== undefined && (
                    <span className="segment-time">{messages.segmentTime(formatSeconds(segment.start))}</span>
                  )}
                </div>
                <p
                  lang={language}
                  className={`segment-text${uncertain ? ' is-uncertain' : ''}`}
                  title={uncertain ? messages.lowConfidence : undefined}
                >
                  {segment.text}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
