import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The code runner's sandbox page (built from client/sandbox.html), framed by the app. */
export const SANDBOX_PAGE = '/sandbox.html';
/** Public static files the sandbox loads from its opaque origin: its scripts and Python. */
const SANDBOX_LOADS = ['/assets/', '/pyodide/'];

export interface SecurityHeaderOptions {
  /** The app's public base URL (PUBLIC_URL); without it, the origin the request was made to. */
  publicUrl?: string;
}

/** A host as a browser sends it: a name or address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Headers for the code runner's sandbox: its page gets a CSP of its own (see `sandboxPolicy`);
 * the static files it loads get CORS headers, since its requests come from an opaque origin.
 */
export function securityHeaders({ publicUrl }: SecurityHeaderOptions = {}): RequestHandler {
  const configured = publicUrl ? new URL(publicUrl) : undefined;
  /** The app's origin as the browser sees it, for sources that need a path. */
  const origin = (req: IncomingMessage): { http: string } | undefined => {
    if (configured) return { http: configured.origin };
    const { protocol, host } = req as Request;
    if (!HOST.test(host ?? '')) return undefined;
    return { http: `${protocol}://${host}` };
  };
  // A directive value naming nothing when the origin is unknown: the sandbox then loads nothing.
  const from = (pick: (o: { http: string }) => string) => (req: IncomingMessage) => {
    const found = origin(req);
    return found ? pick(found) : "'none'";
  };

  const sandbox = helmet({
    referrerPolicy: { policy: 'no-referrer' },
    // Only this host: a self-hosted instance must not decide HTTPS for its domain's other hosts.
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: false },
    contentSecurityPolicy: sandboxPolicy(from),
    xFrameOptions: { action: 'sameorigin' },
    // An opaque origin has an agent cluster of its own already; asking again only logs a warning.
    originAgentCluster: false,
  });

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === SANDBOX_PAGE) {
      // The policy names the origin the request came in on: never let a cache hand it to another.
      res.setHeader('Cache-Control', 'no-store');
      sandbox(req, res, next);
      return;
    }
    if (SANDBOX_LOADS.some((prefix) => req.path.startsWith(prefix))) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    next();
  };
}

/**
 * The sandbox page's CSP. Its `sandbox` directive gives it an opaque origin however it is
 * loaded; scripts come only from our /assets/ and /pyodide/ (eval allowed: running code is its
 * job; WebAssembly for Python); its worker only from a blob: URL (the worker inherits this
 * policy); and the only network it may reach is /pyodide/, to load Python: no API, no document
 * server, no other host. Only our own pages may frame it.
 */
function sandboxPolicy(from: (pick: (o: { http: string }) => string) => (req: IncomingMessage) => string) {
  return {
    useDefaults: false as const,
    directives: {
      'default-src': ["'none'"],
      'script-src': [
        from((o) => `${o.http}/assets/`),
        from((o) => `${o.http}/pyodide/`),
        "'unsafe-eval'",
        "'wasm-unsafe-eval'",
      ],
      'worker-src': ['blob:'],
      'connect-src': [from((o) => `${o.http}/pyodide/`)],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'self'"],
      sandbox: ['allow-scripts'],
    },
  };
}
