import type { EvaluationRunStatus } from './evaluation-api';

/** A fraction (0–1) as points with a decimal comma, e.g. `46,3`; `–` when it could not be measured. */
export function formatPoints(value: number | null): string {
  return value === null ? '–' : (value * 100).toFixed(1).replace('.', ',');
}

/** A fraction (0–1) as a percentage, e.g. `4,0 %`; `–` when it could not be measured. */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${formatPoints(value)} %`;
}

/** A ratio with two decimals, e.g. `1,19`. */
export function formatRatio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2).replace('.', ',');
}

/** Milliseconds as `80 ms` or `1,2 s`. */
export function formatLatency(milliseconds: number | null): string {
  if (milliseconds === null) return '–';
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(1).replace('.', ',')} s`;
}

/** Done out of total as a whole percentage for the progress bar (0 when there is nothing to do). */
export function progressPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** The status in Bokmål. */
export const RUN_STATUS_LABELS: Record<EvaluationRunStatus, string> = {
  running: 'Kjører',
  cancelling: 'Avbryter …',
  done: 'Ferdig',
  cancelled: 'Avbrutt',
  interrupted: 'Stoppet (serveren ble startet på nytt)',
  failed: 'Feilet',
};

/** An ISO time as a short local date and time, e.g. `04.12.2026, 16:56`. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('nb-NO', { dateStyle: 'short', timeStyle: 'short' });
}
