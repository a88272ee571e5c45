import { TokenBucket } from '../common/TokenBucket.js';

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

/** The bytes one person may send, whatever their connections: one bucket the size of one connection's. */
export function personBytes(limits: DocBudgetLimits = DEFAULT_DOC_BUDGET): TokenBucket {
  return new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
}

/**
 * One connection's budget: messages, bytes and apply time (P-DOC-9), and the bytes of the person
 * it speaks for across all their connections (`person`, shared by them): six tabs send what one
 * may, not six times as much.
 */
export class DocBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly applyMs: TokenBucket;

  constructor(
    limits: DocBudgetLimits = DEFAULT_DOC_BUDGET,
    private readonly person?: TokenBucket,
  ) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
    this.applyMs = new TokenBucket(limits.applyMsBurst, limits.applyMsPerSecond);
  }

  /** Spends one message of `size` bytes; false when the connection or its person is over budget. */
  admit(size: number): boolean {
    const now = performance.now();
    return (
      !this.applyMs.exhausted(now) &&
      this.messages.take(1, now) &&
      this.bytes.take(size, now) &&
      (this.person?.take(size, now) ?? true)
    );
  }

  /** Charges time spent applying an update (known only afterwards). */
  charge(ms: number): void {
    this.applyMs.charge(ms);
  }
}
