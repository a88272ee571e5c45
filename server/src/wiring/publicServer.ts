import http from 'node:http';
import type { Express } from 'express';
import { internalHostPolicy, publicHostPolicy } from '../http/hostPolicy.js';
import { refuseUnknownHosts } from '../http/refuseUnknownHosts.js';
import { ConnectionGuard } from '../limits/ConnectionGuard.js';
import { redact } from '../logging/redact.js';
import type { CoreServices } from './coreServices.js';

export interface HostNames {
  publicUrl?: string;
  allowedHosts?: string[];
}

/**
 * The public http.Server around the Express app, with slow-request timeouts, the per-address
 * connection guard and the host check in front of every other listener (P-HTTP-3).
 */
export function publicServer(core: CoreServices, app: Express, hosts: HostNames) {
  const { limits, trust, metrics, log } = core;
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
  refuseUnknownHosts(server, publicHostPolicy(hosts));
  return { server, guard };
}

/** The operators' listener (`/internal/...`), which the public never reaches (P-HTTP-2). */
export function internalServer(app: Express, hosts: HostNames): http.Server {
  const server = http.createServer(app);
  refuseUnknownHosts(server, internalHostPolicy(hosts));
  return server;
}
