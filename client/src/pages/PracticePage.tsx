import { RECOMMENDATION_LABELS, type Recommendation, ROUTES, type RoomReport } from '@mockloop/shared';
import { useEffect, useMemo, useState } from 'react';
import { fetchReport } from '../lib/api';
import { downloadText } from '../lib/downloadText';
import { storage } from '../lib/storage';
import { count, dateTime } from '../lib/time';
import { CriterionTrends } from '../practice/CriterionTrends';
import { criterionTrends, type PracticeRound, practiceRounds } from '../practice/practiceHistory';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

/** More rooms than a person keeps practising in; the oldest beyond it are not fetched. */
const MAX_ROOMS = 60;

type State = { status: 'loading' } | { status: 'ready'; reports: RoomReport[]; unavailable: number };

/**
 * /practice: every room this browser took part in (the seats' secrets it keeps; no account), each
 * round with its question, role, scorecard and self-assessment, and each rubric criterion's scores
 * over time, so a person sees what to practise next. The data stays on the server, fetched with
 * those secrets; Export saves it as JSON.
 */
export default function PracticePage() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    document.title = 'My practice · Mockloop';
    const rooms = storage.rooms().slice(0, MAX_ROOMS);
    Promise.allSettled(rooms.map(({ roomId, secret }) => fetchReport(roomId, secret))).then((results) => {
      const reports = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      setState({ status: 'ready', reports, unavailable: results.length - reports.length });
    });
  }, []);

  const rounds = useMemo(() => (state.status === 'ready' ? practiceRounds(state.reports) : []), [state]);
  const trends = useMemo(() => criterionTrends(rounds), [rounds]);

  if (state.status === 'loading') return <FullPageMessage text="Loading your practice…" />;

  function exportJson() {
    const data = { exportedAt: new Date().toISOString(), rounds, trends };
    downloadText(JSON.stringify(data, null, 2), 'mockloop-practice.json', 'application/json');
  }

  return (
    <main className="practice-page">
      <header className="report-header">
        <BrandLink />
        <div className="spacer" />
        <button type="button" className="button" onClick={exportJson} disabled={rounds.length === 0}>
          Export JSON
        </button>
      </header>
      <h1>My practice</h1>
      {rounds.length === 0 ? (
        <div className="empty-state">
          <p>No practice rounds in this browser yet.</p>
          <p className="muted">
            Rooms you take part in from this browser show up here, with their scorecards and your
            self-assessments. <a href={ROUTES.home}>Start a room</a> or <a href="/lobby">find a partner</a>.
          </p>
        </div>
      ) : (
        <p className="muted">
          {count(rounds.length, 'round')} in {count(state.reports.length, 'room')}:{' '}
          {rounds.filter((r) => r.role === 'candidate').length} as candidate,{' '}
          {rounds.filter((r) => r.role === 'interviewer').length} as interviewer.
        </p>
      )}
      {state.unavailable > 0 && (
        <p className="muted small">
          {count(state.unavailable, 'earlier room')} {state.unavailable === 1 ? 'is' : 'are'} no longer on the
          server (rooms go 30 days after their last use).
        </p>
      )}

      {trends.length > 0 && <CriterionTrends trends={trends} />}

      {rounds.length > 0 && (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">Rounds</h2>
          <ol className="practice-rounds">
            {rounds.map((round) => (
              <PracticeRoundItem key={`${round.roomId}-${round.round}`} round={round} />
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}

function PracticeRoundItem({ round }: { round: PracticeRound }) {
  return (
    <li className="card">
      <strong>{round.question ?? 'No question revealed'}</strong>{' '}
      <span className="muted small">
        {dateTime(round.at)} · you were the {round.role}
        {round.partner ? ` with ${round.partner}` : ''}
        {round.recommendation
          ? ` · recommendation: ${RECOMMENDATION_LABELS[round.recommendation as Recommendation]}`
          : ''}
      </span>
      {round.scores.some((s) => s.interviewer !== null || s.self !== null) && (
        <p className="small">
          {round.scores
            .map((s) => `${s.criterion}: ${s.interviewer ?? '—'} (interviewer) / ${s.self ?? '—'} (self)`)
            .join(' · ')}
        </p>
      )}
      <p className="small">
        <a href={`${ROUTES.room(round.roomId)}/report`}>Report</a>
        {round.owes && (
          <>
            {' · '}
            <a href={ROUTES.room(round.roomId)}>Give your feedback</a>
          </>
        )}
      </p>
    </li>
  );
}
