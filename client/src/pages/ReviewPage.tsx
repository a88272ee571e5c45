import type { ReviewView, ScorecardInput } from '@mockloop/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchReview, postReviewComment, postReviewScorecard } from '../lib/api';
import { checkName } from '../lib/displayName';
import { storage } from '../lib/storage';
import { RoundReplay } from '../replay/RoundReplay';
import { ReviewComments } from '../review/ReviewComments';
import { ReviewScorecard } from '../review/ReviewScorecard';
import { reviewKeyFromLink } from '../review/reviewLink';
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

  async function comment(text: string): Promise<boolean> {
    const by = reviewer();
    if (!by) return false;
    try {
      onView(await postReviewComment(roomId, reviewKey, { atMs: Math.round(offset), text, by }));
      setProblem(null);
      return true;
    } catch (err) {
      setProblem((err as Error).message);
      return false;
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
      <ReviewComments
        comments={view.comments}
        offset={offset}
        name={name}
        onName={setName}
        problem={problem}
        onComment={comment}
      />
      <ReviewScorecard roomId={roomId} view={view} onSubmit={scorecard} />
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
        comments={view.comments}
      />
    </main>
  );
}
