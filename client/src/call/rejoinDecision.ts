/** What a room page does about a call this tab was in when it last showed the room. */
export type RejoinDecision = 'rejoin' | 'ask' | 'none';

/** How this document was loaded: the Navigation Timing entry's type and the path it loaded. */
export interface PageLoad {
  type: string;
  path: string;
}

/**
 * A refresh of the room during a call joins it again by itself (the person never chose to leave);
 * any later visit (back from the report, a link, Back) only offers it, so a camera and a
 * microphone never come on without a click.
 */
export function rejoinDecision(wasInCall: boolean, load: PageLoad | null, roomPath: string): RejoinDecision {
  if (!wasInCall) return 'none';
  return load?.type === 'reload' && load.path === roomPath ? 'rejoin' : 'ask';
}

/** This document's load, from Navigation Timing; null where the browser has none. */
export function currentPageLoad(): PageLoad | null {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!entry) return null;
  try {
    return { type: entry.type, path: new URL(entry.name).pathname };
  } catch {
    return null;
  }
}

/** Said in the call bar instead of switching camera and microphone on by themselves. */
export const REJOIN_OFFER = 'You were in the call when you left this room. Join call to talk again.';
