import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, MAX_DOC_MESSAGE_BYTES, YJS_PATH_PREFIX } from '@mockloop/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import type { RoomService } from '../rooms/RoomService.js';
import { DocConnection } from './DocConnection.js';
import type { DocManager } from './DocManager.js';

const PING_INTERVAL_MS = 30_000;
const BINARY = { binary: true } as const;

/**
 * The document plane: y-websocket protocol at /yjs/<doc>?token=... The token is checked and the
 * document loaded before the upgrade completes, so a refused client never gets a socket
 * (P-DOC-2) and a connected one never sees a half-loaded document.
 */
export class YjsWebSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_DOC_MESSAGE_BYTES });
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    private readonly rooms: RoomService,
    private readonly docs: DocManager,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** True when this server owns the request's path. */
  static matches(pathname: string): boolean {
    return pathname.startsWith(YJS_PATH_PREFIX);
  }

  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const docName = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
    const token = url.searchParams.get('token') ?? '';

    let grant: Awaited<ReturnType<RoomService['authorizeDoc']>>;
    try {
      grant = await this.rooms.authorizeDoc(docName, token);
    } catch {
      return reject(socket, 500, 'Internal Server Error');
    }
    if (!grant) return reject(socket, 401, 'Unauthorized');

    let shared: Awaited<ReturnType<DocManager['acquire']>>;
    try {
      shared = await this.docs.acquire(docName);
    } catch {
      return reject(socket, 503, 'Service Unavailable');
    }
    if (socket.destroyed) {
      this.docs.release(docName);
      return;
    }

    const { participant, writable } = grant;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new DocConnection(
        shared,
        {
          send: (frame) => ws.send(frame, BINARY),
          close: (code, reason) => {
            this.log(`[yjs] closing ${docName} for ${participant.id}: ${code} ${reason}`);
            ws.close(code, reason);
          },
        },
        {
          id: participant.id,
          name: participant.name,
          role: participant.role,
          color: participant.color,
          colorLight: `${participant.color}33`,
        },
        writable,
      );
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      ws.on('message', (data, isBinary) => {
        if (!isBinary) return connection.receive(new Uint8Array(0));
        connection.receive(asBytes(data));
      });
      ws.on('error', () => ws.terminate());
      ws.once('close', () => {
        connection.dispose();
        this.docs.release(docName);
      });
      connection.start();
    });
  }

  /** Number of open document connections. */
  get connectionCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const ws of this.wss.clients) ws.close(CloseCode.GoingAway, 'server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private pingAll(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

function reject(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function asBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data; // a Buffer is a Uint8Array already: no copy, no extra view
}
