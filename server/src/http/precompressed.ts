import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings a request accepts (q=0 refuses one), by name. */
function accepted(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

/**
 * Serves the build's precompressed copies (`<file>.br`, `<file>.gz`, made by the client build) to
 * browsers that accept them, with the original file's type, `Content-Encoding` and
 * `Vary: Accept-Encoding`; everything else falls through to express.static. Which copies exist
 * is read once at start, so a request costs no file-system probing. A range request gets the
 * file as it is (ranges of an encoded body would not mean what the client asked).
 */
export function precompressed(
  root: string,
  setHeaders: (res: Response, file: string) => void,
): RequestHandler {
  const copies = new Map<string, Set<string>>(); // URL path -> encodings available
  for (const relative of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, relative);
    for (const { name, suffix } of ENCODINGS) {
      if (!file.endsWith(suffix)) continue;
      const original = file.slice(0, -suffix.length);
      if (!fs.existsSync(original)) continue;
      const url = `/${path.relative(root, original).split(path.sep).join('/')}`;
      const set = copies.get(url) ?? new Set<string>();
      set.add(name);
      copies.set(url, set);
    }
  }
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const available = copies.get(req.path);
    if (!available) return next();
    res.vary('Accept-Encoding');
    if (req.headers.range) return next();
    const wanted = accepted(req.headers['accept-encoding']);
    const encoding = ENCODINGS.find((e) => available.has(e.name) && wanted.has(e.name));
    if (!encoding) return next();
    const original = path.join(root, ...req.path.split('/'));
    res.type(path.extname(original));
    res.setHeader('Content-Encoding', encoding.name);
    setHeaders(res, original);
    res.sendFile(`${original}${encoding.suffix}`, { dotfiles: 'deny', acceptRanges: false }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}
