import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { addressKey } from './addressKey.js';
import { ConnectionCounter } from './ConnectionCounter.js';
import { clientAddress, fromTrustedProxy, type TrustProxy } from './clientAddress.js';

/**
 * Caps the connections one IP address holds open (`connectionsPerIp`). A direct client is
 * counted by TCP connection, before a byte is parsed, so half-open requests count too. Behind a
 * trusted proxy every TCP connection comes from the proxy, so there the WebSockets (control and
 * documents) are counted by the address the proxy forwarded instead. IPv6 counts per /64.
 */
export class ConnectionGuard {
  private readonly tcp: ConnectionCounter;
  private readonly proxied: ConnectionCounter;

  constructor(
    max: number,
    private readonly trust: TrustProxy,
    private readonly log: (message: string) => void,
  ) {
    this.tcp = new ConnectionCounter(max);
    this.proxied = new ConnectionCounter(max);
  }

  attach(server: http.Server): void {
    server.on('connection', (socket) => {
      const address = socket.remoteAddress;
      if (address === undefined || fromTrustedProxy(address, this.trust)) return;
      const key = addressKey(address);
      if (!this.tcp.tryOpen(key)) {
        this.log(`[limits] ${key} is over its connection limit`);
        socket.destroy();
        return;
      }
      socket.once('close', () => this.tcp.close(key));
    });
  }

  /**
   * Counts a WebSocket that came through a trusted proxy; returns its release, or null when that
   * client is over its limit. Direct connections are already counted (returns a no-op release).
   */
  admitWebSocket(req: IncomingMessage): (() => void) | null {
    if (!fromTrustedProxy(req.socket.remoteAddress, this.trust)) return () => {};
    const address = addressKey(clientAddress(req, this.trust));
    if (!this.proxied.tryOpen(address)) return null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.proxied.close(address);
    };
  }
}
