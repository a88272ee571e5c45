import type { ReviewView, ScorecardInput } from '@mockloop/shared';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { fetchReview, postReviewComment, postReviewScorecard } from '../lib/api';
import { checkName } from '../lib/displayName';
import { storage } from '../lib/storage';
import { NameField } from '../practice/PractiseForm';
import { RoundReplay } from '../replay/RoundReplay';
import { momentText, reviewKeyFromLink } from '../review/reviewLink';
import { FeedbackForm } from '../room/feedback/FeedbackForm';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ReviewView };

/**
 * /r/:roomId/review#key=rv…: a friend reviews one round (P-REVIEW-2..4) in any browser: its
 * replay as the candidate sees it, comments pinned to the replay's moment, and the interviewer's
 * scorecard, once.
 */
export default function ReviewPage({ roomId }: { roomId: string }) {
  const key = useMemo(() => reviewKeyFromLink(window.location.hash), []);
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    document.title = 'Review a round · Mockloop';
    if (!key) return;
    fetchReview(roomId, key).then(
      (view) => setState({ status: 'ready', view }),
      (err: Error) => setState({ status: 'error', message: err.message }),
    );
  }, [roomId, key]);
  if (!key) {
    return (
      <FullPageMessage
        title="This review link is incomplete"
        text="Open the whole link the candidate sent you: its key comes after #key=."
      />
    );
  }
  if (state.status === 'loading') return <FullPageMessage text="Loading the round…" />;
  if (state.status === 'error') {
    return <FullPageMessage title="The review could not be opened" text={state.message} />;
  }
  return (
    <Review
      roomId={roomId}
      reviewKey={key}
      view={state.view}
      onView={(view) => setState({ status: 'ready', view })}
    />
  );
}

function Review({
  roomId,
  reviewKey,
  view,
  onView,
}: {
  roomId: string;
  reviewKey: string;
  view: ReviewView;
  onView: (view: ReviewView) => void;
}) {
  const [name, setName] = useState(storage.name);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const onOffset = useCallback((ms: number) => setOffset(ms), []);
  const reviewer = () => {
    const checked = checkName(name);
    if ('error' in checked) {
      setProblem(checked.error);
      return null;
    }
    storage.setName(checked.name);
    return checked.name;
  };

  async function comment(event: FormEvent) {
    event.preventDefault();
    const by = reviewer();
    if (!by) return;
    try {
      onView(await postReviewComment(roomId, reviewKey, { atMs: Math.round(offset), text, by }));
      setText('');
      setProblem(null);
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  async function scorecard(input: ScorecardInput): Promise<string | null> {
    const by = reviewer();
    if (!by) return 'Your name is needed first.';
    try {
      onView(await postReviewScorecard(roomId, reviewKey, { ...input, by }));
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }

  const comments = [...view.comments].sort((a, b) => a.atMs - b.atMs);
  return (
    <main className="report">
      <header className="home-header">
        <BrandLink />
      </header>
      <h1>
        Review of {view.candidateName}'s round{view.questionTitle ? `: ${view.questionTitle}` : ''}
      </h1>
      <p className="muted">
        Watch the replay, pin comments to its moments, and fill in the interviewer's scorecard.{' '}
        {view.candidateName} sees both in their report.
      </p>
      <section className="card" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        <ol aria-label="Comments on the timeline" className="small">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{momentText(c.atMs)}</strong> {c.text} <span className="muted">({c.by})</span>
            </li>
          ))}
        </ol>
        <form onSubmit={comment} aria-label="Add a comment" noValidate>
          <NameField value={name} onChange={setName} />
          <label htmlFor="review-comment">Comment</label>
          <textarea
            id="review-comment"
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={text.trim() === ''}>
            Comment at {momentText(offset)}
          </button>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </section>
      <section aria-labelledby="scorecard-heading">
        <h2 id="scorecard-heading">The interviewer's scorecard</h2>
        {view.scorecardSubmitted ? (
          <p role="status">The scorecard is in. Thank you.</p>
        ) : (
          <FeedbackForm
            roomId={roomId}
            round={view.round}
            kind="scorecard"
            criteria={view.criteria}
            partnerName={view.candidateName}
            onSubmitScorecard={scorecard}
            onSubmitSelfAssessment={async () => 'Only the candidate assesses themself.'}
          />
        )}
      </section>
      <RoundReplay
        roomId={roomId}
        secret={reviewKey}
        round={view.round}
        roundType={view.roundType}
        language={view.language}
        finalCode=""
        codeTruncated={false}
        linkedSeconds={undefined}
        notesOwner={null}
        onOffset={onOffset}
      />
    </main>
  );
}
