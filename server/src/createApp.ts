import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Express } from 'express';
import { Server } from 'socket.io';
import { DocTokens } from './auth/DocTokens.js';
import { ReportKeys } from './auth/ReportKeys.js';
import { CallRegistry } from './call/CallRegistry.js';
import { type IceSettings, NO_ICE_SERVERS } from './call/iceServers.js';
import { clusterServices } from './cluster/ClusterServices.js';
import { attachControlPlane, type ControlServer } from './control/ControlPlane.js';
import { attachLobbyPlane, socketNotifier } from './control/LobbyPlane.js';
import { attachSocketGuards } from './control/socketGuards.js';
import { DocManager, type DocManagerOptions } from './documents/DocManager.js';
import { YjsWebSocketServer } from './documents/YjsWebSocketServer.js';
import { FileService } from './files/FileService.js';
import { createHttpApp } from './http/createHttpApp.js';
import { originPolicy } from './http/originPolicy.js';
import { InterviewService } from './interview/InterviewService.js';
import { ConnectionGuard } from './limits/ConnectionGuard.js';
import { clientAddress, compileTrust } from './limits/clientAddress.js';
import { DEFAULT_LIMITS, type Limits } from './limits/Limits.js';
import { LobbyService, participantChannel } from './lobby/LobbyService.js';
import { lobbyRound } from './loop/lobbyRound.js';
import { loadQuestionBank, type QuestionBank } from './questions/loadQuestionBank.js';
import { InMemoryPresence } from './rooms/Presence.js';
import { RoomActivity } from './rooms/RoomActivity.js';
import { RoomJanitor } from './rooms/RoomJanitor.js';
import { RoomService } from './rooms/RoomService.js';
import { SeatChanges } from './rooms/SeatChanges.js';
import { ReplayService } from './rounds/ReplayService.js';
import { RoundService } from './rounds/RoundService.js';
import { openStore } from './store/openStore.js';
import type { Store } from './store/Store.js';

export interface AppOptions {
  dataDir: string;
  /** The question bank folder; loading fails start-up with file, field and reason. */
  questionsDir: string;
  clientDir?: string;
  publicUrl?: string;
  tokenSecret?: string;
  /** Use this store instead of SQLite under dataDir (or PostgreSQL at databaseUrl). */
  store?: Store;
  /** PostgreSQL connection string: the scaled mode's shared store (and the rooms' owner leases). */
  databaseUrl?: string;
  /** Redis: the lobby, rate limits and Socket.IO events shared by every node. */
  redisUrl?: string;
  /** The prefix of every Redis key (default `mockloop:`). */
  redisPrefix?: string;
  /** This node's name in `x-mockloop-node` and /healthz (default: the host name and pid). */
  nodeId?: string;
  /** A PostgreSQL schema to use (created if missing). */
  databaseSchema?: string;
  docs?: DocManagerOptions;
  /** How long a matched person has to open the room (default 60 s). */
  lobbyArrivalMs?: number;
  /** How long document tokens open connections (default DOC_TOKEN_TTL_MS; tests shorten it). */
  docTokenTtlMs?: number;
  /** Bounds on visitors (rates, budgets, timeouts, retention); default DEFAULT_LIMITS. */
  limits?: Limits;
  /** Browser origins allowed on the WebSocket planes; default: PUBLIC_URL's, else the request's host. */
  allowedOrigins?: string[];
  /** Proxies whose X-Forwarded-For is believed: `loopback`, addresses or CIDRs, or `none` (default loopback). */
  trustProxy?: string;
  /** ICE servers and TURN for the call (ICE_SERVERS, TURN_URLS, TURN_SECRET); default none. */
  ice?: IceSettings;
  log?: (message: string, err?: unknown) => void;
}

export interface App {
  server: http.Server;
  /** The Express app (HTTP API and client) mounted on `server`. */
  httpApp: Express;
  store: Store;
  /** Deletes rooms past their retention (it also runs by itself, hourly). */
  janitor: RoomJanitor;
  docs: DocManager;
  /** The document plane (its connections and the fragment pool). */
  yjs: YjsWebSocketServer;
  rooms: RoomService;
  bank: QuestionBank;
  /** Listens and resolves with the bound port (pass 0 for any free port). */
  listen(port: number, host?: string): Promise<number>;
  /** Closes connections, flushes documents to the store, closes the store. */
  close(): Promise<void>;
}

/** Control events are small; anything bigger is abuse. */
const MAX_CONTROL_MESSAGE_BYTES = 64 * 1024;

/**
 * Wires the three planes onto one http.Server: Express (HTTP API and client), Socket.IO
 * (control) and the Yjs document server, routed by path on 'upgrade'. Does not listen.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((message, err) => console.error(message, err ?? ''));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const trust = compileTrust(options.trustProxy ?? 'loopback');
  const nodeId = options.nodeId ?? `${os.hostname()}-${process.pid}`;
  const bank = await loadQuestionBank(options.questionsDir);
  const store =
    options.store ??
    (await openStore({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      databaseSchema: options.databaseSchema,
    }));
  const tokens = await DocTokens.load(store, options.tokenSecret, { ttlMs: options.docTokenTtlMs });
  const cluster = await clusterServices({
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    databaseUrl: options.databaseUrl,
  });
  const presence = new InMemoryPresence();
  const activity = new RoomActivity(store, (err) => log('[rooms] could not record activity', err));
  const rooms = new RoomService(store, tokens, presence);
  const docs = new DocManager(store, {
    onError: (err, name) => log(`[docs] ${name}`, err),
    log: (message) => log(message),
    loadBudgetMs: limits.docLoadBudgetMs,
    history: limits.history,
    onActivity: (roomId) => activity.touch(roomId),
    leases: cluster.leases,
    ...options.docs,
  });

  const seatChanges = new SeatChanges();
  const interview = new InterviewService(store, bank, docs);
  const rounds = new RoundService(store, bank, docs, undefined, seatChanges, limits.roundsPerRoom);
  const originAllowed = originPolicy(
    options.allowedOrigins ?? (options.publicUrl ? [options.publicUrl] : undefined),
  );
  const app = createHttpApp({
    rooms,
    interview,
    rounds,
    replay: new ReplayService(store, bank),
    files: new FileService(store),
    reportKeys: await ReportKeys.load(store, options.tokenSecret),
    bank,
    clientDir: options.clientDir,
    publicUrl: options.publicUrl,
    roomCreation: cluster.limiter('rooms', limits.roomsPerIpPerHour, 3600),
    trustProxy: trust,
    nodeId,
    servedRooms: () => ({
      rooms: docs.roomIds(),
      controlRooms: Object.fromEntries(presence.connectedRooms()),
      sockets: io.of('/').sockets.size,
      documents: yjs.connectionCount,
    }),
    log,
  });
  const server = http.createServer(
    {
      // A request that has not sent its headers in time, or not finished, is dropped (slowloris).
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    app,
  );
  const guard = new ConnectionGuard(limits.connectionsPerIp, trust, (message) => log(message));
  guard.attach(server);

  const io: ControlServer = new Server(server, {
    serveClient: false,
    // WebSocket only, as the client connects (P-CTL-1): no long-polling sessions to hold open.
    transports: ['websocket'],
    maxHttpBufferSize: MAX_CONTROL_MESSAGE_BYTES,
    // Our /yjs upgrades are answered asynchronously (token check, document load): engine.io must
    // not destroy upgrades it does not own.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req)),
    // No connection-state recovery: it puts a dropped socket back into the rooms it was in, seats
    // that may have changed since (P-PRIV-2). Clients re-join after every reconnect instead.
  });
  io.use((socket, next) => {
    const release = guard.admitWebSocket(socket.request);
    if (!release) return next(new Error('Too many connections from your address.'));
    socket.once('disconnect', release);
    next();
  });
  attachSocketGuards(io, limits, (message) => log(message));
  cluster.attach(io);
  const lobby = new LobbyService(
    cluster.waitingQueue,
    cluster.pendingMatches,
    rooms,
    () => bank.tracks.map((t) => t.id),
    socketNotifier(io),
    {
      arrivalMs: options.lobbyArrivalMs,
      onError: (err) => log('[lobby] arrival window failed', err),
      roomStart: (trackId, roundType) => lobbyRound(bank, trackId, roundType),
    },
  );
  attachControlPlane(io, {
    rooms,
    interview,
    rounds,
    presence,
    calls: new CallRegistry(),
    ice: options.ice ?? NO_ICE_SERVERS,
    log,
    onActivity: (roomId) => activity.touch(roomId),
    onArrive: (participant) => {
      lobby.arrived(participant.id).catch((err) => log('[lobby] arrival failed', err));
    },
    onDepart: (participantId) => {
      lobby.leave(participantChannel(participantId)).catch((err) => log('[lobby] leave failed', err));
    },
  });
  attachLobbyPlane(
    io,
    lobby,
    {
      limiter: cluster.limiter('lobby', limits.lobbyEntriesPerIpPerHour, 3600),
      addressOf: (socket) => clientAddress(socket.request, trust),
    },
    log,
  );

  const yjs = new YjsWebSocketServer(rooms, docs, {
    log: (message) => log(message),
    budget: limits.doc,
    assemblyBytes: limits.docAssemblyBytes,
    assemblyDeadlineMs: limits.docAssemblyDeadlineMs,
    admit: (req) => guard.admitWebSocket(req),
    originAllowed,
  });
  seatChanges.on((roomId, currentRound) => yjs.seatsChanged(roomId, currentRound));
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

  const janitor = new RoomJanitor(store, {
    retentionMs: limits.roomRetentionMs,
    inUse: (roomId) => presence.snapshot(roomId).size > 0 || docs.hasRoom(roomId),
    log,
  });
  janitor.start();

  let closed: Promise<void> | undefined;
  return {
    server,
    httpApp: app,
    store,
    janitor,
    docs,
    yjs,
    rooms,
    bank,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      closed ??= (async () => {
        lobby.close();
        janitor.stop();
        await yjs.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        await docs.close();
        await cluster.close();
        await store.close();
      })();
      return closed;
    },
  };
}
