import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DOC_TOKEN_TTL_MS } from '@mockloop/shared';
import type { MetaStore } from '../store/MetaStore.js';

export interface DocTokenClaims {
  roomId: string;
  participantId: string;
  docName: string;
  /** The only awareness client id the connection may speak for (P-ID-3). */
  clientId: number;
  /** ms since the epoch after which the token opens no connection (P-DOC-11). */
  expiresAt: number;
}

/** What a token check found: the claims, and whether they have expired. */
export type Verified = { claims: DocTokenClaims; expired: boolean } | null;

const KEY_META = 'doc-token-key';

/**
 * Signs and checks document tokens: HMAC-SHA256 over (room, participant, document, client id,
 * expiry). The key lives in the store so tokens stay valid across a restart and browsers
 * reconnect without re-joining. A token grants nothing by itself: the upgrade handler still looks
 * the participant and the seat up (P-DOC-2).
 */
export class DocTokens {
  private constructor(
    private readonly key: Buffer,
    private readonly now: () => number,
    readonly ttlMs: number,
  ) {}

  /** Uses `secret` when given, else the store's key, creating one on first start. */
  static async load(
    store: MetaStore,
    secret?: string,
    options: { now?: () => number; ttlMs?: number } = {},
  ): Promise<DocTokens> {
    const now = options.now ?? Date.now;
    const ttl = options.ttlMs ?? DOC_TOKEN_TTL_MS;
    if (secret) return new DocTokens(Buffer.from(secret, 'utf8'), now, ttl);
    // Atomic: nodes starting together agree on one key.
    const key = await store.getOrCreateMeta(KEY_META, randomBytes(32).toString('base64url'));
    return new DocTokens(Buffer.from(key, 'base64url'), now, ttl);
  }

  /** A token for these claims, valid for the TTL from now. */
  sign(claims: Omit<DocTokenClaims, 'expiresAt'>): { token: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const payload = Buffer.from(
      JSON.stringify([claims.roomId, claims.participantId, claims.docName, claims.clientId, expiresAt]),
    ).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expiresAt };
  }

  /** The claims of a well-formed, correctly signed token, and whether it expired; null otherwise. */
  verify(token: string): Verified {
    if (token.length > 512) return null;
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length !== 5) return null;
      const [roomId, participantId, docName, clientId, expiresAt] = parsed as unknown[];
      if (typeof roomId !== 'string' || typeof participantId !== 'string' || typeof docName !== 'string') {
        return null;
      }
      if (!Number.isInteger(clientId) || !Number.isInteger(expiresAt)) return null;
      const claims = {
        roomId,
        participantId,
        docName,
        clientId: clientId as number,
        expiresAt: expiresAt as number,
      };
      return { claims, expired: claims.expiresAt <= this.now() };
    } catch {
      return null;
    }
  }

  /**
   * The Yjs client id of a tab for a document: derived from (participant, document, tab), so the
   * same tab gets the same id on every join and refresh, and another tab or person another id.
   * Without a tab id, a random one.
   */
  clientIdFor(participantId: string, docName: string, tab: string | undefined): number {
    const bytes = tab
      ? createHmac('sha256', this.key).update(`client-id|${participantId}|${docName}|${tab}`).digest()
      : randomBytes(4);
    return bytes.readUInt32BE(0) || 1;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
