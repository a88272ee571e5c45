/** Review links carry their key in the fragment, like report links: never in a log or a Referer. */
const KEY_IN_FRAGMENT = /^#key=(rv\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})$/;

export function reviewLink(origin: string, roomId: string, key: string): string {
  return `${origin}/r/${encodeURIComponent(roomId)}/review#key=${key}`;
}

/** The review key of a review link (`#key=rv...`), or null. */
export function reviewKeyFromLink(hash: string): string | null {
  return KEY_IN_FRAGMENT.exec(hash)?.[1] ?? null;
}

/** "1:05": a moment of the round, from ms after its start. */
export function momentText(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
