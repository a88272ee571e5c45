import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ServerEvent } from '@mockloop/shared';
import type { Express } from 'express';
import { Server } from 'socket.io';
import { DocTokens } from './auth/DocTokens.js';
import { ReportKeys } from './auth/ReportKeys.js';
import { CallRegistry } from './call/CallRegistry.js';
import { type IceSettings, NO_ICE_SERVERS } from './call/iceServers.js';
import { clusterServices } from './cluster/ClusterServices.js';
import { DEFAULT_LIMITS, type Limits } from './config/Limits.js';
import { loadRunnerSettings } from './config/loadConfig.js';
import { attachControlPlane, type ControlServer, roomChannel } from './control/ControlPlane.js';
import { attachLobbyPlane, socketNotifier } from './control/LobbyPlane.js';
import { attachSocketGuards } from './control/socketGuards.js';
import { YjsWebSocketServer } from './documentServer/YjsWebSocketServer.js';
import { DocManager, type DocManagerOptions } from './documents/DocManager.js';
import { createRunQueue } from './execution/createRunQueue.js';
import { RunService } from './execution/RunService.js';
import type { RunnerSettings } from './execution/runnerSettings.js';
import { FileService } from './files/FileService.js';
import { Readiness } from './health/Readiness.js';
import { createHttpApp } from './http/createHttpApp.js';
import { createInternalApp } from './http/createInternalApp.js';
import { internalHostPolicy, publicHostPolicy } from './http/hostPolicy.js';
import { originPolicy } from './http/originPolicy.js';
import { refuseUnknownHosts } from './http/refuseUnknownHosts.js';
import { InterviewService } from './interview/InterviewService.js';
import { RoundViews } from './interview/RoundViews.js';
import { SeenQuestions } from './interview/SeenQuestions.js';
import { ConnectionGuard } from './limits/ConnectionGuard.js';
import { clientAddress, compileTrust } from './limits/clientAddress.js';
import { LobbyService, participantChannel } from './lobby/LobbyService.js';
import { connectionLog } from './logging/connectionLog.js';
import { type Logger, silentLogger } from './logging/createLogger.js';
import { redact } from './logging/redact.js';
import { Metrics } from './metrics/Metrics.js';
import { OwnQuestionCache } from './ownQuestions/OwnQuestionCache.js';
import { OwnQuestionService } from './ownQuestions/OwnQuestionService.js';
import { DEFAULT_OWN_QUESTION_LIMITS, type OwnQuestionLimits } from './ownQuestions/ownQuestionLimits.js';
import { loadQuestionBank, type QuestionBank } from './questions/loadQuestionBank.js';
import { lobbyRound } from './rooms/lobbyRound.js';
import { InMemoryPresence } from './rooms/Presence.js';
import { RoomActivity } from './rooms/RoomActivity.js';
import { RoomDeletion } from './rooms/RoomDeletion.js';
import { RoomJanitor } from './rooms/RoomJanitor.js';
import { RoomService } from './rooms/RoomService.js';
import { ReplayService } from './rounds/ReplayService.js';
import { ReportService } from './rounds/ReportService.js';
import { RoundService } from './rounds/RoundService.js';
import { SeatChanges } from './rounds/SeatChanges.js';
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
  /** My questions' bounds (P-MYQ-3); tests lower them. */
  ownQuestionLimits?: Partial<OwnQuestionLimits>;
  /** Browser origins allowed on the WebSocket planes; default: PUBLIC_URL's, else the request's host. */
  allowedOrigins?: string[];
  /** Host names the public listener answers to besides PUBLIC_URL's and loopback names (ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** The operators' listener (`/internal/rooms`): port (default 0, any free one) and interface (default 127.0.0.1). */
  internalPort?: number;
  internalHost?: string;
  /** Proxies whose X-Forwarded-For is believed: `loopback`, addresses or CIDRs, or `none` (default loopback). */
  trustProxy?: string;
  /** ICE servers and TURN for the call (ICE_SERVERS, TURN_URLS, TURN_SECRET); default none. */
  ice?: IceSettings;
  /** Where the server logs (pino); default: nothing. main.ts passes the configured logger. */
  log?: Logger;
  /** The Prometheus metrics served on the internal listener; default: a fresh set. */
  metrics?: Metrics;
  /** FILES_TOTAL_BYTES: all rooms' images together (default 10 GiB). */
  filesTotalBytes?: number;
  /** The server-side runner (RUNNER_*); default: sandboxes in this process where the machine allows. */
  runner?: RunnerSettings;
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
  metrics: Metrics;
  log: Logger;
  /** `/readyz`: the store, Redis and leases answer, and the node is not draining. */
  readiness: Readiness;
  /** Deletes a room with everything in it and closes its connections (P-ROOM-7). */
  deletion: RoomDeletion;
  /**
   * Stops taking rooms (SIGTERM): /readyz answers 503, new document upgrades and control
   * connections are refused with 503 (clients retry, the balancer sends them elsewhere). Open
   * connections stay until `close`.
   */
  drain(): void;
  /**
   * Listens and resolves with the bound port (pass 0 for any free port); the internal listener
   * starts too, on its own port and interface (AppOptions).
   */
  listen(port: number, host?: string): Promise<number>;
  /** The internal listener's port, once listening (P-HTTP-2). */
  internalPort(): number;
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
  const log = options.log ?? silentLogger();
  const metrics = options.metrics ?? new Metrics();
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
  const activity = new RoomActivity(store, (err) => log.warn({ err }, 'could not record room activity'));
  const rooms = new RoomService(store, tokens, presence);
  const docs = new DocManager(store, {
    onError: (err, name) => log.error({ err, doc: redact(name) }, 'document failed'),
    log: (message) => log.warn(redact(message)),
    metrics,
    loadBudgetMs: limits.docLoadBudgetMs,
    history: limits.history,
    onActivity: (roomId) => activity.touch(roomId),
    leases: cluster.leases,
    ...options.docs,
  });

  const readiness = new Readiness([{ name: 'store', check: () => store.ping() }, ...cluster.checks]);
  // Wired below, once the planes exist; only called by requests, which come after.
  const deletion: RoomDeletion = new RoomDeletion({
    store,
    docs,
    closeDocuments: (roomId, code, reason) => yjs.closeRoom(roomId, code, reason),
    closeControl: (roomId) => {
      io.to(roomChannel(roomId)).emit(ServerEvent.RoomDeleted);
      io.in(roomChannel(roomId)).disconnectSockets();
    },
    log,
    metrics,
  });
  const seatChanges = new SeatChanges();
  const ownQuestionLimits = { ...DEFAULT_OWN_QUESTION_LIMITS, ...options.ownQuestionLimits };
  const ownQuestions = new OwnQuestionService(store, ownQuestionLimits);
  // Rounds find the My questions they hold through the bank (P-MYQ-6).
  bank.own = new OwnQuestionCache(store);
  const seenQuestions = new SeenQuestions();
  const interview = new InterviewService(store, bank, docs, Date.now, seenQuestions);
  const rounds = new RoundService(store, bank, docs, undefined, seatChanges, limits.roundsPerRoom);
  const originAllowed = originPolicy(
    options.allowedOrigins ?? (options.publicUrl ? [options.publicUrl] : undefined),
  );
  const app = createHttpApp({
    rooms,
    interview,
    reports: new ReportService(store, bank, docs),
    replay: new ReplayService(store, bank),
    files: new FileService(store, Date.now, options.filesTotalBytes, () => metrics.filesRefused.inc()),
    readiness,
    deletion: { mayDelete: (p) => deletion.mayDelete(p), delete: (id) => deletion.delete(id, 'request') },
    reportKeys: await ReportKeys.load(store, options.tokenSecret),
    bank,
    clientDir: options.clientDir,
    publicUrl: options.publicUrl,
    roomCreation: cluster.limiter('rooms', limits.roomsPerIpPerHour, 3600),
    ownQuestions: {
      service: ownQuestions,
      limits: ownQuestionLimits,
      writes: cluster.limiter('own-questions', ownQuestionLimits.writesPerIpPerHour, 3600),
    },
    trustProxy: trust,
    nodeId,
    log,
    metrics,
  });
  const hosts = { publicUrl: options.publicUrl, allowedHosts: options.allowedHosts };
  // Operators' routes, on a listener of their own that the public never reaches (P-HTTP-2).
  const internalServer = http.createServer(
    createInternalApp({
      nodeId,
      servedRooms: () => ({
        rooms: docs.roomIds(),
        controlRooms: Object.fromEntries(presence.connectedRooms()),
        sockets: io.of('/').sockets.size,
        documents: yjs.connectionCount,
      }),
      log,
      metrics,
      readiness,
      deleteRoom: (roomId) => deletion.delete(roomId, 'operator'),
    }),
  );
  refuseUnknownHosts(internalServer, internalHostPolicy(hosts));
  const server = http.createServer(
    {
      // A request that has not sent its headers in time, or not finished, is dropped (slowloris).
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    app,
  );
  const guard = new ConnectionGuard(limits.connectionsPerIp, trust, (message) => {
    metrics.refusals.inc({ limit: 'connections_per_ip' });
    log.warn(redact(message));
  });
  guard.attach(server);
  // Before every other listener: a request or upgrade for a host we are not is refused (P-HTTP-3).
  refuseUnknownHosts(server, publicHostPolicy(hosts));

  const io: ControlServer = new Server(server, {
    serveClient: false,
    // WebSocket only, as the client connects (P-CTL-1): no long-polling sessions to hold open.
    transports: ['websocket'],
    maxHttpBufferSize: MAX_CONTROL_MESSAGE_BYTES,
    // Our /yjs upgrades are answered asynchronously (token check, document load): engine.io must
    // not destroy upgrades it does not own.
    destroyUpgrade: false,
    // While draining, new control connections are refused (503): the client retries, reaching
    // another node once the balancer has taken this one out.
    allowRequest: (req, callback) =>
      readiness.isDraining ? callback('draining', false) : callback(null, originAllowed(req)),
    // No connection-state recovery: it puts a dropped socket back into the rooms it was in, seats
    // that may have changed since (P-PRIV-2). Clients re-join after every reconnect instead.
  });
  io.use((socket, next) => {
    // Every line about this socket carries its connection id (`conn`).
    connectionLog(log, socket, { plane: 'control' });
    const release = guard.admitWebSocket(socket.request);
    if (!release) return next(new Error('Too many connections from your address.'));
    socket.once('disconnect', release);
    next();
  });
  attachSocketGuards(io, limits, log, metrics);
  cluster.attach(io);
  const lobby = new LobbyService(
    cluster.waitingQueue,
    cluster.pendingMatches,
    rooms,
    () => bank.tracks.map((t) => t.id),
    socketNotifier(io),
    {
      arrivalMs: options.lobbyArrivalMs,
      onError: (err) => log.error({ err }, 'lobby arrival window failed'),
      roomStart: (trackId, roundType, seen) => lobbyRound(bank, trackId, roundType, undefined, seen),
    },
  );
  const runnerSettings = options.runner ?? loadRunnerSettings({});
  const runQueue = await createRunQueue(runnerSettings, {
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    log,
  });
  const runs = new RunService(
    store,
    bank,
    docs,
    runQueue,
    {
      perPerson: cluster.limiter('run-person', runnerSettings.runsPerMinute, 60),
      perRoom: cluster.limiter('run-room', runnerSettings.roomSecondsPerHour, 3600),
      perAddress: cluster.limiter('run-address', runnerSettings.addressSecondsPerHour, 3600),
    },
    runnerSettings,
  );
  attachControlPlane(io, {
    views: new RoundViews(store, bank),
    runs: { runs, addressOf: (socket) => clientAddress(socket.request, trust) },
    rooms,
    interview,
    rounds,
    presence,
    calls: new CallRegistry(),
    ice: options.ice ?? NO_ICE_SERVERS,
    log,
    onActivity: (roomId) => activity.touch(roomId),
    seen: seenQuestions,
    onArrive: (participant) => {
      lobby.arrived(participant.id).catch((err) => log.error({ err }, 'lobby arrival failed'));
    },
    onDepart: (participantId) => {
      lobby.leave(participantChannel(participantId)).catch((err) => log.error({ err }, 'lobby leave failed'));
    },
  });
  attachLobbyPlane(
    io,
    lobby,
    {
      limiter: cluster.limiter('lobby', limits.lobbyEntriesPerIpPerHour, 3600),
      onRefused: () => metrics.refusals.inc({ limit: 'lobby_entries_per_ip' }),
      addressOf: (socket) => clientAddress(socket.request, trust),
    },
    log,
  );

  const yjs = new YjsWebSocketServer(rooms, docs, {
    log,
    metrics,
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
    onDeleted: (count) => metrics.roomsDeleted.inc({ reason: 'expired' }, count),
  });
  metrics.watch({
    roomsLive: () => docs.roomIds().length,
    documentsLive: () => docs.size,
    socketsOpen: () => ({ control: io.of('/').sockets.size, document: yjs.connectionCount }),
    lobbyLine: async () => (await cluster.waitingQueue.list()).length,
    filesBytes: () => store.filesTotalBytes(),
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
    metrics,
    log,
    readiness,
    deletion,
    drain() {
      readiness.drain();
      yjs.stopAccepting();
    },
    async listen(port, host) {
      await listenOn(internalServer, options.internalPort ?? 0, options.internalHost ?? '127.0.0.1');
      return listenOn(server, port, host);
    },
    internalPort() {
      return (internalServer.address() as AddressInfo | null)?.port ?? 0;
    },
    close() {
      closed ??= (async () => {
        lobby.close();
        janitor.stop();
        await yjs.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        internalServer.closeAllConnections();
        if (internalServer.listening)
          await new Promise<void>((resolve) => internalServer.close(() => resolve()));
        await runQueue.close();
        await docs.close();
        await cluster.close();
        await store.close();
      })();
      return closed;
    },
  };
}

/** Listens and resolves with the bound port. */
function listenOn(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
