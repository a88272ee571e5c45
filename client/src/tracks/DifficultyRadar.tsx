import type { Difficulty, RoundType } from '@mockloop/shared';
import { useId } from 'react';
import { radarFigures, radarPoint } from './radarFigures';

interface Props {
  questions: ReadonlyArray<{ roundType: RoundType; difficulty: Difficulty }>;
}

const R = 90;
const RINGS = [1 / 3, 2 / 3, 1];

/**
 * The track at a glance: per round type, how hard its questions are on average (the filled shape,
 * easy at the first ring to hard at the edge) and how many there are (the dashed shape, against
 * the type with most). The SVG is a picture; the same figures are in the table for screen readers.
 */
export function DifficultyRadar({ questions }: Props) {
  const id = useId();
  const axes = radarFigures(questions);
  if (axes.length === 0) return null;
  const n = Math.max(axes.length, 3); // two axes would be a line; empty spokes keep a shape
  const most = Math.max(...axes.map((a) => a.count));
  const shape = (value: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => radarPoint(i, n, i < axes.length ? value(i) : 0, R).join(',')).join(
      ' ',
    );
  return (
    <section className="difficulty-radar" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>At a glance</h2>
      <div className="radar-body">
        <svg viewBox="-200 -125 400 250" width="400" height="250" aria-hidden="true" focusable="false">
          {RINGS.map((ring) => (
            <polygon key={ring} className="radar-ring" points={shape(() => ring)} />
          ))}
          {Array.from({ length: n }, (_, i) => {
            const [x, y] = radarPoint(i, n, 1, R);
            // biome-ignore lint/suspicious/noArrayIndexKey: spokes are positions around the circle.
            return <line key={i} className="radar-spoke" x1={0} y1={0} x2={x} y2={y} />;
          })}
          <polygon className="radar-count" points={shape((i) => (axes[i]?.count ?? 0) / most)} />
          <polygon className="radar-difficulty" points={shape((i) => (axes[i]?.meanDifficulty ?? 0) / 3)} />
          {axes.map((axis, i) => {
            const [x, y] = radarPoint(i, n, 1.18, R);
            return (
              <text
                key={axis.roundType}
                x={x}
                y={y}
                className="radar-label"
                textAnchor={Math.abs(x) < 5 ? 'middle' : x > 0 ? 'start' : 'end'}
                dominantBaseline="middle"
              >
                {axis.label}
              </text>
            );
          })}
        </svg>
        <table className="radar-table">
          <caption>Questions per round type</caption>
          <thead>
            <tr>
              <th scope="col">Round type</th>
              <th scope="col">Questions</th>
              <th scope="col">Easy</th>
              <th scope="col">Medium</th>
              <th scope="col">Hard</th>
              <th scope="col">Mean difficulty (1 easy to 3 hard)</th>
            </tr>
          </thead>
          <tbody>
            {axes.map((axis) => (
              <tr key={axis.roundType}>
                <th scope="row">{axis.label}</th>
                <td>{axis.count}</td>
                <td>{axis.byDifficulty.easy}</td>
                <td>{axis.byDifficulty.medium}</td>
                <td>{axis.byDifficulty.hard}</td>
                <td>{axis.meanDifficulty.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Filled: mean difficulty (edge is hard). Dashed: number of questions, against the round type with most.
      </p>
    </section>
  );
}
