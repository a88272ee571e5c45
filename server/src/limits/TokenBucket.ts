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

  take(amount = 1): boolean {
    this.refill();
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /** Spends `amount` even beyond what is left (a cost known only afterwards, like CPU time). */
  charge(amount: number): void {
    this.refill();
    this.tokens -= amount;
  }

  /** Whether the bucket is in debt or empty. */
  get exhausted(): boolean {
    this.refill();
    return this.tokens <= 0;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
