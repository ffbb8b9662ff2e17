import { isApiError } from '../api';
import { useLanguage } from './language';

/** The readable message of a failed request or unexpected error, in the UI language where we wrote it. */
export function describeError(error: unknown, fallback: { network: string; generic: string }): string {
  if (isApiError(error)) return error.code === 'network' ? fallback.network : error.message;
  return fallback.generic;
}

/** A friendly, dismissible error banner (announced to screen readers) for a failed request. */
export function ErrorBanner({
  error,
  onDismiss,
  onRetry,
}: {
  error: unknown;
  onDismiss?: () => void;
  onRetry?: () => void;
}) {
  const { messages } = useLanguage();
  if (error === null || error === undefined) return null;
  const text = describeError(error, { network: messages.errorNetwork, generic: messages.errorTitle });
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-body">
        <strong className="banner-title">{messages.errorTitle}</strong>
        <span data-testid="error-message">{text}</span>
      </div>
      <div className="banner-actions">
        {onRetry !== undefined && (
          <button type="button" className="button button-small" onClick={onRetry}>
            {messages.retry}
          </button>
        )}
        {onDismiss !== undefined && (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={onDismiss}
            aria-label={messages.close}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
}
