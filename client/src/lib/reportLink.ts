/** Report links carry the key in the fragment: it never reaches a server log or a Referer. */
const KEY_IN_FRAGMENT = /^#key=(rk\.[A-Za-z0-9_-]{8,32}\.[A-Za-z0-9_-]{43})$/;

export function reportLink(origin: string, roomId: string, key: string): string {
  return `${origin}/r/${encodeURIComponent(roomId)}/report#key=${key}`;
}

/** The read-only key of a report link (`#key=rk...`), or null. */
export function reportKeyFromLink(hash: string): string | null {
  return KEY_IN_FRAGMENT.exec(hash)?.[1] ?? null;
}
