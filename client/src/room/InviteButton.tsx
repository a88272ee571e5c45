import { ROUTES } from '@mockloop/shared';
import { useEffect, useState } from 'react';

/** Copies the room's invite link; falls back to showing it when the clipboard is unavailable. */
export function InviteButton({ roomId }: { roomId: string }) {
  const url = `${window.location.origin}${ROUTES.room(roomId)}`;
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  }

  return (
    <div className="invite">
      <button type="button" className="button" onClick={copy} aria-label="Copy invite link">
        {state === 'copied' ? 'Copied ✓' : 'Invite link'}
      </button>
      {state === 'manual' && (
        <input
          className="invite-url"
          readOnly
          value={url}
          aria-label="Invite link"
          onFocus={(e) => e.currentTarget.select()}
          // biome-ignore lint/a11y/noAutofocus: the user just asked for the link
          autoFocus
        />
      )}
    </div>
  );
}
