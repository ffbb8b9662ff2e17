import { countAxisMaximum, placePoints } from './mirror-model';

/** One bar: a share (0–1, or null without data), its text, and whether it is the doctor's or the average. */
export interface ShareBar {
  label: string;
  value: number | null;
  /** The value as text ("67 % (2 av 3)"), shown at the bar's end and read by screen readers. */
  text: string;
  variant: 'own' | 'average';
}

const BAR_HEIGHT = 18;
const BAR_GAP = 12;
const LABEL_WIDTH = 118;
const BAR_WIDTH = 150;

/** Horizontal bars of shares on a 0–100 % scale, hand-drawn in SVG (no chart library). */
export function ShareBars({
  title,
  bars,
  testId,
}: {
  title: string;
  bars: readonly ShareBar[];
  testId?: string;
}) {
  const height = bars.length * (BAR_HEIGHT + BAR_GAP) + 4;
  const summary = bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ');
  return (
    <figure className="ds-chart" data-testid={testId}>
      <figcaption className="ds-chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 120} ${height}`}
        role="img"
        aria-label={`${title}: ${summary}`}
      >
        {bars.map((bar, index) => {
          const y = index * (BAR_HEIGHT + BAR_GAP) + 2;
          const width = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value)) * BAR_WIDTH;
          return (
            <g key={`${bar.label}-${index}`} data-value={bar.value ?? ''}>
              <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="ds-chart-label">
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={BAR_WIDTH}
                height={BAR_HEIGHT}
                className="ds-bar-track"
                rx={3}
              />
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={width}
                height={BAR_HEIGHT}
                className={`ds-bar ds-bar-${bar.variant}`}
                rx={3}
              />
              <text
                x={LABEL_WIDTH + BAR_WIDTH + 8}
                y={y + BAR_HEIGHT / 2}
                dominantBaseline="middle"
                className="ds-chart-value"
              >
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** One line of counts per month. */
export interface MonthSeries {
  label: string;
  values: readonly number[];
  variant: 'own' | 'average';
}

const PLOT = { left: 30, top: 10, width: 300, height: 100 };

/** Counts per month as lines (the doctor's solid, the average dashed), hand-drawn in SVG. */
export function MonthLines({
  title,
  monthLabels,
  series,
  testId,
}: {
  title: string;
  monthLabels: readonly string[];
  series: readonly MonthSeries[];
  testId?: string;
}) {
  const maximum = countAxisMaximum(series.map((line) => line.values));
  const every = Math.max(1, Math.ceil(monthLabels.length / 6));
  const xOf = (index: number) =>
    PLOT.left + (monthLabels.length > 1 ? (index * PLOT.width) / (monthLabels.length - 1) : PLOT.width / 2);
  const summary = series
    .map(
      (line) =>
        `${line.label}: ${line.values.map((value, index) => `${monthLabels[index] ?? ''} ${Number(value.toFixed(1))}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="ds-chart" data-testid={testId}>
      <figcaption className="ds-chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${PLOT.left + PLOT.width + 20} ${PLOT.top + PLOT.height + 28}`}
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        {(maximum <= 2
          ? Array.from({ length: maximum + 1 }, (_, tick) => tick)
          : [0, Math.round(maximum / 2), maximum]
        ).map((tick) => {
          const y = PLOT.top + PLOT.height - (tick / maximum) * PLOT.height;
          return (
            <g key={tick}>
              <line x1={PLOT.left} x2={PLOT.left + PLOT.width} y1={y} y2={y} className="ds-grid" />
              <text
                x={PLOT.left - 6}
                y={y}
                textAnchor="end"
                dominantBaseline="middle"
                className="ds-chart-axis"
              >
                {tick}
              </text>
            </g>
          );
        })}
        {monthLabels.map((label, index) =>
          // Counted from the last month, so the latest is always labelled and labels never crowd.
          (monthLabels.length - 1 - index) % every === 0 ? (
            <text
              key={label + index}
              x={xOf(index)}
              y={PLOT.top + PLOT.height + 18}
              textAnchor="middle"
              className="ds-chart-axis"
            >
              {label}
            </text>
          ) : null,
        )}
        {series.map((line) => {
          const points = placePoints(line.values, { width: PLOT.width, height: PLOT.height, maximum }).map(
            (point) => ({
              x: point.x + PLOT.left,
              y: point.y + PLOT.top,
            }),
          );
          return (
            <g key={line.label} className={`ds-line ds-line-${line.variant}`}>
              <polyline points={points.map((point) => `${point.x},${point.y}`).join(' ')} fill="none" />
              {points.map((point, index) => (
                <circle key={index} cx={point.x} cy={point.y} r={2.5} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="ds-legend">
        {series.map((line) => (
          <li key={line.label}>
            <span className={`ds-legend-mark ds-legend-${line.variant}`} aria-hidden="true" />
            {line.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
