import type http from 'node:http';
import { YjsWebSocketServer } from '../documentServer/YjsWebSocketServer.js';

/**
 * Sends each WebSocket upgrade to its plane by path: `/yjs/...` to the document server,
 * `/socket.io/` to Socket.IO (which listens itself), anything else gets 404.
 */
export function routeUpgrades(server: http.Server, yjs: YjsWebSocketServer): void {
  server.on('upgrade', (req, socket, head) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (YjsWebSocketServer.matches(pathname)) {
      void yjs.handleUpgrade(req, socket, head); // never rejects: it answers every failure itself
    } else if (!pathname.startsWith('/socket.io/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
}
