import type { Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from './addressKey.js';

/** The answer to "may this address do it once more?": yes, or not before `retryAfterMs`. */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A per-IP rate limit over a window (rate-limiter-flexible): node-local memory by default; the
 * same interface over Redis when several nodes must share the count.
 */
export class PerIpLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** `points` per `windowSeconds`, counted in this process. */
  static inMemory(name: string, points: number, windowSeconds: number): PerIpLimiter {
    return new PerIpLimiter(new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds }));
  }

  /** `points` per `windowSeconds`, counted in Redis under `key`: every node shares the count. */
  static redis(client: Redis, key: string, points: number, windowSeconds: number): PerIpLimiter {
    return new PerIpLimiter(
      new RateLimiterRedis({ storeClient: client, keyPrefix: key, points, duration: windowSeconds }),
    );
  }

  /** Counts `points` more for `address` (an IPv6 address counts for its /64: addressKey). */
  async consume(address: string, points = 1): Promise<LimitDecision> {
    try {
      await this.limiter.consume(addressKey(address), points);
      return { allowed: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: err.msBeforeNext };
      throw err;
    }
  }

  /** Whether `key` has any of its window left, without using it; else when it has again. */
  async peek(key: string): Promise<LimitDecision> {
    const res = await this.limiter.get(key);
    if (!res || res.remainingPoints > 0) return { allowed: true };
    return { allowed: false, retryAfterMs: res.msBeforeNext };
  }

  /** Counts `points` against `key` whether or not it has them left (time already spent). */
  async charge(key: string, points: number): Promise<void> {
    if (points > 0) await this.limiter.penalty(key, points);
  }
}
