import { useId } from 'react';

interface Props {
  label: string;
  detail?: string;
  max: number;
  value: number | null;
  onChange(value: number): void;
  /** Describes each level, for the rubric's 1-4. */
  levels?: Record<number, string>;
  comment?: string;
  onComment?(text: string): void;
}

/** One rating: radio buttons 1..max (keyboard friendly), an optional description per level and a comment. */
export function RatingField({ label, detail, max, value, onChange, levels, comment, onComment }: Props) {
  const name = useId();
  const commentId = useId();
  return (
    <fieldset className="rating">
      <legend>{label}</legend>
      {detail && <p className="muted small">{detail}</p>}
      <div className="rating-options">
        {Array.from({ length: max }, (_, i) => i + 1).map((level) => (
          <label key={level} className={value === level ? 'selected' : undefined}>
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
              aria-describedby={levels?.[level] ? `${name}-level-${level}` : undefined}
              required
            />
            {level}
          </label>
        ))}
      </div>
      {/* What each score means, in view while scoring (not only in the brief). */}
      {levels && (
        <ol className="levels small">
          {Array.from({ length: max }, (_, i) => i + 1)
            .filter((level) => levels[level])
            .map((level) => (
              <li
                key={level}
                id={`${name}-level-${level}`}
                className={value === level ? 'chosen' : undefined}
              >
                <strong>{level}</strong> {levels[level]}
              </li>
            ))}
        </ol>
      )}
      {onComment && (
        <>
          <label htmlFor={commentId} className="visually-hidden">
            Comment on {label}
          </label>
          <textarea
            id={commentId}
            rows={2}
            placeholder="Comment (optional)"
            value={comment ?? ''}
            maxLength={4000}
            onChange={(e) => onComment(e.target.value)}
          />
        </>
      )}
    </fieldset>
  );
}
