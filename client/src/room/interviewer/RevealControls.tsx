import type { InterviewerBrief, InterviewerQuestion } from '@mockloop/shared';
import { useEffect, useRef } from 'react';
import { useAction } from '../../lib/useAction';
import type { RoomActions } from '../session/RoomActions';
import { revealButtonLabel } from './revealButtonLabel';

interface Props {
  brief: InterviewerBrief;
  selected: InterviewerQuestion;
  actions: RoomActions;
  ended: boolean;
  focusReveal: boolean;
  onRevealFocused?: () => void;
}

/** Revealing the question (whole, or the prompt first) and its hints, one by one. */
export function RevealControls({ brief, selected, actions, ended, focusReveal, onRevealFocused }: Props) {
  const reveal = useAction(actions.revealQuestion);
  const hint = useAction(actions.revealHint);
  const revealButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusReveal || !revealButton.current) return;
    revealButton.current.focus();
    onRevealFocused?.();
  }, [focusReveal, onRevealFocused]);
  const hintsLeft = selected.hints.length - brief.hintsRevealed;
  return (
    <>
      <div className="brief-actions">
        <button
          type="button"
          className="button primary"
          ref={revealButton}
          disabled={brief.detailsRevealed || ended || reveal.busy}
          onClick={() => reveal.run()}
        >
          {revealButtonLabel(brief)}
        </button>
        {/* A coding question can go in steps: the prompt to talk through, then its signature. */}
        {selected.question.coding && !brief.revealed && !ended && (
          <button
            type="button"
            className="button"
            disabled={reveal.busy}
            onClick={() => reveal.run('prompt')}
          >
            Reveal the prompt first
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!brief.revealed || hintsLeft <= 0 || ended || hint.busy}
          onClick={() => hint.run()}
        >
          Reveal hint
        </button>
        <span className="muted small">
          {brief.hintsRevealed}/{selected.hints.length} hints shown
          {ended && ' · the round has ended'}
        </span>
      </div>
      {(reveal.error || hint.error) && (
        <p role="alert" className="error small">
          {reveal.error ?? hint.error}
        </p>
      )}
    </>
  );
}
