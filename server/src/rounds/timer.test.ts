import { describe, expect, it } from 'vitest';
import { applyTimerCommand, freshTimer, remainingMs } from './timer.js';

describe('round timer (P-TIME-1)', () => {
  it('runs as an end time, pauses to a remainder and resumes from it', () => {
    let t = freshTimer(45);
    t = applyTimerCommand(t, { action: 'start' }, 1_000);
    expect(t.endsAt).toBe(1_000 + 45 * 60_000);
    expect(remainingMs(t, 61_000)).toBe(44 * 60_000);
    t = applyTimerCommand(t, { action: 'pause' }, 61_000);
    expect(t).toMatchObject({ endsAt: null, remainingMs: 44 * 60_000 });
    expect(remainingMs(t, 10_000_000)).toBe(44 * 60_000);
    t = applyTimerCommand(t, { action: 'start' }, 100_000);
    expect(t.endsAt).toBe(100_000 + 44 * 60_000);
  });

  it('adds and removes minutes whether running or paused, never below zero', () => {
    let t = applyTimerCommand(freshTimer(10), { action: 'start' }, 0);
    t = applyTimerCommand(t, { action: 'add', minutes: 5 }, 60_000);
    expect(remainingMs(t, 60_000)).toBe(14 * 60_000);
    expect(t.durationMs).toBe(15 * 60_000);
    t = applyTimerCommand(t, { action: 'add', minutes: -60 }, 60_000);
    expect(remainingMs(t, 60_000)).toBe(0);
    const paused = applyTimerCommand(freshTimer(10), { action: 'add', minutes: 2 }, 0);
    expect(paused).toEqual({ durationMs: 12 * 60_000, endsAt: null, remainingMs: 12 * 60_000 });
  });

  it('resets to the full duration, stopped; starting twice changes nothing', () => {
    const running = applyTimerCommand(freshTimer(20), { action: 'start' }, 5);
    expect(applyTimerCommand(running, { action: 'start' }, 99_999)).toBe(running);
    expect(applyTimerCommand(running, { action: 'reset' }, 10_000)).toEqual(freshTimer(20));
    expect(remainingMs(running, 10 ** 12)).toBe(0);
  });
});
