import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which proxies may tell us the client's address (X-Forwarded-For): Express' `trust proxy` syntax. */
export type TrustProxy = ReturnType<typeof proxyAddr.compile>;

/** Compiles a list such as `loopback` or `10.0.0.0/8, 127.0.0.1`; `none` trusts no proxy. */
export function compileTrust(setting: string): TrustProxy {
  const list = setting
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');
  return proxyAddr.compile(list);
}

/**
 * The address a request really comes from: the socket's, or the one a trusted proxy forwarded.
 * Limits per IP are keyed by this, so HAProxy in front of the app does not make everyone one IP.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  try {
    return proxyAddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}

/** Whether a connection comes from a trusted proxy (its clients are counted per forwarded address). */
export function fromTrustedProxy(remoteAddress: string | undefined, trust: TrustProxy): boolean {
  return remoteAddress !== undefined && trust(remoteAddress, 0);
}
