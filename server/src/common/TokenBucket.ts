/**
 * A token bucket: holds up to `capacity` tokens and gains `perSecond` a second. `take` spends
 * tokens when there are enough and says whether there were. Synchronous and allocation-free, for
 * budgets that are checked on every frame of one connection (per-IP limits shared across nodes use
 * rate-limiter-flexible instead, see RateLimits).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.last = this.now();
  }

  /** `now` lets a caller that checks several buckets read the clock once. */
  take(amount = 1, now = this.now()): boolean {
    this.refill(now);
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /** Spends `amount` even beyond what is left (a cost known only afterwards, like CPU time). */
  charge(amount: number, now = this.now()): void {
    this.refill(now);
    this.tokens -= amount;
  }

  /** Whether the bucket is in debt or empty. */
  exhausted(now = this.now()): boolean {
    this.refill(now);
    return this.tokens <= 0;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
