import { ROUND_TYPE_LABELS, ROUTES, type SharedQuestion } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { MyQuestionsHeader } from '../myQuestions/MyQuestionsHeader';
import { myQuestionsApi } from '../myQuestions/myQuestionsApi';
import { FullPageMessage } from '../ui/FullPageMessage';

/**
 * /shared-questions/:shareKey: a question another interviewer shared. It carries the private
 * parts (and says so); "Copy to My questions" makes this browser's own copy.
 */
export default function SharedQuestionPage({ shareKey }: { shareKey: string }) {
  const [shared, setShared] = useState<SharedQuestion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);

  useEffect(() => {
    document.title = 'A shared question · Mockloop';
    myQuestionsApi.shared(shareKey).then(setShared, (err: Error) => setError(err.message));
  }, [shareKey]);

  if (!shared) return <FullPageMessage text={error ?? 'Loading the shared question…'} />;
  const q = shared.question;

  async function copy() {
    setCopying(true);
    try {
      const entry = await myQuestionsApi.copy(shareKey);
      window.location.assign(ROUTES.myQuestion(entry.key));
    } catch (err) {
      setError((err as Error).message);
      setCopying(false);
    }
  }

  return (
    <main className="shared-question-page">
      <MyQuestionsHeader />
      <h1>{q.title}</h1>
      <p className="muted">
        {ROUND_TYPE_LABELS[q.roundType]} · {q.difficulty} · {q.interviewer.rubric.length} rubric criteria ·{' '}
        {q.interviewer.hints.length} hints{q.tests ? ` · ${q.tests.length} tests` : ''}
      </p>
      <p className="warning" role="note">
        {shared.notice}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" className="button primary" disabled={copying} onClick={copy}>
        {copying ? 'Copying…' : 'Copy to My questions'}
      </button>
    </main>
  );
}
