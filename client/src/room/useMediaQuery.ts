import { useSyncExternalStore } from 'react';

/** The width under which the room is one column that scrolls as a page (see styles.css). */
export const PHONE = '(max-width: 720px)';

/** Whether a media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    () => window.matchMedia(query).matches,
  );
}
