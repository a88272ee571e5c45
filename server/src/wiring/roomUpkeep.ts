import type { ControlServer } from '../control/ControlPlane.js';
import type { YjsWebSocketServer } from '../documentServer/YjsWebSocketServer.js';
import { RoomJanitor } from '../rooms/RoomJanitor.js';
import type { CoreServices } from './coreServices.js';

/** The janitor that deletes rooms past their retention; rooms someone is in or has open stay. */
export function roomJanitor(core: CoreServices): RoomJanitor {
  const { store, limits, presence, docs, log, metrics } = core;
  return new RoomJanitor(store, {
    retentionMs: limits.roomRetentionMs,
    inUse: (roomId) => presence.snapshot(roomId).size > 0 || docs.hasRoom(roomId),
    log,
    onDeleted: (count) => metrics.roomsDeleted.inc({ reason: 'expired' }, count),
  });
}

/** The gauges read at each scrape: rooms, documents and sockets live, the lobby's line, files stored. */
export function watchLiveFigures(core: CoreServices, io: ControlServer, yjs: YjsWebSocketServer): void {
  const { metrics, docs, cluster, store } = core;
  metrics.watch({
    roomsLive: () => docs.roomIds().length,
    documentsLive: () => docs.size,
    socketsOpen: () => ({ control: io.of('/').sockets.size, document: yjs.connectionCount }),
    lobbyLine: async () => (await cluster.waitingQueue.list()).length,
    filesBytes: () => store.filesTotalBytes(),
  });
}
