import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server } from 'socket.io';
import { DocTokens } from './auth/DocTokens.js';
import { attachControlPlane, type ControlServer } from './control/ControlPlane.js';
import { attachLobbyPlane, socketNotifier } from './control/LobbyPlane.js';
import { DocManager, type DocManagerOptions } from './documents/DocManager.js';
import { YjsWebSocketServer } from './documents/YjsWebSocketServer.js';
import { FileService } from './files/FileService.js';
import { createHttpApp } from './http/createHttpApp.js';
import { InterviewService } from './interview/InterviewService.js';
import { KeyedMutex } from './interview/KeyedMutex.js';
import { LobbyService, participantChannel } from './lobby/LobbyService.js';
import { InMemoryWaitingQueue } from './lobby/WaitingQueue.js';
import { loadQuestionBank, type QuestionBank } from './questions/loadQuestionBank.js';
import { InMemoryPresence } from './rooms/Presence.js';
import { RoomService } from './rooms/RoomService.js';
import { RoundService } from './rounds/RoundService.js';
import { SqliteStore } from './store/SqliteStore.js';
import type { Store } from './store/Store.js';

export interface AppOptions {
  dataDir: string;
  /** The question bank folder; loading fails start-up with file, field and reason. */
  questionsDir: string;
  clientDir?: string;
  publicUrl?: string;
  tokenSecret?: string;
  /** Use this store instead of SQLite under dataDir. */
  store?: Store;
  docs?: DocManagerOptions;
  /** How long a matched person has to open the room (default 60 s). */
  lobbyArrivalMs?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface App {
  server: http.Server;
  store: Store;
  docs: DocManager;
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
  const bank = await loadQuestionBank(options.questionsDir);
  const store = options.store ?? new SqliteStore(path.join(options.dataDir, 'mockloop.sqlite'));
  const tokens = await DocTokens.load(store, options.tokenSecret);
  const presence = new InMemoryPresence();
  const rooms = new RoomService(store, tokens, presence);
  const docs = new DocManager(store, { onError: (err, name) => log(`[docs] ${name}`, err), ...options.docs });

  const roomLock = new KeyedMutex();
  const interview = new InterviewService(store, bank, docs, roomLock);
  const rounds = new RoundService(store, bank, docs, roomLock);
  const app = createHttpApp({
    rooms,
    interview,
    rounds,
    files: new FileService(store),
    bank,
    clientDir: options.clientDir,
    publicUrl: options.publicUrl,
    log,
  });
  const server = http.createServer(app);

  const io: ControlServer = new Server(server, {
    serveClient: false,
    maxHttpBufferSize: MAX_CONTROL_MESSAGE_BYTES,
    // Our /yjs upgrades are answered asynchronously (token check, document load): engine.io must
    // not destroy upgrades it does not own.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
  });
  const lobby = new LobbyService(
    new InMemoryWaitingQueue(),
    rooms,
    () => bank.tracks.map((t) => t.id),
    socketNotifier(io),
    options.lobbyArrivalMs,
  );
  attachControlPlane(io, {
    rooms,
    interview,
    rounds,
    presence,
    log,
    onArrive: (participant) => lobby.arrived(participant.id),
    onDepart: (participantId) => {
      lobby.leave(participantChannel(participantId)).catch((err) => log('[lobby] leave failed', err));
    },
  });
  attachLobbyPlane(io, lobby, log);

  const yjs = new YjsWebSocketServer(rooms, docs, log);
  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (YjsWebSocketServer.matches(pathname)) {
      void yjs.handleUpgrade(req, socket, head);
    } else if (!pathname.startsWith('/socket.io/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  let closed: Promise<void> | undefined;
  return {
    server,
    store,
    docs,
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
        await yjs.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        await docs.close();
        await store.close();
      })();
      return closed;
    },
  };
}
