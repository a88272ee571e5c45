import { useEffect, useRef, useState } from 'react';
import { useAction } from '../lib/useAction';

/** Ends the round after a confirmation step: ending stops the clock and opens feedback. */
export function EndInterviewButton({ onEnd }: { onEnd(): Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const end = useAction(onEnd);
  // The button that was pressed is replaced: focus goes to the question it asks.
  const endNow = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) endNow.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        End interview
      </button>
    );
  }
  return (
    <span className="confirm-end">
      <span className="small">End this round for both of you?</span>
      <button
        type="button"
        className="button danger small-button"
        ref={endNow}
        disabled={end.busy}
        onClick={() => end.run()}
      >
        End now
      </button>
      <button type="button" className="button small-button" onClick={() => setConfirming(false)}>
        Keep going
      </button>
      {end.error && <span className="error small">{end.error}</span>}
    </span>
  );
}
