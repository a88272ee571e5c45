/** The soonest a refresh is tried, and the wait before trying again after a failed one. */
export const ICE_RETRY_MS = 30_000;
/** How long before expiry credentials are renewed, at most (a fifth of their life when shorter). */
const RENEW_AHEAD_MS = 5 * 60_000;

/**
 * How long to wait before asking for fresh TURN credentials that expire at `expiresAt`, so the new
 * ones are in place (and the links restarted onto them) well before the old stop working; null
 * when nothing expires (no TURN).
 */
export function iceRefreshDelay(expiresAt: number | null, now: number): number | null {
  if (expiresAt === null) return null;
  const left = expiresAt - now;
  return Math.max(ICE_RETRY_MS, left - Math.min(RENEW_AHEAD_MS, left / 5));
}
