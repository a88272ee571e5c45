import { ROUTES } from '@mockloop/shared';
import { useEffect, useState } from 'react';

/**
 * Copies the room's invite link (shown beside it when asked, and whenever the clipboard is
 * unavailable). One per screen: its accessible name, `Copy invite link`, is what people and
 * tests look for.
 */
export function InviteButton({ roomId, showUrl = false }: { roomId: string; showUrl?: boolean }) {
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
      {(showUrl || state === 'manual') && (
        <input
          className="invite-url"
          readOnly
          value={url}
          aria-label="Invite link"
          onFocus={(e) => e.currentTarget.select()}
          // biome-ignore lint/a11y/noAutofocus: the user just asked for the link and the clipboard failed
          autoFocus={state === 'manual'}
        />
      )}
      <button
        type="button"
        className={showUrl ? 'button primary' : 'button'}
        onClick={copy}
        aria-label="Copy invite link"
      >
        {state === 'copied' ? 'Copied ✓' : 'Copy invite link'}
      </button>
    </div>
  );
}
