import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves Excalidraw's fonts from our own origin (the board must work with no internet): copies
 * `@excalidraw/excalidraw/dist/prod/fonts` into the build under a versioned path (so the server
 * may cache it as immutable, like every other asset), serves the same files in dev, and tells the
 * client the path as `__EXCALIDRAW_ASSET_PATH__` (client/src/board/assetPath.ts hands it on).
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
