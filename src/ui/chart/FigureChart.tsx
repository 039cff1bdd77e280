import { useId } from 'preact/hooks';
import type { ChartSeries } from './series';

/** The drawing's size in SVG units; it scales to the width it is given. */
const WIDTH = 320;
const HEIGHT = 72;
/** Room above and below the marks. */
const TOP = 6;
const BOTTOM = 6;

/** Status words as a reader says them. */
const STATUS_LABEL = { reported: 'reported', expected: 'expected', projected: 'projected' } as const;

/** Props of {@link FigureChart}. */
export interface FigureChartProps {
  series: ChartSeries;
  /** The class that hides the table visually and keeps it for screen readers, in the page that hosts the chart. */
  srClass: string;
}

/**
 * An entity's figures of one measure over time: one column per figure,
 * oldest period first; a single value is a dot, a range a bar from its low to
 * its high end; expected and projected figures are drawn hollow and dashed,
 * reported ones solid. The drawing is hidden from screen readers, which get a
 * table of the same numbers instead (period, value, status).
 */
export function FigureChart({ series, srClass }: FigureChartProps) {
  const captionId = useId();
  const { points } = series;
  const lows = points.map((point) => point.low);
  const highs = points.map((point) => point.high);
  let min = Math.min(...lows);
  let max = Math.max(...highs);
  // Equal values still need a scale; a little room keeps the marks off the edges.
  const pad = max > min ? (max - min) * 0.15 : Math.abs(max) * 0.1 || 1;
  min -= pad;
  max += pad;
  const y = (value: number) => TOP + ((max - value) / (max - min)) * (HEIGHT - TOP - BOTTOM);
  // One column per point; the rows of values and periods above and below use the same columns.
  const step = WIDTH / points.length;
  const x = (index: number) => step * (index + 0.5);
  const columns = { gridTemplateColumns: `repeat(${points.length}, 1fr)` };
  const statuses = [...new Set(points.map((point) => point.status))];

  return (
    <figure class="flc-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} class="flc-caption">
        {series.measure} over time
      </figcaption>
      {/* Text stays HTML (readable, and measurable by contrast checkers); the drawing holds only shapes. */}
      <div class="flc-plot" aria-hidden="true">
        <div class="flc-row flc-values" style={columns}>
          {points.map((point) => (
            <span key={point.figureId}>{point.value}</span>
          ))}
        </div>
        <svg class="flc-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false">
          <line class="flc-axis" x1={0} x2={WIDTH} y1={HEIGHT - 1} y2={HEIGHT - 1} />
          {points.map((point, index) => {
            const cx = x(index);
            const forecast = point.status !== 'reported';
            const top = y(point.high);
            const bottom = y(point.low);
            return (
              <g key={point.figureId} class={`flc-point flc-${point.status}`}>
                {point.high > point.low ? (
                  <rect
                    class="flc-bar"
                    x={cx - 5}
                    y={top}
                    width={10}
                    height={Math.max(2, bottom - top)}
                    rx={3}
                    stroke-dasharray={forecast ? '3 2' : undefined}
                  />
                ) : (
                  <circle class="flc-dot" cx={cx} cy={top} r={5} stroke-dasharray={forecast ? '2 2' : undefined} />
                )}
              </g>
            );
          })}
        </svg>
        <div class="flc-row flc-whens" style={columns}>
          {points.map((point) => (
            <span key={point.figureId}>{shorten(point.when)}</span>
          ))}
        </div>
      </div>
      {statuses.length > 1 && (
        <p class="flc-legend" aria-hidden="true">
          {statuses.map((status) => (
            <span key={status} class={`flc-key flc-${status}`}>
              <svg viewBox="0 0 12 12" width="12" height="12" focusable="false">
                <circle
                  class="flc-dot"
                  cx="6"
                  cy="6"
                  r="4"
                  stroke-dasharray={status === 'reported' ? undefined : '2 2'}
                />
              </svg>
              {STATUS_LABEL[status]}
            </span>
          ))}
        </p>
      )}
      <table class={srClass}>
        <caption>{series.measure}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.figureId}>
              <th scope="row">{point.when}</th>
              <td>{point.text}</td>
              <td>{point.statusWords || STATUS_LABEL[point.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A period label short enough for its column: "in the fourth quarter of 2024" → "fourth quarter of 2024". */
function shorten(when: string): string {
  const bare = when.replace(/^(?:in|for|during|as of|by|the)\s+/iu, '').replace(/^the\s+/iu, '');
  return bare.length > 16 ? `${bare.slice(0, 15)}…` : bare;
}
