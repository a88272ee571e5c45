import { describe, expect, it } from 'vitest';
import { IDLE, MAX_LIVE_OUTPUT, withOutput } from './runState';

describe('run state', () => {
  it('appends streamed output until the cap, then keeps what it has', () => {
    const once = withOutput(IDLE, 'a');
    expect(once.live).toBe('a');
    const full = { ...IDLE, live: 'x'.repeat(MAX_LIVE_OUTPUT) };
    expect(withOutput(full, 'more').live).toBe(full.live);
  });
});
