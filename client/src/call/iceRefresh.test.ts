import { describe, expect, it } from 'vitest';
import { ICE_RETRY_MS, iceRefreshDelay } from './iceRefresh';

describe('TURN credential refresh (P-CALL-6)', () => {
  it('P-CALL-6: renews an hour-long credential 5 minutes before it expires, a short one at four fifths of its life', () => {
    const now = 1_000_000;
    expect(iceRefreshDelay(now + 3600_000, now)).toBe(3300_000);
    expect(iceRefreshDelay(now + 600_000, now)).toBe(480_000);
    // Nearly expired or already expired: soon, but never in a tight loop.
    expect(iceRefreshDelay(now + 10_000, now)).toBe(ICE_RETRY_MS);
    expect(iceRefreshDelay(now - 10_000, now)).toBe(ICE_RETRY_MS);
    expect(iceRefreshDelay(null, now)).toBeNull();
  });
});
