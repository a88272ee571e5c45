import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** Which `Host` headers a listener answers to, and what to say to the others. */
export interface HostPolicy {
  allowed(req: IncomingMessage): boolean;
  /** The plain sentence a refused request gets (with 421 Misdirected Request). */
  refusal(req: IncomingMessage): string;
}

/**
 * The public listener's Host allow-list (P-HTTP-3): the host names of PUBLIC_URL and of
 * ALLOWED_HOSTS (`*.example.org` covers its subdomains; ports are ignored), and always the
 * loopback names (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`), which only a page on this
 * machine can use. A DNS-rebinding page names its own domain in Host, so it is refused. A request
 * without a Host header is not from a browser (HTTP/1.0 health checks) and passes.
 */
export function publicHostPolicy(options: { publicUrl?: string; allowedHosts?: string[] }): HostPolicy {
  const names = [
    ...(options.publicUrl ? [new URL(options.publicUrl).hostname] : []),
    ...(options.allowedHosts ?? []),
  ].map(normalise);
  return policy((host) => isLoopbackName(host) || names.some((name) => matches(name, host)));
}

/**
 * The internal listener's: loopback names, IP addresses (a scraper that dials the node by address;
 * an address cannot be rebound) and the public list. Never another domain name, so a page that
 * rebinds its domain to 127.0.0.1 cannot read the node's room list.
 */
export function internalHostPolicy(options: { publicUrl?: string; allowedHosts?: string[] }): HostPolicy {
  const open = publicHostPolicy(options);
  return policy((host, req) => net.isIP(host) !== 0 || open.allowed(req));
}

function policy(accepts: (host: string, req: IncomingMessage) => boolean): HostPolicy {
  return {
    allowed(req) {
      const header = req.headers.host;
      if (header === undefined) return true;
      const host = hostnameOf(header);
      return host !== null && accepts(host, req);
    },
    refusal(req) {
      const host = JSON.stringify(String(req.headers.host ?? '').slice(0, 100));
      return `This server does not answer to the host name ${host}. If that is its address, add it to ALLOWED_HOSTS (comma-separated) or set PUBLIC_URL to it.\n`;
    },
  };
}

/** The host name of a Host header (lower case, no port, no trailing dot, IPv6 without brackets). */
export function hostnameOf(header: string): string | null {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1] ?? null;
  const plain = /^([a-z0-9._-]+?)\.?(?::\d{1,5})?$/.exec(value);
  return plain?.[1] ?? null;
}

function normalise(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed.startsWith('*.')) return `*.${hostnameOf(trimmed.slice(2)) ?? trimmed.slice(2)}`;
  return hostnameOf(trimmed) ?? trimmed;
}

function matches(name: string, host: string): boolean {
  return name.startsWith('*.') ? host.endsWith(name.slice(1)) : name === host;
}

function isLoopbackName(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    (net.isIPv4(host) && host.startsWith('127.'))
  );
}
