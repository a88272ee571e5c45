import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MetaStore } from '../store/MetaStore.js';

const KEY_META = 'review-key';
const KEY_PATTERN = /^rv\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** Whether a bearer credential has the shape of a review key (so routes can tell it from a secret). */
export function looksLikeReviewKey(credential: string): boolean {
  return KEY_PATTERN.test(credential);
}

/**
 * Review keys (P-REVIEW-1): `rv.<review id>.<HMAC over room and review>`. The MAC makes a key
 * unforgeable; the review's row makes it revocable (a revoked review opens nothing, whatever its
 * MAC). Signed with a key of their own, kept in the store like the report keys'.
 */
export class ReviewKeys {
  private constructor(private readonly key: Buffer) {}

  static async load(store: MetaStore, secret?: string): Promise<ReviewKeys> {
    if (secret) return new ReviewKeys(Buffer.from(`review|${secret}`, 'utf8'));
    const key = await store.getOrCreateMeta(KEY_META, randomBytes(32).toString('base64url'));
    return new ReviewKeys(Buffer.from(key, 'base64url'));
  }

  static newReviewId(): string {
    return randomBytes(16).toString('base64url');
  }

  keyFor(roomId: string, reviewId: string): string {
    return `rv.${reviewId}.${this.mac(roomId, reviewId)}`;
  }

  /** The review id a well-formed key of this room names, or null. */
  verify(roomId: string, key: string): string | null {
    const match = KEY_PATTERN.exec(key);
    if (!match) return null;
    const [, reviewId, mac] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.mac(roomId, reviewId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? reviewId : null;
  }

  private mac(roomId: string, reviewId: string): string {
    return createHmac('sha256', this.key).update(`review|${roomId}|${reviewId}`).digest('base64url');
  }
}
