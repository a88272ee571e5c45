import { useEffect } from 'react';

/** Tells the room this person is away while the tab is hidden, and back when it shows again. */
export function useAwayWhenHidden(setAway: (away: boolean) => void): void {
  useEffect(() => {
    const onVisibility = () => setAway(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [setAway]);
}
