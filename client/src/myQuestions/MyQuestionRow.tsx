import { type OwnQuestionList, ROUND_TYPE_LABELS, ROUTES } from '@mockloop/shared';

type OwnQuestionSummary = OwnQuestionList['questions'][number];

/** One of My questions in the list, with its edit, export, share and delete actions. */
export function MyQuestionRow({
  question: q,
  onExport,
  onShare,
  onDelete,
}: {
  question: OwnQuestionSummary;
  onExport: () => void;
  onShare: () => void;
  onDelete: () => void;
}) {
  return (
    <li>
      <div className="question-list-main">
        <strong>{q.title}</strong>
        <span className="muted small">
          {ROUND_TYPE_LABELS[q.roundType]} · {q.difficulty}
          {q.shareKey ? ' · shared' : ''}
        </span>
      </div>
      <div className="row-actions">
        <a className="button small-button" href={ROUTES.myQuestion(q.key)} aria-label={`Edit ${q.title}`}>
          Edit
        </a>
        <button
          type="button"
          className="button small-button"
          aria-label={`Export ${q.title}`}
          onClick={onExport}
        >
          Export
        </button>
        <button
          type="button"
          className="button small-button"
          aria-label={`Share ${q.title}`}
          onClick={onShare}
        >
          Share
        </button>
        <button
          type="button"
          className="button small-button danger"
          aria-label={`Delete ${q.title}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
