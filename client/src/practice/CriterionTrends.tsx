import { dayOf } from '../lib/time';
import { type CriterionTrend, nextToPractise } from './practiceHistory';
import { TrendChart } from './TrendChart';

/** My practice's scores as a candidate, one chart and table per criterion, and what to practise next. */
export function CriterionTrends({ trends }: { trends: CriterionTrend[] }) {
  const next = nextToPractise(trends);
  return (
    <section aria-labelledby="trends-heading">
      <h2 id="trends-heading">Your scores as a candidate, by criterion</h2>
      {next && (
        <p className="practice-next">
          To practise next: <strong>{next.criterion}</strong> (last scored {next.score} of 4).
        </p>
      )}
      <p className="muted small">
        <span className="legend interviewer">●</span> the interviewer's score ·{' '}
        <span className="legend self">●</span> yours, 1 (weak) to 4 (excellent)
      </p>
      <ul className="trends">
        {trends.map((trend) => (
          <li key={trend.criterion} className="card trend">
            <h3>{trend.criterion}</h3>
            <TrendChart trend={trend} />
            <table className="trend-table">
              <caption className="visually-hidden">{trend.criterion}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Interviewer</th>
                  <th scope="col">You</th>
                </tr>
              </thead>
              <tbody>
                {trend.points.map((p) => (
                  <tr key={p.at}>
                    <td>{dayOf(p.at)}</td>
                    <td>{p.interviewer ?? '—'}</td>
                    <td>{p.self ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </section>
  );
}
