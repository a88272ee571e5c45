import { useEffect, useState } from 'react';
import { listOf } from './offline/queuedActions';

/** A drop shorter than this (a server deploy, a Wi-Fi hop) shows only in the header's status. */
const GRACE_MS = 1500;
/** How long the room says that an action clicked offline was not sent, unless dismissed first. */
const NOT_SENT_SHOWN_MS = 30_000;

interface Props {
  connected: boolean;
  /** Actions clicked during the outage, in words ("the hint"): they go once it is back. */
  waiting: string[];
  /** Actions that waited and could not go (the round moved on meanwhile), as sentences. */
  notSent: string[];
  onDismissNotSent(): void;
}

/**
 * Says plainly that the room's connection is down and what that means for the person's work:
 * edits stay in this browser (and IndexedDB) and merge when it is back; what they click waits
 * for it and goes then (named here), unless the round has moved on by then, which it says after.
 */
export function OutageBanner({ connected, waiting, notSent, onDismissNotSent }: Props) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (connected) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [connected]);
  useEffect(() => {
    if (notSent.length === 0) return;
    const timer = setTimeout(onDismissNotSent, NOT_SENT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notSent, onDismissNotSent]);
  return (
    <>
      {(shown || (!connected && waiting.length > 0)) && (
        <div className="outage-banner" role="alert">
          <strong>Connection lost, reconnecting…</strong> Keep working: your edits stay in this browser and
          sync when the connection is back, and what you click now is sent then (unless the round is over by
          then). Who is online is not known until then.
          {waiting.length > 0 && <span className="outage-waiting"> Waiting to send: {listOf(waiting)}.</span>}
        </div>
      )}
      {connected && notSent.length > 0 && (
        <div className="outage-banner not-sent" role="status">
          {notSent.map((text) => (
            <span key={text}>{text} </span>
          ))}
          <button type="button" className="button small-button" onClick={onDismissNotSent}>
            OK
          </button>
        </div>
      )}
    </>
  );
}
