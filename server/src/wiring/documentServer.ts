import type http from 'node:http';
import { YjsWebSocketServer } from '../documentServer/YjsWebSocketServer.js';
import type { ConnectionGuard } from '../limits/ConnectionGuard.js';
import type { CoreServices } from './coreServices.js';

/** The document plane's server, within the document limits, behind the connection guard and origin check. */
export function documentServer(
  core: CoreServices,
  guard: ConnectionGuard,
  originAllowed: (req: http.IncomingMessage) => boolean,
): YjsWebSocketServer {
  const { rooms, docs, log, metrics, limits } = core;
  return new YjsWebSocketServer(rooms, docs, {
    log,
    metrics,
    budget: limits.doc,
    assemblyBytes: limits.docAssemblyBytes,
    assemblyDeadlineMs: limits.docAssemblyDeadlineMs,
    admit: (req) => guard.admitWebSocket(req),
    originAllowed,
  });
}
