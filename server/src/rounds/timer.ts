import type { TimerCommand } from '@mockloop/shared';
import type { TimerRecord } from '../store/Store.js';

/**
 * The round clock as pure state transitions (P-TIME-1). Nothing ticks on the server: a running
 * timer is just its `endsAt`, so a restart, a refresh or a second client all read the same time.
 */
export function remainingMs(timer: TimerRecord, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function applyTimerCommand(timer: TimerRecord, command: TimerCommand, now: number): TimerRecord {
  switch (command.action) {
    case 'start':
      if (timer.endsAt !== null) return timer;
      return { ...timer, endsAt: now + timer.remainingMs };
    case 'pause':
      if (timer.endsAt === null) return timer;
      return { ...timer, endsAt: null, remainingMs: remainingMs(timer, now) };
    case 'add': {
      const delta = command.minutes * 60_000;
      const left = Math.max(0, remainingMs(timer, now) + delta);
      const durationMs = Math.max(0, timer.durationMs + delta);
      return timer.endsAt === null
        ? { durationMs, endsAt: null, remainingMs: left }
        : { durationMs, endsAt: now + left, remainingMs: left };
    }
    case 'reset':
      return { durationMs: timer.durationMs, endsAt: null, remainingMs: timer.durationMs };
  }
}

/** A stopped timer of `minutes`. */
export function freshTimer(minutes: number): TimerRecord {
  return { durationMs: minutes * 60_000, endsAt: null, remainingMs: minutes * 60_000 };
}

/** True when nobody has touched the clock yet (so a question may set its own duration). */
export function untouched(timer: TimerRecord): boolean {
  return timer.endsAt === null && timer.remainingMs === timer.durationMs;
}
