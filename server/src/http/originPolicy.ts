import type { IncomingMessage } from 'node:http';

/**
 * Which browser origins may open the WebSocket planes (control and documents): a page elsewhere
 * cannot ride a visitor's browser into a room. `allowed` comes from ALLOWED_ORIGINS, else from
 * PUBLIC_URL; without either, the page must come from the host it connects to. A request without
 * an Origin header is not from a browser page and is let through (the token still decides).
 */
export function originPolicy(allowed: string[] | undefined): (req: IncomingMessage) => boolean {
  const list = allowed?.map((o) => new URL(o).origin);
  return (req) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (list) return list.includes(parsed.origin);
    return parsed.host === req.headers.host;
  };
}
