import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import type { AppOptions } from '../../src/createApp.js';
import { type ControlSocket, connectControl, type DocClient, openDoc } from './clients.js';
import { startTestServer, type TestServer } from './testServer.js';

/**
 * Gives each test of the file a fresh server on port 0, and clients that are closed after the
 * test whatever it did.
 */
export function withTestServer(options: Partial<AppOptions> = {}) {
  let server: TestServer | undefined;
  const sockets: ControlSocket[] = [];
  const docs: DocClient[] = [];
  const current = () => {
    if (!server) throw new Error('no server: use inside a test');
    return server;
  };

  beforeEach(async () => {
    server = await startTestServer(options);
  });
  afterEach(async () => {
    for (const d of docs.splice(0)) d.destroy();
    for (const s of sockets.splice(0)) s.disconnect();
    await server?.close();
    server = undefined;
  });

  return {
    get server(): TestServer {
      return current();
    },
    /** A Socket.IO control connection; `auth` is sent as handshake data (which must be ignored). */
    control(auth: Record<string, unknown> = {}): ControlSocket {
      const socket = connectControl(current().url, auth);
      sockets.push(socket);
      return socket;
    },
    /** A WebsocketProvider on a document, with the access from a join. */
    doc(access: Parameters<typeof openDoc>[1], options?: Parameters<typeof openDoc>[2]): DocClient {
      const client = openDoc(current().wsUrl, access, options);
      docs.push(client);
      return client;
    },
    /** A raw WebSocket to `path`: the open socket, or the HTTP status that refused the upgrade. */
    rawDoc(path: string): Promise<{ ws?: WebSocket; status?: number }> {
      return new Promise((resolve) => {
        const ws = new WebSocket(`${current().wsUrl}${path}`);
        ws.once('open', () => resolve({ ws }));
        ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
        ws.once('error', () => resolve({}));
      });
    },
  };
}
