import type { Language } from '@kollega/domain';
import type { MonthFigures } from './decision-support-api';

/** A share (0–1) as a whole percentage in the UI language ("67 %"), or undefined without data. */
export function formatShare(value: number | null, language: Language): string | undefined {
  if (value === null || !Number.isFinite(value)) return undefined;
  return `${new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 0 }).format(value * 100)} %`;
}

/** A month (`YYYY-MM`) as a short label: "jan. 25" / "Jan 25". */
export function formatMonth(month: string, language: Language): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

/** The practice's deviations per month divided by the number of doctors: the average doctor's line. */
export function averagePerDoctor(months: readonly MonthFigures[], doctors: number): number[] {
  return months.map((month) => (doctors === 0 ? 0 : month.deviations / doctors));
}

/** The top of a count axis: the largest value rounded up to a whole number, at least 1. */
export function countAxisMaximum(series: ReadonlyArray<readonly number[]>): number {
  return Math.max(1, Math.ceil(Math.max(0, ...series.flat())));
}

/** Where a series' points go in a plot of `width` × `height` (y grows downwards), evenly spread over x. */
export function placePoints(
  values: readonly number[],
  plot: { width: number; height: number; maximum: number },
): Array<{ x: number; y: number }> {
  const step = values.length > 1 ? plot.width / (values.length - 1) : 0;
  return values.map((value, index) => ({
    x: values.length > 1 ? index * step : plot.width / 2,
    y: plot.height - (Math.min(value, plot.maximum) / plot.maximum) * plot.height,
  }));
}
