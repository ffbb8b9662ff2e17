import type { Support } from '@kollega/domain';
import { useLanguage } from '../shared/language';

/** The verifier labels in the order the legend shows them. */
const LEGEND_ORDER: readonly Support[] = [
  'supported',
  'inferred',
  'unverified',
  'unsupported',
  'contradicted',
];

/** A shape per label, so the label never depends on colour alone. */
const SUPPORT_SYMBOLS: Record<Support, string> = {
  supported: '✓',
  inferred: '≈',
  unsupported: '?',
  contradicted: '!',
  unverified: '–',
};

/** The symbol of a verifier label, decorative (the label is given in text beside it). */
export function SupportIcon({ support }: { support: Support }) {
  return (
    <span className={`support-icon support-${support}`} aria-hidden="true">
      {SUPPORT_SYMBOLS[support]}
    </span>
  );
}

/** The colour key for the verifier labels, with counts for this note. */
export function SupportLegend({ counts }: { counts: Record<Support, number> }) {
  const { messages } = useLanguage();
  return (
    <section className="support-legend" aria-label={messages.legendTitle} data-testid="support-legend">
      <ul>
        {LEGEND_ORDER.map((support) => (
          <li
            key={support}
            className={`legend-item support-${support}`}
            title={messages.supportDescriptions[support]}
          >
            <SupportIcon support={support} />
            <span className="legend-label">{messages.supportLabels[support]}</span>
            <span className="legend-count" data-testid={`legend-count-${support}`}>
              {counts[support]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
