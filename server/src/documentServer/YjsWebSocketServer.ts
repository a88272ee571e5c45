import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CloseCode,
  DOC_PROTOCOL,
  DOC_TOKEN_PROTOCOL_PREFIX,
  type DocRef,
  MAX_DOC_MESSAGE_BYTES,
  parseDocName,
  YJS_PATH_PREFIX,
} from '@mockloop/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import type { TokenBucket } from '../common/TokenBucket.js';
import { DocBudget, type DocBudgetLimits, personBytes } from '../documents/DocBudget.js';
import { DocConnection, type DocTransport } from '../documents/DocConnection.js';
import type { DocManager } from '../documents/DocManager.js';
import { DocUnloadable } from '../documents/DocUnloadable.js';
import { AssemblyPool, DEFAULT_ASSEMBLY_BYTES } from '../documents/MessageAssembly.js';
import type { SharedDoc } from '../documents/SharedDoc.js';
import { connectionLog } from '../logging/connectionLog.js';
import { type Logger, silentLogger } from '../logging/createLogger.js';
import { redact } from '../logging/redact.js';
import { Metrics } from '../metrics/Metrics.js';
import type { DocGrant, RoomService } from '../rooms/RoomService.js';

const PING_INTERVAL_MS = 30_000;

export interface YjsServerOptions {
  log?: Logger;
  metrics?: Metrics;
  /** Each connection's budget of messages, bytes and apply time (default DEFAULT_DOC_BUDGET). */
  budget?: DocBudgetLimits;
  /** Counts a connection against its client's limit; null refuses it (429). */
  admit?: (req: IncomingMessage) => (() => void) | null;
  /** Whether the request's Origin may connect (403 otherwise). */
  originAllowed?: (req: IncomingMessage) => boolean;
  /** Bytes all connections together may hold in messages still arriving in fragments (default 64 MiB). */
  assemblyBytes?: number;
  /** How long one message in fragments may take to arrive whole (default 30 s). */
  assemblyDeadlineMs?: number;
}

/** The version and token a browser offers as WebSocket subprotocols. */
function offeredProtocols(req: IncomingMessage): { offered: string[]; token?: string } {
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const token = offered
    .find((p) => p.startsWith(DOC_TOKEN_PROTOCOL_PREFIX))
    ?.slice(DOC_TOKEN_PROTOCOL_PREFIX.length);
  return { offered, token };
}
const BINARY = { binary: true } as const;

/** The newest round a seat change has opened while a connection is being authorised. */
type SeatWatch = { currentRound: number };

/**
 * The document plane: y-websocket protocol at /yjs/<doc>?token=... The token is checked and the
 * document loaded before the upgrade completes, so a refused client never gets a socket
 * (P-DOC-2) and a connected one never sees a half-loaded document.
 */
export class YjsWebSocketServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_DOC_MESSAGE_BYTES,
    // Answer with our version when offered; else with the first offer, so the handshake completes
    // and the client can be told, with a close code, to reload (P-DOC-11).
    handleProtocols: (protocols) =>
      protocols.has(DOC_PROTOCOL)
        ? DOC_PROTOCOL
        : ([...protocols].find((p) => !p.startsWith(DOC_TOKEN_PROTOCOL_PREFIX)) ?? false),
  });
  /** Open connections per room, so a seat change can re-check them (P-ROUND-2). */
  private readonly live = new Map<string, Set<{ connection: DocConnection; ref: DocRef }>>();
  /**
   * Upgrades still being authorised or loaded, per room, with the newest round a seat change
   * opened meanwhile: a grant read before that change must not outlive it (P-SEAT-1).
   */
  private readonly arriving = new Map<string, Set<SeatWatch>>();
  private readonly alive = new WeakSet<WebSocket>();
  /** Each participant's byte budget across all their connections (P-DOC-9), kept a while after. */
  private readonly people = new Map<string, { bytes: TokenBucket; connections: number }>();
  private readonly pinger: NodeJS.Timeout;

  private readonly log: Logger;
  private readonly metrics: Metrics;
  /** False while draining: new upgrades get 503 and the client retries (another node). */
  private accepting = true;
  private readonly budget?: DocBudgetLimits;
  private readonly admit: (req: IncomingMessage) => (() => void) | null;
  private readonly originAllowed: (req: IncomingMessage) => boolean;
  private readonly assemblies: AssemblyPool;
  private readonly assemblyDeadlineMs?: number;

  constructor(
    private readonly rooms: RoomService,
    private readonly docs: DocManager,
    options: YjsServerOptions = {},
  ) {
    this.log = options.log ?? silentLogger();
    this.metrics = options.metrics ?? new Metrics();
    this.budget = options.budget;
    this.admit = options.admit ?? (() => () => {});
    this.originAllowed = options.originAllowed ?? (() => true);
    this.assemblies = new AssemblyPool(options.assemblyBytes ?? DEFAULT_ASSEMBLY_BYTES);
    this.assemblyDeadlineMs = options.assemblyDeadlineMs;
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** Bytes held now in document messages still arriving in fragments (P-DOC-12). */
  get assemblyBytesHeld(): number {
    return this.assemblies.bytesHeld;
  }

  /** True when this server owns the request's path. */
  static matches(pathname: string): boolean {
    return pathname.startsWith(YJS_PATH_PREFIX);
  }

  /**
   * Answers an upgrade on /yjs/. Never throws and never rejects: a malformed path, a refused
   * token or a failed load answers that request alone (P-DOC-2, P-DOC-10).
   */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const started = process.hrtime.bigint();
    const outcome = (label: string) =>
      this.metrics.docUpgrades.observe({ outcome: label }, Number(process.hrtime.bigint() - started) / 1e9);
    if (!this.accepting) {
      outcome('draining');
      return reject(socket, 503, 'Service Unavailable');
    }
    try {
      await this.upgrade(req, socket, head);
      outcome(socket.destroyed || socket.writableEnded ? 'refused' : 'open');
    } catch (err) {
      outcome('failed');
      this.log.error({ err }, 'document upgrade failed');
      reject(socket, 500, 'Internal Server Error');
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
    } catch {
      return reject(socket, 400, 'Bad Request');
    }
    if (!this.originAllowed(req)) return reject(socket, 403, 'Forbidden');
    const roomId = parseDocName(docName)?.roomId;
    if (!roomId) return reject(socket, 401, 'Unauthorized');
    const watch = { currentRound: 0 };
    const arriving = this.arriving.get(roomId) ?? new Set();
    arriving.add(watch);
    this.arriving.set(roomId, arriving);
    const protocols = offeredProtocols(req);
    const token = protocols.token ?? url.searchParams.get('token') ?? '';
    try {
      await this.authorizeAndOpen(req, socket, head, { docName, token, offered: protocols.offered, watch });
    } finally {
      arriving.delete(watch);
      if (arriving.size === 0 && this.arriving.get(roomId) === arriving) this.arriving.delete(roomId);
    }
  }

  private async authorizeAndOpen(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    {
      docName,
      token,
      offered,
      watch,
    }: { docName: string; token: string; offered: string[]; watch: SeatWatch },
  ): Promise<void> {
    const loaded = await this.grantAndLoad(req, socket, head, docName, token);
    if (!loaded) return;
    const { grant, shared } = loaded;
    if (socket.destroyed) {
      this.docs.release(docName, shared);
      return;
    }
    const releaseSlot = this.admit(req);
    if (!releaseSlot) {
      this.docs.release(docName, shared);
      return reject(socket, 429, 'Too Many Requests');
    }
    // If the socket dies before the upgrade completes, the callback never runs: give back then.
    const abandon = () => {
      releaseSlot();
      this.docs.release(docName, shared);
    };
    socket.once('close', abandon);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('close', abandon);
      if (offered.length > 0 && ws.protocol !== DOC_PROTOCOL) {
        // Never opened: its place and its hold on the document go back at once.
        abandon();
        ws.close(CloseCode.ProtocolOutdated, 'The server was updated: reload the page.');
        return;
      }
      this.open(ws, { docName, grant, shared, watch, releaseSlot });
    });
  }

  /**
   * The token's grant and the loaded document; null once the request has had its answer: refused,
   * or (a document that cannot load) upgraded and closed with a code the client acts on.
   */
  private async grantAndLoad(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    docName: string,
    token: string,
  ): Promise<{ grant: DocGrant; shared: SharedDoc } | null> {
    let grant: DocGrant | null;
    try {
      grant = await this.rooms.authorizeDoc(docName, token);
    } catch {
      reject(socket, 500, 'Internal Server Error');
      return null;
    }
    if (!grant) {
      reject(socket, 401, 'Unauthorized');
      return null;
    }
    try {
      return { grant, shared: await this.docs.acquire(docName) };
    } catch (err) {
      if (!(err instanceof DocUnloadable)) {
        reject(socket, 503, 'Service Unavailable');
        return null;
      }
      // The client is told why in a close code it acts on (it stops retrying and says so).
      this.log.warn({ doc: redact(docName), reason: err.message }, 'document refused: unloadable');
      if (!socket.destroyed) {
        this.wss.handleUpgrade(req, socket, head, (ws) =>
          ws.close(CloseCode.DocumentUnloadable, err.message.slice(0, 120)),
        );
      }
      return null;
    }
  }

  /** A document connection on an upgraded socket: its session, its log, its liveness, its place in the room. */
  private open(
    ws: WebSocket,
    {
      docName,
      grant,
      shared,
      watch,
      releaseSlot,
    }: { docName: string; grant: DocGrant; shared: SharedDoc; watch: SeatWatch; releaseSlot: () => void },
  ): void {
    const { participant } = grant;
    // A seat change since the grant was read (checked now, synchronously, with nothing in
    // between): an earlier round's code or board is read-only, as seatsChanged makes it.
    const stale = grant.ref.kind !== 'notes' && grant.ref.round < watch.currentRound;
    const writable = grant.writable && !stale;
    const log = connectionLog(this.log, ws, {
      plane: 'document',
      doc: redact(docName),
      participant: participant.id,
    });
    this.metrics.connections.inc({ plane: 'document' });
    log.debug({ writable }, 'document connection opened');
    const connection = new DocConnection(shared, this.transport(ws, log), {
      user: {
        id: participant.id,
        name: participant.name,
        role: participant.role,
        color: participant.color,
        colorLight: `${participant.color}33`,
      },
      writable,
      clientId: grant.clientId,
      budget: new DocBudget(this.budget, this.personOpened(participant.id)),
      assemblies: this.assemblies,
      assemblyDeadlineMs: this.assemblyDeadlineMs,
    });
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return connection.receive(new Uint8Array(0));
      connection.receive(asBytes(data));
    });
    ws.on('error', () => ws.terminate());
    const live = { connection, ref: grant.ref };
    const roomLive = this.live.get(grant.ref.roomId) ?? new Set();
    roomLive.add(live);
    this.live.set(grant.ref.roomId, roomLive);
    ws.once('close', (code) => {
      log.debug({ code }, 'document connection closed');
      connection.dispose();
      this.personClosed(participant.id);
      releaseSlot();
      this.docs.release(docName, shared);
      roomLive.delete(live);
      if (roomLive.size === 0 && this.live.get(grant.ref.roomId) === roomLive)
        this.live.delete(grant.ref.roomId);
    });
    connection.start();
  }

  /** How a DocConnection speaks on its socket; each close is counted by its code. */
  private transport(ws: WebSocket, log: Logger): DocTransport {
    return {
      send: (frame) => ws.send(frame, BINARY),
      close: (code, reason) => {
        this.metrics.docCloses.inc({ code: Metrics.closeLabel(code) });
        if (code === CloseCode.RateLimited) this.metrics.refusals.inc({ limit: 'document_budget' });
        if (code === CloseCode.HistoryFull) this.metrics.historyRefusals.inc();
        log.info({ code, reason }, 'closing a document connection');
        ws.close(code, reason);
      },
    };
  }

  /**
   * A role swap opened `currentRound`: connections that could write an earlier round's code or
   * board lose that right at once and are closed with SeatChanged; the client fetches fresh tokens
   * and reopens read-only (P-ROUND-2). Notes stay their interviewer's.
   */
  seatsChanged(roomId: string, currentRound: number): void {
    for (const watch of this.arriving.get(roomId) ?? []) {
      watch.currentRound = Math.max(watch.currentRound, currentRound);
    }
    for (const { connection, ref } of this.live.get(roomId) ?? []) {
      if (ref.kind === 'notes' || ref.round >= currentRound || !connection.writable) continue;
      connection.writable = false;
      connection.close(CloseCode.SeatChanged, 'The round changed: reopening with your new seat.');
    }
  }

  /**
   * Stops taking document connections (drain): every new upgrade gets 503, which the client
   * retries, and the load balancer, seeing /readyz fail, sends to another node.
   */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Closes every connection to a room's documents with `code` (a deleted room: RoomDeleted). */
  closeRoom(roomId: string, code: number, reason: string): void {
    for (const { connection } of [...(this.live.get(roomId) ?? [])]) connection.close(code, reason);
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

  /** The participant's shared byte budget, for one more of their connections. */
  private personOpened(participantId: string): TokenBucket {
    let person = this.people.get(participantId);
    if (!person) {
      person = { bytes: personBytes(this.budget), connections: 0 };
      this.people.set(participantId, person);
    }
    person.connections += 1;
    return person.bytes;
  }

  private personClosed(participantId: string): void {
    const person = this.people.get(participantId);
    if (person) person.connections -= 1;
  }

  private pingAll(): void {
    // A budget outlives its last connection by a ping interval at least: reconnecting does not
    // refill it.
    for (const [id, person] of this.people) if (person.connections <= 0) this.people.delete(id);
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
