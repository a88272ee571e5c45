interface RowProps {
  title: string;
  /** Round type, difficulty, length or owner, and whether the candidate has seen it. */
  details: string;
  tags?: string[];
  picked: boolean;
  /** Picking is off (the round has ended, or a pick is on its way). */
  locked: boolean;
  onPick(): void;
}

/** One question of the browser, the bank's or one of My questions, with its Pick button. */
export function QuestionRow({ title, details, tags, picked, locked, onPick }: RowProps) {
  return (
    <li className={picked ? 'selected' : undefined}>
      <div className="question-list-main">
        <strong>{title}</strong>
        <span className="muted small">{details}</span>
        {tags && <span className="small tags-line">{tags.map((t) => `#${t}`).join(' ')}</span>}
      </div>
      <button
        type="button"
        className="button small-button"
        disabled={locked || picked}
        aria-label={`Pick ${title}`}
        onClick={onPick}
      >
        {picked ? 'Picked' : 'Pick'}
      </button>
    </li>
  );
}
