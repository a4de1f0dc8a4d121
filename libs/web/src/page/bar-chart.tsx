import type { Translator } from '../i18n/translator';

export interface ChartRow {
  label: string;
  value: number;
  /** The value as the table shows it (an amount, a count with its unit). */
  shown: string;
}

export interface BarChartProps {
  t: Translator;
  /** Unique on the page: the chart's parts are labelled by ids made from it. */
  id: string;
  title: string;
  rows: readonly ChartRow[];
  headings: { label: string; value: string };
}

const WIDTH = 320;
const ROW = 44;
const LABEL_CHARS = 44;

/**
 * Figures as horizontal bars in an SVG image (its title and description say what it shows), followed
 * by the same figures as a table: the chart is for the eye, the table for everyone. Drawn 320 units
 * wide, so on the narrowest phone it is life-size and each label sits above its bar, never beside it.
 */
export function BarChart({ t, id, title, rows, headings }: BarChartProps) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  const height = rows.length * ROW + 4;
  return (
    <figure class="polity-chart" aria-labelledby={`${id}-caption`}>
      <figcaption class="polity-chart__caption" id={`${id}-caption`}>
        {title}
      </figcaption>
      {rows.length > 0 && (
        <svg
          class="polity-chart__image"
          role="img"
          viewBox={`0 0 ${WIDTH} ${height}`}
          aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${id}-svg-title`}>{title}</title>
          <desc id={`${id}-svg-desc`}>{t.t('chart.described')}</desc>
          {rows.map((row, index) => {
            const top = index * ROW;
            const length = Math.max(row.value > 0 ? 2 : 0, Math.round((row.value / largest) * (WIDTH - 90)));
            const label = row.label.length > LABEL_CHARS ? `${row.label.slice(0, LABEL_CHARS - 1)}…` : row.label;
            return (
              <g key={`${index}-${row.label}`}>
                <text x="0" y={top + 14} class="polity-chart__label">
                  {label}
                </text>
                <rect x="0" y={top + 20} width={length} height="16" class="polity-chart__bar" />
                <text x={length + 6} y={top + 33} class="polity-chart__value">
                  {row.shown}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <table class="polity-table">
        <caption class="polity-visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{headings.label}</th>
            <th scope="col">{headings.value}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${index}-${row.label}`}>
              <th scope="row">{row.label}</th>
              <td>{row.shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
