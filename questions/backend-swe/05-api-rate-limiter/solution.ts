/**
 * Reference solution: a token bucket per client over timestamped requests. Interviewer-only.
 * Tokens are counted in thousandths so refill is exact integer arithmetic (no float drift).
 */

const MILLI = 1000; // thousandths of a token in one token; also milliseconds in one second

type Bucket = { milliTokens: number; updatedAt: number };

export function allowRequests(
  requests: Array<[number, string]>,
  capacity: number,
  refillPerSecond: number,
): boolean[] {
  const full = capacity * MILLI;
  const buckets = new Map<string, Bucket>();
  const decisions: boolean[] = [];

  for (const [timestamp, client] of requests) {
    let bucket = buckets.get(client);
    if (!bucket) {
      bucket = { milliTokens: full, updatedAt: timestamp }; // a new client starts full
      buckets.set(client, bucket);
    } else {
      // At most 10^9 ms times 10^6 per second: below 2^53, so the product stays exact.
      const refilled = bucket.milliTokens + (timestamp - bucket.updatedAt) * refillPerSecond;
      bucket.milliTokens = Math.min(full, refilled);
      bucket.updatedAt = timestamp;
    }
    const allowed = bucket.milliTokens >= MILLI;
    if (allowed) bucket.milliTokens -= MILLI; // a refused request takes nothing
    decisions.push(allowed);
  }
  return decisions;
}
