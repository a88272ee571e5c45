import type { Page, WebSocketRoute } from '@playwright/test';

/**
 * One person's control connection (Socket.IO) on a switch the test holds: `cut()` drops it and
 * takes the browser offline, as a dead Wi-Fi would, so its reconnects fail too, while the server
 * and everyone else carry on; `restore()` lets the page's own reconnect through again. Set up
 * before the page opens the room.
 */
export async function switchableControl(page: Page) {
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    open.add(ws);
    ws.onClose(() => {
      open.delete(ws);
      void server.close();
    });
    server.onClose(() => {
      open.delete(ws);
      void ws.close();
    });
  });
  return {
    async cut() {
      await page.context().setOffline(true);
      for (const ws of [...open]) await ws.close();
    },
    async restore() {
      await page.context().setOffline(false);
    },
  };
}
