import type { SafeHtml } from './html';
import { html } from './html';

/** One bar: a label and a value (null is drawn as "–" without a bar). */
export interface Bar {
  label: string;
  value: number | null;
  /** Index into the palette, so one engine has one colour in every chart. */
  colorIndex: number;
}

/** Options for `renderBarChart`. */
export interface BarChartOptions {
  title: string;
  bars: readonly Bar[];
  /** The value drawn as a full bar (1 for fractions); the largest value when absent. */
  maximum?: number;
  formatValue: (value: number | null) => string;
  /** A short note under the title, e.g. "lavere er bedre". */
  note?: string;
}

/** Colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

const LABEL_WIDTH = 240;
/** Longer labels are shortened with an ellipsis (the full label is in the bar's tooltip). */
const MAX_LABEL_CHARACTERS = 36;
const BAR_WIDTH = 300;
const ROW_HEIGHT = 26;
const TOP = 8;

/** A horizontal bar chart as inline SVG (no scripts, no external assets); every text is escaped. */
export function renderBarChart(options: BarChartOptions): SafeHtml {
  const values = options.bars.map((bar) => bar.value ?? 0);
  const maximum = options.maximum ?? Math.max(0, ...values);
  const height = TOP * 2 + ROW_HEIGHT * options.bars.length;
  const width = LABEL_WIDTH + BAR_WIDTH + 90;
  const rows = options.bars.map((bar, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const length = bar.value !== null && maximum > 0 ? Math.max(0, (bar.value / maximum) * BAR_WIDTH) : 0;
    const color = PALETTE[bar.colorIndex % PALETTE.length] ?? '#555';
    const label =
      bar.label.length > MAX_LABEL_CHARACTERS
        ? `${bar.label.slice(0, MAX_LABEL_CHARACTERS - 1)}…`
        : bar.label;
    return html`<g>
      <text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="bar-label">${label}</text>
      <rect
        x="${LABEL_WIDTH}"
        y="${y + 4}"
        width="${length.toFixed(1)}"
        height="${ROW_HEIGHT - 8}"
        fill="${color}"
        rx="2"
        ><title>${bar.label}: ${options.formatValue(bar.value)}</title></rect
      >
      <text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 17}" class="bar-value"
        >${options.formatValue(bar.value)}</text
      >
    </g>`;
  });
  return html`<figure class="chart">
    <figcaption>
      ${options.title}${options.note ? html` <span class="muted">(${options.note})</span>` : ''}
    </figcaption>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      width="${width}"
      height="${height}"
      viewBox="0 0 ${width} ${height}"
      aria-label="${options.title}"
    >
      <line x1="${LABEL_WIDTH}" y1="${TOP}" x2="${LABEL_WIDTH}" y2="${height - TOP}" stroke="#999" />
      ${rows}
    </svg>
  </figure>`;
}
