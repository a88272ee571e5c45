import { TokenBucket } from '../limits/TokenBucket.js';

/** What one document connection may send, sustained and in a burst. */
export interface DocBudgetLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  /** Server time spent applying this connection's updates, in ms per second of wall time. */
  applyMsPerSecond: number;
  applyMsBurst: number;
}

/**
 * Generous for a person: typing at 20 keys a second with cursors moving 30 times a second is
 * 50 messages; a sync step 2 after an hour offline or an 8 MiB board's first sync (in fragments,
 * P-DOC-12) fits the burst.
 */
export const DEFAULT_DOC_BUDGET: DocBudgetLimits = {
  messagesPerSecond: 100,
  messageBurst: 400,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 16 * 1024 * 1024,
  applyMsPerSecond: 100,
  applyMsBurst: 1000,
};

/** One connection's budget: messages, bytes and apply time (P-DOC-9). */
export class DocBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly applyMs: TokenBucket;

  constructor(limits: DocBudgetLimits = DEFAULT_DOC_BUDGET) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
    this.applyMs = new TokenBucket(limits.applyMsBurst, limits.applyMsPerSecond);
  }

  /** Spends one message of `size` bytes; false when the connection is over budget. */
  admit(size: number): boolean {
    const now = performance.now();
    return !this.applyMs.exhausted(now) && this.messages.take(1, now) && this.bytes.take(size, now);
  }

  /** Charges time spent applying an update (known only afterwards). */
  charge(ms: number): void {
    this.applyMs.charge(ms);
  }
}
