import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What is worth compressing: text, WebAssembly and Python's memory snapshot (fonts, images and zips are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|wasm|json|svg|txt|snapshot)$/;
/** A copy that saves less than this is not kept: the server then sends the file as it is. */
const MIN_SAVING = 0.1;
/** Brotli's best level takes minutes on Pyodide's 8.6 MB of wasm; level 9 is within 5% of it. */
const BEST_LEVEL_BELOW_BYTES = 512 * 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, once, at build
 * time, so the server answers `Accept-Encoding` with a ready copy and spends no CPU per request
 * (server/src/http/precompressed.ts).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mockloop-precompress',
    apply: 'build',
    // After the other plugins' writeBundle (Pyodide and Excalidraw's assets are copied there).
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => COMPRESSIBLE.test(f))
        .map((f) => path.join(outDir, f));
      await Promise.all(
        files.map(async (file) => {
          const raw = fs.readFileSync(file);
          const quality = raw.length < BEST_LEVEL_BELOW_BYTES ? 11 : 9;
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzip(raw, { level: 9 }),
          ]);
          if (br.length < raw.length * (1 - MIN_SAVING)) fs.writeFileSync(`${file}.br`, br);
          if (gz.length < raw.length * (1 - MIN_SAVING)) fs.writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}
