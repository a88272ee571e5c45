import { useEffect, useState } from 'react';

/** A drop shorter than this (a server deploy, a Wi-Fi hop) shows only in the header's status. */
const GRACE_MS = 1500;

/**
 * Says plainly that the room's connection is down and what that means for the person's work:
 * edits stay in this browser (and IndexedDB) and merge when it is back; actions wait for it.
 */
export function OutageBanner({ connected }: { connected: boolean }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (connected) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [connected]);
  if (!shown) return null;
  return (
    <div className="outage-banner" role="alert">
      <strong>Connection lost, reconnecting…</strong> Keep working: your edits stay in this browser and sync
      when the connection is back, and what you click now is sent then. Who is online is not known until then.
    </div>
  );
}
