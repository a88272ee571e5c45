import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Excalidraw's fallback base for its fonts, a CDN, as its build spells it. */
const CDN_FALLBACK = /`https:\/\/esm\.sh\/\$\{.*?\}\/dist\/prod\/`/;

/**
 * Serves Excalidraw's fonts from our own origin (the board must work with no internet): copies
 * `@excalidraw/excalidraw/dist/prod/fonts` into the build under a versioned path (so the server
 * may cache it as immutable, like every other asset), serves the same files in dev, and tells the
 * client the path as `__EXCALIDRAW_ASSET_PATH__` (client/src/board/assetPath.ts hands it on).
 * Excalidraw also lists a CDN copy after ours in every font face; the build points that fallback
 * at our copy too, so the page never names the CDN (the CSP would refuse it, once per face).
 */
export function excalidrawAssets(): Plugin {
  const prodDir = path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw'));
  const fontsDir = path.join(prodDir, 'fonts');
  const { version } = JSON.parse(fs.readFileSync(path.join(prodDir, '../../package.json'), 'utf8')) as {
    version: string;
  };
  const base = `/assets/excalidraw-${version}/`;
  return {
    name: 'mockloop-excalidraw-assets',
    config: () => ({ define: { __EXCALIDRAW_ASSET_PATH__: JSON.stringify(base) } }),
    transform(code, id) {
      if (!id.includes('/@excalidraw/excalidraw/dist/prod/') || !code.includes('ASSETS_FALLBACK_URL')) return;
      if (!CDN_FALLBACK.test(code)) {
        this.error('Excalidraw no longer spells its font CDN fallback as expected: update CDN_FALLBACK');
      }
      return {
        code: code.replace(CDN_FALLBACK, `(window.location.origin+${JSON.stringify(base)})`),
        map: null,
      };
    },
    configureServer(server) {
      server.middlewares.use(`${base}fonts/`, (req, res, next) => {
        const file = path.join(fontsDir, decodeURIComponent((req.url ?? '').split('?')[0] ?? ''));
        if (!file.startsWith(fontsDir + path.sep) || !fs.existsSync(file)) return next();
        res.setHeader('Content-Type', 'font/woff2');
        fs.createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      const files = (fs.readdirSync(fontsDir, { recursive: true }) as string[]).filter((f) =>
        f.endsWith('.woff2'),
      );
      for (const file of files) {
        this.emitFile({
          type: 'asset',
          fileName: `${base.slice(1)}fonts/${file.split(path.sep).join('/')}`,
          source: fs.readFileSync(path.join(fontsDir, file)),
        });
      }
    },
  };
}

/**
 * The modules Excalidraw's font-subsetting worker imports (read from its own build), for a chunk
 * of their own. Left to itself the bundler merges them into the whiteboard chunk, which the
 * worker then imports whole and fails on (it touches `window`), and Excalidraw falls back to
 * subsetting on the page, where the app's CSP (no eval, no WebAssembly) refuses it.
 */
export function excalidrawSubsetModules(): (id: string) => boolean {
  const prodDir = path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw'));
  const worker = fs.readFileSync(path.join(prodDir, 'subset-worker.chunk.js'), 'utf8');
  const files = new Set(['subset-shared.chunk.js']);
  for (const match of worker.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g))
    if (match[1]) files.add(match[1]);
  const wanted = [...files].map((file) => path.join(prodDir, file));
  return (id) => wanted.includes(id.split('?')[0] ?? id);
}
