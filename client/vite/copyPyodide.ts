import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { makePythonSnapshot, snapshotFileName } from './pythonSnapshot';

/** The files Pyodide needs to start (no packages beyond the standard library). */
const FILES = ['pyodide.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
/** Those of them Pyodide downloads with `fetch` (the rest are imported), whose bytes the runner counts. */
const FETCHED = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

const pyodideDir = () => path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

/**
 * Serves Python from the app's own origin: copies Pyodide's runtime from node_modules into
 * `<outDir>/pyodide/<version>/` at build time, with a memory snapshot of it just started
 * (pythonSnapshot.ts), so running Python needs no CDN, works offline and starts without
 * Python's own start-up. The version in the path lets the server cache it as immutable; the
 * client finds it as `__PYODIDE_PATH__` and the snapshot as `__PYODIDE_SNAPSHOT__`, and the size
 * of each file it downloads as `__PYODIDE_FETCHED_BYTES__` (a compressed response's length says
 * nothing of what it decodes to), to show progress.
 */
export function copyPyodide(): Plugin {
  let outDir = 'dist';
  let snapshot: Uint8Array | undefined;
  const { version } = JSON.parse(fs.readFileSync(path.join(pyodideDir(), 'package.json'), 'utf8')) as {
    version: string;
  };
  const base = `/pyodide/${version}/`;
  const snapshotFile = snapshotFileName(version);
  return {
    name: 'mockloop-copy-pyodide',
    async config(_config, { command }) {
      const fetchedBytes: Record<string, number> = Object.fromEntries(
        FETCHED.map((file) => [file, fs.statSync(path.join(pyodideDir(), file)).size]),
      );
      // Only a build writes the snapshot (the dev server takes /pyodide/ from the last build).
      if (command === 'build') {
        snapshot = await makePythonSnapshot(pyodideDir());
        fetchedBytes[snapshotFile] = snapshot.byteLength;
      }
      return {
        define: {
          __PYODIDE_PATH__: JSON.stringify(base),
          __PYODIDE_SNAPSHOT__: JSON.stringify(snapshotFile),
          __PYODIDE_FETCHED_BYTES__: JSON.stringify(fetchedBytes),
        },
      };
    },
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const target = path.join(outDir, ...base.split('/'));
      fs.mkdirSync(target, { recursive: true });
      for (const file of FILES) fs.copyFileSync(path.join(pyodideDir(), file), path.join(target, file));
      if (snapshot) fs.writeFileSync(path.join(target, snapshotFile), snapshot);
    },
  };
}
