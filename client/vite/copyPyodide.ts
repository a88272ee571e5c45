import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The files Pyodide needs to start (no packages beyond the standard library). */
const FILES = ['pyodide.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
/** Those of them Pyodide downloads with `fetch` (the rest are imported), whose bytes the runner counts. */
const FETCHED = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

const pyodideDir = () => path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

/**
 * Serves Python from the app's own origin: copies Pyodide's runtime from node_modules into
 * `<outDir>/pyodide/<version>/` at build time, so running Python needs no CDN and works offline.
 * The version in the path lets the server cache it as immutable; the client finds it as
 * `__PYODIDE_PATH__`, and the size of each file it downloads as `__PYODIDE_FETCHED_BYTES__` (a
 * compressed response's length says nothing of what it decodes to), to show progress.
 */
export function copyPyodide(): Plugin {
  let outDir = 'dist';
  const { version } = JSON.parse(fs.readFileSync(path.join(pyodideDir(), 'package.json'), 'utf8')) as {
    version: string;
  };
  const base = `/pyodide/${version}/`;
  const fetchedBytes = Object.fromEntries(
    FETCHED.map((file) => [file, fs.statSync(path.join(pyodideDir(), file)).size]),
  );
  return {
    name: 'mockloop-copy-pyodide',
    config: () => ({
      define: {
        __PYODIDE_PATH__: JSON.stringify(base),
        __PYODIDE_FETCHED_BYTES__: JSON.stringify(fetchedBytes),
      },
    }),
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const target = path.join(outDir, ...base.split('/'));
      fs.mkdirSync(target, { recursive: true });
      for (const file of FILES) fs.copyFileSync(path.join(pyodideDir(), file), path.join(target, file));
    },
  };
}
