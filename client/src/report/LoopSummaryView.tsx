import type { RoomReport } from '@mockloop/shared';
import { loopSummary, type MeanScores } from './loopSummary';

const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/**
 * Scores across the rounds, under the summary: per round type, and per criterion folded away
 * (most criteria belong to one round, whose own section has them). Only where a round was scored.
 */
export function LoopSummaryView({ report }: { report: RoomReport }) {
  if (report.rounds.length < 2) return null;
  const summary = loopSummary(report);
  const scored = summary.roundTypes.some((t) => t.interviewer !== null || t.self !== null);
  if (!scored) return null;
  const shared = summary.criteria.filter((c) => c.rounds > 1);
  return (
    <section className="report-round loop-summary" aria-labelledby="loop-summary">
      <h2 id="loop-summary">Scores across the rounds</h2>
      <div className="loop-summary-tables">
        <MeansTable
          caption="By round type (mean score, 1-4)"
          heading="Round type"
          rows={summary.roundTypes.map((t) => ({ ...t, key: t.roundType, name: t.label }))}
        />
        {shared.length > 0 && (
          <MeansTable
            caption="Criteria scored in more than one round"
            heading="Criterion"
            rows={shared.map((c) => ({ ...c, key: c.name }))}
          />
        )}
      </div>
      <details className="every-criterion">
        <summary>Every criterion ({summary.criteria.length})</summary>
        <MeansTable
          caption="By criterion (mean score, 1-4)"
          heading="Criterion"
          rows={summary.criteria.map((c) => ({ ...c, key: c.name }))}
        />
      </details>
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
