import { RECOMMENDATION_LABELS, type RoundReport } from '@mockloop/shared';

type Ratings = { criterionId: string; score: number; comment: string }[] | undefined;
const rating = (list: Ratings, id: string) => list?.find((r) => r.criterionId === id);

/** A round's scorecard beside the candidate's self-assessment, and the interviewer's verdict. */
export function RoundScores({ round }: { round: RoundReport }) {
  return (
    <>
      <h3>Scorecard and self-assessment</h3>
      {round.criteria.length > 0 && (
        <table className="scores">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Interviewer</th>
              <th scope="col">Self</th>
            </tr>
          </thead>
          <tbody>
            {round.criteria.map((c) => {
              const mine = rating(round.scorecard?.ratings, c.id);
              const self = rating(round.selfAssessment?.ratings, c.id);
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    <div className="muted small">{c.measures}</div>
                  </th>
                  <td>
                    <strong>{mine?.score ?? '—'}</strong>
                    {mine?.comment && <div className="small">{mine.comment}</div>}
                  </td>
                  <td>
                    <strong>{self?.score ?? '—'}</strong>
                    {self?.comment && <div className="small">{self.comment}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {round.scorecard && (
        <dl className="verdict">
          <dt>Recommendation</dt>
          <dd>{RECOMMENDATION_LABELS[round.scorecard.recommendation]}</dd>
          <dt>What went well</dt>
          <dd>{round.scorecard.wentWell || '—'}</dd>
          <dt>What to improve</dt>
          <dd>{round.scorecard.toImprove || '—'}</dd>
        </dl>
      )}
      {round.scorecardWithheld && (
        <p className="notice">
          The interviewer's scorecard appears here once you submit your self-assessment.
        </p>
      )}
      {!round.scorecard && !round.scorecardWithheld && <p className="muted">No scorecard yet.</p>}
      {round.selfAssessment && (
        <p>
          Interviewer rated {round.selfAssessment.interviewerClarity}/5 for clarity and{' '}
          {round.selfAssessment.interviewerHelpfulness}/5 for helpfulness.
          {round.selfAssessment.comment && ` “${round.selfAssessment.comment}”`}
        </p>
      )}
    </>
  );
}
