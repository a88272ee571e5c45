import type { ReviewView } from '@mockloop/shared';
import { type FormEvent, useState } from 'react';
import { NameField } from '../practice/PractiseForm';
import { momentText } from './reviewLink';

/**
 * The review's comments, oldest moment first, and the form that pins one to the replay's moment.
 * `onComment` resolves true once the comment is in (then its text is cleared); the reviewer's
 * name and the problem shown are the page's, as the scorecard uses them too.
 */
export function ReviewComments({
  comments,
  offset,
  name,
  onName,
  problem,
  onComment,
}: {
  comments: ReviewView['comments'];
  offset: number;
  name: string;
  onName: (name: string) => void;
  problem: string | null;
  onComment: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  async function comment(event: FormEvent) {
    event.preventDefault();
    if (await onComment(text)) setText('');
  }
  const sorted = [...comments].sort((a, b) => a.atMs - b.atMs);
  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <ol aria-label="Comments on the timeline" className="small">
        {sorted.map((c) => (
          <li key={c.id}>
            <strong>{momentText(c.atMs)}</strong> {c.text} <span className="muted">({c.by})</span>
          </li>
        ))}
      </ol>
      <form onSubmit={comment} aria-label="Add a comment" noValidate>
        <NameField value={name} onChange={onName} />
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
  );
}
