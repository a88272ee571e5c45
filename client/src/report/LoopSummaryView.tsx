import type { RoomReport } from '@mockloop/shared';
import { loopSummary, type MeanScores } from './loopSummary';

const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** The loop at a glance, above its rounds: where the candidate is strong, and each round's verdict. */
export function LoopSummaryView({ report }: { report: RoomReport }) {
  if (report.rounds.length < 2) return null;
  const summary = loopSummary(report);
  return (
    <section className="report-round loop-summary" aria-labelledby="loop-summary">
      <h2 id="loop-summary">{report.loop ? `The loop: ${report.loop.title}` : 'Across the rounds'}</h2>
      {report.loop && (
        <p className="muted">
          {report.loop.played.length} of the plan's {report.loop.stages.length} rounds played. The plan:{' '}
          {report.loop.stages.map((s) => s.label).join(', ')}.
        </p>
      )}
      <div className="loop-summary-tables">
        {summary.criteria.length === 0 && <p className="muted">No criterion has been scored yet.</p>}
        <MeansTable
          caption="By criterion (mean score, 1-4)"
          heading="Criterion"
          rows={summary.criteria.map((c) => ({ ...c, key: c.name }))}
        />
        <MeansTable
          caption="By round type"
          heading="Round type"
          rows={summary.roundTypes.map((t) => ({ ...t, key: t.roundType, name: t.label }))}
        />
      </div>
      <h3>Recommendation per round</h3>
      <ol className="loop-verdicts">
        {summary.recommendations.map((r) => (
          <li key={r.number}>
            Round {r.number} · {r.stage} · {r.candidate}: <strong>{r.recommendation}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Mean scores per row (a criterion, a round type), the interviewer's beside the candidate's own. */
function MeansTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: Array<MeanScores & { key: string; name: string; rounds: number }>;
}) {
  if (rows.length === 0) return null;
  return (
    <table className="scores">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Rounds</th>
          <th scope="col">Interviewer</th>
          <th scope="col">Self</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td>{row.rounds}</td>
            <td>{mean(row.interviewer)}</td>
            <td>{mean(row.self)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
