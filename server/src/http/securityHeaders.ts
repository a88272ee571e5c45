import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The code runner's sandbox page (built from client/sandbox.html), framed by the app. */
export const SANDBOX_PAGE = '/sandbox.html';
/** Public static files the sandbox loads from its opaque origin: its scripts and Python. */
const SANDBOX_LOADS = ['/assets/', '/pyodide/'];
/**
 * Excalidraw's font-subsetting worker (started from our origin when a board is exported). A
 * worker's CSP comes from its own script's response, and this one compiles WebAssembly
 * (HarfBuzz) and runs the functions Emscripten's bindings generate with `new Function`.
 */
const FONT_SUBSET_WORKER = /^\/assets\/subset-worker\.chunk-[\w-]+\.js$/;

export interface SecurityHeaderOptions {
  /** The app's public base URL (PUBLIC_URL); without it, the origin the request was made to. */
  publicUrl?: string;
}

/** A host as a browser sends it: a name or address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Security headers on every response (helmet): a strict CSP, nosniff, no referrer, no framing.
 * The app may run scripts from itself only and connect only to itself; the sandbox page gets a
 * CSP of its own (see `sandboxPolicy`); the static files the sandbox loads get CORS headers,
 * since its requests come from an opaque origin.
 */
export function securityHeaders({ publicUrl }: SecurityHeaderOptions = {}): RequestHandler {
  const configured = publicUrl ? new URL(publicUrl) : undefined;
  /** The app's origin as the browser sees it, for sources that need a path or a ws: scheme. */
  const origin = (req: IncomingMessage): { http: string; ws: string } | undefined => {
    if (configured) return { http: configured.origin, ws: wsOf(configured.protocol, configured.host) };
    const { protocol, host } = req as Request;
    if (!HOST.test(host ?? '')) return undefined;
    return { http: `${protocol}://${host}`, ws: wsOf(`${protocol}:`, host) };
  };
  // A directive value naming nothing when the origin is unknown: the sandbox then loads nothing.
  const from = (pick: (o: { http: string; ws: string }) => string) => (req: IncomingMessage) => {
    const found = origin(req);
    return found ? pick(found) : "'none'";
  };

  const common = {
    referrerPolicy: { policy: 'no-referrer' as const },
    // Only this host: a self-hosted instance must not decide HTTPS for its domain's other hosts.
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: false },
  };
  const app = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // No inline script, no eval: every script of the app is a file from the build.
        'script-src': ["'self'"],
        // CodeMirror and Excalidraw inject <style> elements and style attributes.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        // The replay's voice recordings play from object URLs of bytes fetched with a bearer.
        'media-src': ["'self'", 'blob:'],
        // 'self' covers ws: in CSP 3; the explicit source is for browsers that predate it.
        'connect-src': ["'self'", from((o) => o.ws)],
        // Excalidraw's font-subsetting worker; the runner's worker lives in the sandbox page.
        'worker-src': ["'self'"],
        // The code runner's sandbox page.
        'frame-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });
  const sandbox = helmet({
    ...common,
    contentSecurityPolicy: sandboxPolicy(from),
    xFrameOptions: { action: 'sameorigin' },
    // An opaque origin has an agent cluster of its own already; asking again only logs a warning.
    originAgentCluster: false,
  });
  const fontWorker = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
      },
    },
  });

  return (req: Request, res: Response, next: NextFunction) => {
    if (FONT_SUBSET_WORKER.test(req.path)) {
      fontWorker(req, res, next);
      return;
    }
    if (req.path === SANDBOX_PAGE) {
      // The policy names the origin the request came in on: never let a cache hand it to another.
      res.setHeader('Cache-Control', 'no-store');
      sandbox(req, res, next);
      return;
    }
    app(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (SANDBOX_LOADS.some((prefix) => req.path.startsWith(prefix))) {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      }
      next();
    });
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

function wsOf(protocol: string, host: string): string {
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
}
