import type { Page } from '@playwright/test';

/**
 * Records every byte a page receives: WebSocket frames (text and binary) and every HTTP response
 * body, including the HTML and JavaScript it loads. Survives reloads (listeners are on the page).
 */
export function captureTraffic(page: Page) {
  const chunks: string[] = [];
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
      return chunks.join('\n');
    },
    count: () => chunks.length,
    /** URLs of the WebSockets the page opened (they carry document tokens). */
    socketUrls: () => [...socketUrls],
  };
}
