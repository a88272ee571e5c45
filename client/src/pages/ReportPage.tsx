import { RECOMMENDATION_LABELS, ROUTES, type RoomReport, type RoundReport } from '@mockloop/shared';
import { useEffect, useMemo, useState } from 'react';
import { fetchReport } from '../lib/api';
import { reportKeyFromLink } from '../lib/reportLink';
import { storage } from '../lib/storage';
import { dateTime, formatDuration, timeOfDay } from '../lib/time';
import { RoundReplay } from '../replay/RoundReplay';
import { preloadReplay } from '../replay/useReplay';
import { CopyReportLink } from '../report/CopyReportLink';
import { DeleteRoomButton } from '../report/DeleteRoomButton';
import { finalBoards } from '../report/finalBoards';
import { LoopSummaryView } from '../report/LoopSummaryView';
import { stageName } from '../report/loopSummary';
import { ReportSummary } from '../report/ReportSummary';
import { ReviewsSection } from '../report/ReviewsSection';
import { reportToMarkdown, runLine } from '../report/reportMarkdown';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; report: RoomReport };

/** /r/:roomId/report: every round side by side, for the people of the room only. Prints cleanly. */
export default function ReportPage({ roomId }: { roomId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [deleted, setDeleted] = useState(false);
  // A report link's key (this person's report, read-only, in any browser), else this browser's seat.
  const linkKey = useMemo(() => reportKeyFromLink(window.location.hash), []);
  const ownSecret = storage.secret(roomId);
  const secret = linkKey ?? ownSecret;
  const moment = useMemo(() => linkedMoment(window.location.search), []);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!secret) return;
    // Every room has a round 1: its replay loads while the report does.
    preloadReplay(roomId, 1, secret);
    fetchReport(roomId, secret).then(
      (report) => setState({ status: 'ready', report }),
      (err: Error) => setState({ status: 'error', message: err.message }),
    );
  }, [roomId, secret]);

  useEffect(() => {
    document.title = 'Interview report · Mockloop';
  }, []);

  if (deleted) {
    return (
      <FullPageMessage
        title="The room was deleted"
        text="Its code, board, notes, feedback, images and this report are gone from the server; the people still in it were told."
      />
    );
  }
  if (!secret) {
    return (
      <FullPageMessage
        title="This report is not available here"
        text="This browser has no seat in this room, so it cannot show its report. Open it with the report link the person copied for you, or in the browser they took part with."
      />
    );
  }
  if (state.status === 'loading') return <FullPageMessage text="Loading the report…" />;
  if (state.status === 'error')
    return <FullPageMessage title="The report could not be opened" text={state.message} />;

  const { report } = state;
  async function exportMarkdown() {
    setExporting(true);
    // The boards go in the file as SVG pictures: drawn from each round's stored board first.
    const boards = await finalBoards(
      roomId,
      report.rounds.map((r) => r.number),
      secret as string,
    ).catch(() => new Map());
    setExporting(false);
    const blob = new Blob([reportToMarkdown(report, boards)], { type: 'text/markdown' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `mockloop-report-${roomId}.md`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <main className="report">
      <header className="report-header no-print">
        <BrandLink />
        <div className="spacer" />
        {ownSecret && !linkKey && (
          <>
            <a className="button" href={ROUTES.room(roomId)}>
              Back to the room
            </a>
            <CopyReportLink roomId={roomId} secret={ownSecret} />
            <DeleteRoomButton roomId={roomId} secret={ownSecret} onDeleted={() => setDeleted(true)} />
          </>
        )}
        <button type="button" className="button" onClick={exportMarkdown} disabled={exporting}>
          {exporting ? 'Drawing the boards…' : 'Export Markdown'}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
      </header>
      <h1>Interview report</h1>
      <ReportSummary report={report} />
      <LoopSummaryView report={report} />
      <ReviewsSection
        roomId={roomId}
        report={report}
        ownSecret={linkKey === null ? ownSecret : null}
        bearer={secret}
      />
      {report.rounds.map((round) => (
        <RoundSection
          key={round.number}
          round={round}
          roomId={roomId}
          secret={secret}
          linkedSeconds={moment?.round === round.number ? moment.seconds : undefined}
          notesOwner={
            // Someone reading a report link may not be the person it belongs to.
            linkKey === null && round.interviewer?.id === report.viewerId
              ? null
              : (round.interviewer?.name ?? 'the interviewer')
          }
        />
      ))}
    </main>
  );
}

/** A `?round=2&t=95` link: that round's replay opens at that second (round 1 when only `t`). */
function linkedMoment(search: string): { round: number; seconds: number } | null {
  const params = new URLSearchParams(search);
  const seconds = Number(params.get('t'));
  const round = Number(params.get('round') ?? 1);
  if (!params.has('t') || !Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(round)) return null;
  return { round, seconds };
}

function RoundSection({
  round,
  roomId,
  secret,
  linkedSeconds,
  notesOwner,
}: {
  round: RoundReport;
  roomId: string;
  secret: string;
  linkedSeconds: number | undefined;
  /** Whose private notes a replay shows, by name; null when they are the reader's own. */
  notesOwner: string | null;
}) {
  const rating = (list: { criterionId: string; score: number; comment: string }[] | undefined, id: string) =>
    list?.find((r) => r.criterionId === id);
  return (
    <section className="report-round" aria-labelledby={`round-${round.number}`}>
      <h2 id={`round-${round.number}`}>
        Round {round.number} · {stageName(round)}: {round.question?.title ?? 'no question revealed'}
      </h2>
      <p className="muted">
        {round.interviewer?.name ?? '—'} interviewed {round.candidate?.name ?? '—'} · time used{' '}
        {formatDuration(round.timeUsedMs)} ·{' '}
        {round.endedAt ? `ended ${dateTime(round.endedAt)}` : 'in progress'}
        {round.hints.length === 0 && round.question ? ' · no hints' : ''}
      </p>
      {round.question && <p className="prompt">{round.question.prompt}</p>}

      {round.sharedNotes.text.trim() && (
        <>
          <h3>Shared notes</h3>
          <pre className="notes-block">{round.sharedNotes.text}</pre>
          {round.sharedNotes.truncated && (
            <p className="muted small">The start of the notes: the replay below has all of them.</p>
          )}
        </>
      )}

      {round.hints.length > 0 && (
        <>
          <h3>Hints revealed</h3>
          <ol>
            {round.hints.map((h) => (
              <li key={h.index}>
                <span className="muted small">{timeOfDay(h.revealedAt)}</span> {h.text}
              </li>
            ))}
          </ol>
        </>
      )}

      {round.runs.length > 0 && (
        <>
          <h3>Runs</h3>
          <ol className="report-runs small">
            {round.runs.map((run) => (
              <li key={`${run.at}-${run.by}`}>
                <span className="muted">{timeOfDay(run.at)}</span>{' '}
                <span className={`run-status ${run.status}`}>{runLine(run)}</span>
              </li>
            ))}
          </ol>
        </>
      )}

      <RoundReplay
        roomId={roomId}
        secret={secret}
        round={round.number}
        roundType={round.roundType}
        language={round.code.language}
        finalCode={round.code.text}
        codeTruncated={round.code.truncated}
        linkedSeconds={linkedSeconds}
        notesOwner={notesOwner}
      >
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
      </RoundReplay>
    </section>
  );
}
