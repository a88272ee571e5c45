import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MetaStore } from '../store/MetaStore.js';

const KEY_META = 'report-key';
const KEY_PATTERN = /^rk\.([A-Za-z0-9_-]{8,32})\.([A-Za-z0-9_-]{43})$/;

/**
 * Read-only report keys (P-PRIV-6): `rk.<participant id>.<HMAC over room and participant>`. A
 * key opens one person's report (and the replay and images it shows) as that person sees it, in
 * any browser, and nothing else: not the seat, the documents or the brief. Derived, not stored,
 * so it never expires and needs no table; the signing key lives in the store like the document
 * tokens' (`tokenSecret` replaces both).
 */
export class ReportKeys {
  private constructor(private readonly key: Buffer) {}

  static async load(store: MetaStore, secret?: string): Promise<ReportKeys> {
    if (secret) return new ReportKeys(Buffer.from(`report|${secret}`, 'utf8'));
    const key = await store.getOrCreateMeta(KEY_META, randomBytes(32).toString('base64url'));
    return new ReportKeys(Buffer.from(key, 'base64url'));
  }

  keyFor(roomId: string, participantId: string): string {
    return `rk.${participantId}.${this.mac(roomId, participantId)}`;
  }

  /** The participant id a well-formed key of this room names, or null. */
  verify(roomId: string, key: string): string | null {
    const match = KEY_PATTERN.exec(key);
    if (!match) return null;
    const [, participantId, mac] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.mac(roomId, participantId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? participantId : null;
  }

  private mac(roomId: string, participantId: string): string {
    return createHmac('sha256', this.key).update(`report|${roomId}|${participantId}`).digest('base64url');
  }
}
