import type http from 'node:http';
import { Server } from 'socket.io';
import type { ControlServer } from '../control/ControlPlane.js';
import { attachSocketGuards } from '../control/socketGuards.js';
import type { ConnectionGuard } from '../limits/ConnectionGuard.js';
import { connectionLog } from '../logging/connectionLog.js';
import type { CoreServices } from './coreServices.js';

/** Control events are small; anything bigger is abuse. */
const MAX_CONTROL_MESSAGE_BYTES = 64 * 1024;

/**
 * The Socket.IO server of the control plane on the public server, before any plane's events:
 * WebSocket only, origin and draining checked at the handshake, the connection guard, the
 * per-socket guards, and the cluster's adapter.
 */
export function controlServer(
  core: CoreServices,
  server: http.Server,
  guard: ConnectionGuard,
  originAllowed: (req: http.IncomingMessage) => boolean,
): ControlServer {
  const { readiness, log, limits, metrics, cluster } = core;
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
  return io;
}
