import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerEvent } from '@mockloop/shared';
import type { Express } from 'express';
import { type ControlServer, roomChannel } from './control/ControlPlane.js';
import type { YjsWebSocketServer } from './documentServer/YjsWebSocketServer.js';
import type { DocManager } from './documents/DocManager.js';
import type { RunQueue } from './execution/RunQueue.js';
import type { Readiness } from './health/Readiness.js';
import { originPolicy } from './http/originPolicy.js';
import type { Logger } from './logging/createLogger.js';
import type { Metrics } from './metrics/Metrics.js';
import type { QuestionBank } from './questions/loadQuestionBank.js';
import { RoomDeletion } from './rooms/RoomDeletion.js';
import type { RoomJanitor } from './rooms/RoomJanitor.js';
import type { RoomService } from './rooms/RoomService.js';
import { SimulationService } from './simulation/SimulationService.js';
import type { Store } from './store/Store.js';
import type { AppOptions } from './wiring/AppOptions.js';
import { controlServer } from './wiring/controlServer.js';
import { type CoreServices, openCoreServices } from './wiring/coreServices.js';
import { documentServer } from './wiring/documentServer.js';
import { httpApps } from './wiring/httpApps.js';
import { internalServer, publicServer } from './wiring/publicServer.js';
import { attachRoomPlanes } from './wiring/roomPlanes.js';
import { roomJanitor, watchLiveFigures } from './wiring/roomUpkeep.js';
import { roundServices } from './wiring/roundServices.js';
import { routeUpgrades } from './wiring/routeUpgrades.js';
import { serverRuns } from './wiring/serverRuns.js';

export type { AppOptions };

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

/**
 * Wires the three planes onto one http.Server: Express (HTTP API and client), Socket.IO
 * (control) and the Yjs document server, routed by path on 'upgrade'. Does not listen.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const core = await openCoreServices(options);
  const { log, metrics, bank, store, rooms, docs, readiness } = core;
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
  const { seatChanges, seenQuestions, interview, rounds } = roundServices(core);
  // Wired to the control plane and the runner below, once they exist; only ticks after start().
  const simulation = new SimulationService({
    store,
    bank,
    rooms,
    interview,
    rounds,
    docs,
    runs: () => runs,
    publish: (roomId, view) => io.to(roomChannel(roomId)).emit(ServerEvent.SimulationState, view),
    roomChanged: (roomId) => void planes.broadcast(roomId),
    minuteMs: options.simMinuteMs ?? 60_000,
    log,
  });
  const originAllowed = originPolicy(
    options.allowedOrigins ?? (options.publicUrl ? [options.publicUrl] : undefined),
  );
  const hosts = { publicUrl: options.publicUrl, allowedHosts: options.allowedHosts };
  const { app, internalApp } = await httpApps(core, options, {
    interview,
    deletion,
    simulation,
    live: () => ({ sockets: io.of('/').sockets.size, documents: yjs.connectionCount }),
  });
  const internal = internalServer(internalApp, hosts);
  const { server, guard } = publicServer(core, app, hosts);
  const io = controlServer(core, server, guard, originAllowed);
  const { queue: runQueue, runs } = await serverRuns(core, options);
  const planes = attachRoomPlanes(io, core, {
    simulation,
    seen: seenQuestions,
    interview,
    rounds,
    runs,
    ice: options.ice,
    lobbyArrivalMs: options.lobbyArrivalMs,
  });
  const yjs = documentServer(core, guard, originAllowed);
  seatChanges.on((roomId, currentRound) => yjs.seatsChanged(roomId, currentRound));
  routeUpgrades(server, yjs);

  const janitor = roomJanitor(core);
  watchLiveFigures(core, io, yjs);
  janitor.start();
  await simulation.start();

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
      await listenOn(internal, options.internalPort ?? 0, options.internalHost ?? '127.0.0.1');
      return listenOn(server, port, host);
    },
    internalPort() {
      return (internal.address() as AddressInfo | null)?.port ?? 0;
    },
    close() {
      closed ??= closeInOrder({ planes, janitor, simulation, yjs, io, server, internal, runQueue, core });
      return closed;
    },
  };
}

/**
 * Stops what makes new work (the lobby, the janitor, simulations), closes the connections, then
 * flushes documents to the store before the store and the cluster close.
 */
async function closeInOrder(app: {
  planes: { lobby: { close(): void } };
  janitor: RoomJanitor;
  simulation: SimulationService;
  yjs: YjsWebSocketServer;
  io: ControlServer;
  server: http.Server;
  internal: http.Server;
  runQueue: RunQueue;
  core: CoreServices;
}): Promise<void> {
  const { planes, janitor, simulation, yjs, io, server, internal, runQueue, core } = app;
  planes.lobby.close();
  janitor.stop();
  simulation.stop();
  await yjs.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  server.closeAllConnections();
  internal.closeAllConnections();
  if (internal.listening) await new Promise<void>((resolve) => internal.close(() => resolve()));
  await runQueue.close();
  await core.docs.close();
  await core.cluster.close();
  await core.store.close();
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
