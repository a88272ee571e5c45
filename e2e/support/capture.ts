import type { Page } from '@playwright/test';

/**
 * Records every byte a page receives: WebSocket frames (text and binary) and every HTTP response
 * body, including the HTML and JavaScript it loads. Survives reloads (listeners are on the page).
 */
export function captureTraffic(page: Page) {
  const chunks: string[] = [];
  /** Replay rows carry Yjs updates in base64: decoded here, or a canary in them would pass unseen. */
  const replayChunks: string[] = [];
  const socketUrls: string[] = [];
  const pending = new Set<Promise<void>>();
  page.on('websocket', (ws) => {
    socketUrls.push(ws.url());
    chunks.push(ws.url());
    ws.on('framereceived', (frame) => {
      chunks.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8'));
    });
  });
  page.on('response', (response) => {
    const read = response
      .body()
      .then((body) => {
        chunks.push(body.toString('utf8'));
        if (/\/api\/rooms\/[^/]+\/replay\//.test(response.url())) replayChunks.push(decodeReplay(body));
      })
      .catch(() => {
        // Redirects and aborted requests have no body.
      })
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  return {
    /** Everything received so far, once every response body has been read. */
    async text(): Promise<string> {
      await Promise.all(pending);
      return [...chunks, ...replayChunks].join('\n');
    },
    /** Everything the replay API sent, its updates decoded. */
    async replayText(): Promise<string> {
      await Promise.all(pending);
      return replayChunks.join('\n');
    },
    count: () => chunks.length,
    /** URLs of the WebSockets the page opened (they carry document tokens). */
    socketUrls: () => [...socketUrls],
  };
}

/** A replay response as text, with each row's update decoded from base64 to the bytes Yjs holds. */
function decodeReplay(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as { rows?: unknown };
    if (!Array.isArray(parsed.rows)) return text;
    const updates = parsed.rows.map((row) =>
      Buffer.from(String((row as unknown[])[3]), 'base64').toString('utf8'),
    );
    return [text, ...updates].join('\n');
  } catch {
    return text;
  }
}
