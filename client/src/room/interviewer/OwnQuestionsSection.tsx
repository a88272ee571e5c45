import { type OwnQuestionSummary, ROUND_TYPE_LABELS, ROUTES } from '@mockloop/shared';
import { useId } from 'react';
import { QuestionRow } from './QuestionRow';

/** The question browser's "My questions": links to write and manage them, and the ones the filters let through. */
export function OwnQuestionsSection({
  own,
  ownError,
  shown,
  selectedId,
  locked,
  seenMark,
  onReload,
  onPick,
}: {
  own: OwnQuestionSummary[] | null;
  ownError: string | null;
  shown: OwnQuestionSummary[];
  selectedId: string | null;
  locked: boolean;
  seenMark: (id: string) => string;
  onReload: () => void;
  onPick: (questionId: string) => void;
}) {
  const headingId = useId();
  return (
    <section className="browser-own" aria-labelledby={headingId}>
      <div className="editor-actions">
        <h4 id={headingId}>My questions</h4>
        <a className="button small-button" href={ROUTES.myQuestion('new')} target="_blank" rel="noreferrer">
          Write a question
        </a>
        <a className="button small-button" href={ROUTES.myQuestions} target="_blank" rel="noreferrer">
          Open My questions
        </a>
        <button type="button" className="button small-button" onClick={onReload}>
          Refresh my questions
        </button>
      </div>
      {ownError && <p className="error small">Could not load your questions: {ownError}</p>}
      {own && own.length === 0 && (
        <p className="muted small">None yet: write one (it opens in a new tab), then refresh.</p>
      )}
      {shown.length > 0 && (
        <ul className="question-list" aria-label="My questions">
          {shown.map((q) => (
            <QuestionRow
              key={q.id}
              title={q.title}
              picked={q.id === selectedId}
              locked={locked}
              onPick={() => onPick(q.id)}
              details={`${ROUND_TYPE_LABELS[q.roundType]} · ${q.difficulty} · yours${seenMark(q.id)}`}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
