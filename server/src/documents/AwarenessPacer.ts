import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/** How long awareness changes are held and coalesced before they are broadcast. */
export interface AwarenessPace {
  readonly intervalMs: number;
}

export interface AwarenessPacerOptions {
  /** The interval while the server has time to spare: cursors move 20 times a second. */
  minMs?: number;
  /** The longest interval under load: cursors still move 5 times a second. */
  maxMs?: number;
  /** How often the event loop's utilisation is read. */
  sampleMs?: number;
  /** Reads the utilisation since the previous call, 0..1 (tests inject one). */
  utilization?: () => number;
}

/** Above this event-loop utilisation the interval grows; below `EASE_BELOW` it shrinks. */
const BUSY_ABOVE = 0.9;
const EASE_BELOW = 0.75;
const STEP = 1.5;

/**
 * Presence gives way under load, keystrokes never do. Every cursor change a client hears makes
 * the y-websocket client echo it back, so each awareness frame the server sends costs it a frame
 * in as well: most of the messages of a busy server are presence. When the event loop is busy,
 * the interval grows step by step (cursors move less often); when it has time again, it shrinks
 * back. Document updates are never held: they are relayed the moment they arrive.
 */
export class AwarenessPacer implements AwarenessPace {
  intervalMs: number;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly utilization: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(options: AwarenessPacerOptions = {}) {
    this.minMs = options.minMs ?? 50;
    this.maxMs = options.maxMs ?? 200;
    this.intervalMs = this.minMs;
    this.utilization = options.utilization ?? loopUtilization();
    this.timer = setInterval(() => this.sample(), options.sampleMs ?? 500);
    this.timer.unref();
  }

  /** Reads the utilisation and moves the interval one step if the loop is busy or idle enough. */
  sample(): void {
    const busy = this.utilization();
    if (busy > BUSY_ABOVE) this.intervalMs = Math.min(this.maxMs, Math.round(this.intervalMs * STEP));
    else if (busy < EASE_BELOW) this.intervalMs = Math.max(this.minMs, Math.round(this.intervalMs / STEP));
  }

  close(): void {
    clearInterval(this.timer);
  }
}

/** The event loop's utilisation since the previous call (the share of time it was not idle). */
function loopUtilization(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return utilization;
  };
}
