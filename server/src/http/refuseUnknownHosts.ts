import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { HostPolicy } from './hostPolicy.js';

/** Paths answered whatever the Host: a load balancer's health check often dials by address. */
const ANY_HOST_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Makes `server` answer requests and WebSocket upgrades whose Host the policy refuses with
 * `421 Misdirected Request` and a sentence naming the setting to fix, before any listener sees
 * them (P-HTTP-3). It sits in front of the server's own events because Socket.IO (engine.io)
 * registers its listeners itself, and answers a refused upgrade with 400 and no word on why.
 */
export function refuseUnknownHosts(server: http.Server, policy: HostPolicy): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (!mayPass(policy, req)) {
        const body = policy.refusal(req);
        res.writeHead(421, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'",
          'X-Content-Type-Options': 'nosniff',
          'Content-Length': Buffer.byteLength(body),
          Connection: 'close',
        });
        res.end(body);
        return true;
      }
    } else if (event === 'upgrade') {
      const [req, socket] = args as [http.IncomingMessage, Duplex];
      if (!mayPass(policy, req)) {
        const body = policy.refusal(req);
        socket.on('error', () => socket.destroy());
        socket.end(
          `HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
}

function mayPass(policy: HostPolicy, req: http.IncomingMessage): boolean {
  if (policy.allowed(req)) return true;
  const path = (req.url ?? '').split('?')[0] ?? '';
  return req.method === 'GET' && ANY_HOST_PATHS.has(path);
}
