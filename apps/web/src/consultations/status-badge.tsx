import type { ConsultationSummary } from '../api';
import { useLanguage } from '../shared/language';

/** A badge for the state of a consultation's note: Ingen notat, Utkast or Godkjent. */
export function StatusBadge({ status }: { status: ConsultationSummary['noteStatus'] }) {
  const { messages } = useLanguage();
  const label =
    status === 'approved'
      ? messages.statusApproved
      : status === 'draft'
        ? messages.statusDraft
        : messages.statusNone;
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      {label}
    </span>
  );
}
