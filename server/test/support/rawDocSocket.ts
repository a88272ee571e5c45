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

/** Milliseconds /healthz takes to answer (throws if it does not answer in `timeoutMs`). */
export async function healthLatency(url: string, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  await res.json();
  return performance.now() - started;
}
