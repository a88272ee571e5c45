import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/Store.js';

export interface DocTokenClaims {
  roomId: string;
  participantId: string;
  docName: string;
}

const KEY_META = 'doc-token-key';

/**
 * Signs and checks document tokens: HMAC-SHA256 over (room, participant, document). The key lives
 * in the store so tokens stay valid across a restart and browsers reconnect without re-joining.
 * A token grants nothing by itself: the upgrade handler still looks the participant up (P-DOC-2).
 */
export class DocTokens {
  private constructor(private readonly key: Buffer) {}

  /** Uses `secret` when given, else the store's key, creating one on first start. */
  static async load(store: Store, secret?: string): Promise<DocTokens> {
    if (secret) return new DocTokens(Buffer.from(secret, 'utf8'));
    let key = await store.getMeta(KEY_META);
    if (!key) {
      key = randomBytes(32).toString('base64url');
      await store.setMeta(KEY_META, key);
    }
    return new DocTokens(Buffer.from(key, 'base64url'));
  }

  sign(claims: DocTokenClaims): string {
    const payload = Buffer.from(
      JSON.stringify([claims.roomId, claims.participantId, claims.docName]),
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a well-formed, correctly signed token; null otherwise. */
  verify(token: string): DocTokenClaims | null {
    if (token.length > 512) return null;
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((x) => typeof x === 'string')) {
        return null;
      }
      const [roomId, participantId, docName] = parsed as [string, string, string];
      return { roomId, participantId, docName };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
