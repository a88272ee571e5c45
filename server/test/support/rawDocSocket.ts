import type { DocAccess } from '@mockloop/shared';
import WebSocket from 'ws';

/** A document connection at the byte level, as a hostile client holds it. */
export interface RawDocSocket {
  ws: WebSocket;
  /** Resolves with the close code and reason once the server (or we) closed it. */
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
}

/** Opens `/yjs/<name>?token=...` with the access from a join; resolves once open. */
export function openRawDoc(wsUrl: string, access: DocAccess): Promise<RawDocSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/yjs/${access.name}?token=${encodeURIComponent(access.token)}`);
    const closed = new Promise<{ code: number; reason: string }>((done) => {
      ws.once('close', (code, reason) => done({ code, reason: reason.toString() }));
    });
    ws.once('open', () =>
      resolve({
        ws,
        closed,
        send: (frame) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(frame);
        },
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/**
 * Resolves once /healthz answers `200 {ok: true}`, throws on any other answer: the server is up
 * and its event loop turns. How fast it answers is measured by `npm run bench:attack`.
 */
export async function expectHealthy(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  const body = (await res.json()) as { ok?: unknown };
  if (body.ok !== true) throw new Error(`/healthz answered ${JSON.stringify(body)}`);
}
