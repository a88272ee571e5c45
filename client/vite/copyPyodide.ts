import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The files Pyodide needs to start (no packages beyond the standard library). */
const FILES = ['pyodide.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

/**
 * Serves Python from the app's own origin: copies Pyodide's runtime from node_modules into
 * `<outDir>/pyodide/` at build time, so running Python needs no CDN and works offline.
 */
export function copyPyodide(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mockloop-copy-pyodide',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const source = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
      const target = path.join(outDir, 'pyodide');
      fs.mkdirSync(target, { recursive: true });
      for (const file of FILES) fs.copyFileSync(path.join(source, file), path.join(target, file));
    },
  };
}
