import type { CriterionTrend } from './practiceHistory';

const WIDTH = 260;
const HEIGHT = 90;
const PAD = 14;

/**
 * One criterion's scores (1 to 4) over time as a small line chart: the interviewer's score and
 * the person's own. The same figures are in a table next to it for screen readers.
 */
export function TrendChart({ trend }: { trend: CriterionTrend }) {
  const n = trend.points.length;
  const x = (i: number) => (n === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (n - 1));
  const y = (score: number) => HEIGHT - PAD - ((score - 1) * (HEIGHT - 2 * PAD)) / 3;
  const line = (pick: (p: CriterionTrend['points'][number]) => number | null) =>
    trend.points
      .map((p, i) => ({ i, score: pick(p) }))
      .filter((p): p is { i: number; score: number } => p.score !== null)
      .map((p) => `${x(p.i)},${y(p.score)}`)
      .join(' ');
  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
      focusable="false"
    >
      {[1, 2, 3, 4].map((score) => (
        <line key={score} className="grid" x1={PAD} x2={WIDTH - PAD} y1={y(score)} y2={y(score)} />
      ))}
      <polyline className="interviewer" points={line((p) => p.interviewer)} />
      <polyline className="self" points={line((p) => p.self)} />
      {trend.points.map((p, i) =>
        p.interviewer === null ? null : (
          <circle key={p.at} className="interviewer" cx={x(i)} cy={y(p.interviewer)} r={3} />
        ),
      )}
      {/* The person's own score as a hollow square: seen even where it is a single point, and
          beside the interviewer's dot when both gave the same score. */}
      {trend.points.map((p, i) =>
        p.self === null ? null : (
          <rect
            key={`self-${p.at}`}
            className="self-point"
            x={x(i) - 4}
            y={y(p.self) - 4}
            width={8}
            height={8}
          />
        ),
      )}
    </svg>
  );
}
