import { createHmac } from 'node:crypto';
import type { CallConfig } from '@mockloop/shared';
import { z } from 'zod';

/** How browsers find a route to each other: ICE servers from the configuration (README, Call). */
export interface IceSettings {
  /** ICE_SERVERS: given as is to every browser (STUN, or TURN with fixed credentials). */
  iceServers: CallConfig['iceServers'];
  /** TURN_URLS with TURN_SECRET: coturn's `use-auth-secret`, credentials made per participant. */
  turn?: { urls: string[]; secret: string; ttlSeconds: number };
  /** ICE_TRANSPORT_POLICY=relay: only relayed routes (through TURN), never a direct one. */
  relayOnly: boolean;
}

export const NO_ICE_SERVERS: IceSettings = { iceServers: [], relayOnly: false };

const Urls = z.union([z.string(), z.array(z.string()).min(1)]).transform((u) => (Array.isArray(u) ? u : [u]));
/** ICE_SERVERS' shape: what RTCPeerConnection takes, STUN and TURN URLs only. */
export const IceServersJson = z.array(
  z.object({
    urls: Urls.pipe(z.array(z.string().regex(/^(stun|stuns|turn|turns):\S+$/, 'not a stun: or turn: URL'))),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

/**
 * The ICE configuration for one participant (P-CALL-4): TURN credentials in coturn's REST form
 * (user `<expiry>:<participant>`, password HMAC-SHA1 of it under the shared secret), so a leaked
 * one expires and names whom it was issued to. The secret itself never leaves the server.
 * An observer gets no relay at all (P-CALL-6), neither ours nor a TURN entry of ICE_SERVERS, and
 * so may use direct routes: they reach a seat through the seat's own relay.
 */
export function callConfigFor(
  settings: IceSettings,
  participantId: string,
  seated: boolean,
  now = Date.now(),
): CallConfig {
  const servers = settings.iceServers
    .map((s) => ({ ...s, urls: s.urls.filter((u) => seated || !/^turns?:/.test(u)) }))
    .filter((s) => s.urls.length > 0);
  let expiresAt: number | null = null;
  if (settings.turn && seated) {
    const expiry = Math.floor(now / 1000) + settings.turn.ttlSeconds;
    const username = `${expiry}:${participantId}`;
    const credential = createHmac('sha1', settings.turn.secret).update(username).digest('base64');
    servers.push({ urls: [...settings.turn.urls], username, credential });
    expiresAt = expiry * 1000;
  }
  return {
    iceServers: servers,
    iceTransportPolicy: settings.relayOnly && seated ? 'relay' : 'all',
    expiresAt,
  };
}
