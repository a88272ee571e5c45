import type { RoomReport } from '@mockloop/shared';
import { useEffect, useMemo, useState } from 'react';
import { fetchReport } from '../lib/api';
import { reportKeyFromLink } from '../lib/reportLink';
import { storage } from '../lib/storage';
import { preloadReplay } from '../replay/useReplay';
import { downloadReportMarkdown } from '../report/downloadReportMarkdown';
import { LoopSummaryView } from '../report/LoopSummaryView';
import { linkedMoment } from '../report/linkedMoment';
import { ReportHeader } from '../report/ReportHeader';
import { ReportSummary } from '../report/ReportSummary';
import { ReviewsSection } from '../report/ReviewsSection';
import { RoundSection } from '../report/RoundSection';
import { roundComments, useReviews } from '../report/useReviews';
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
  const { reviews, reload: reloadReviews } = useReviews(roomId, secret);

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
    await downloadReportMarkdown(roomId, report, secret as string, () => setExporting(false));
  }

  return (
    <main className="report">
      <ReportHeader
        roomId={roomId}
        seatSecret={ownSecret && !linkKey ? ownSecret : null}
        exporting={exporting}
        onExport={exportMarkdown}
        onDeleted={() => setDeleted(true)}
      />
      <h1>Interview report</h1>
      <ReportSummary report={report} />
      <LoopSummaryView report={report} />
      <ReviewsSection
        roomId={roomId}
        report={report}
        ownSecret={linkKey === null ? ownSecret : null}
        reviews={reviews}
        reload={reloadReviews}
      />
      {report.rounds.map((round) => (
        <RoundSection
          key={round.number}
          round={round}
          roomId={roomId}
          secret={secret}
          linkedSeconds={moment?.round === round.number ? moment.seconds : undefined}
          comments={roundComments(reviews, round.number)}
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
