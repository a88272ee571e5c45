import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { copyPyodide } from './vite/copyPyodide';
import { emacsKeyBindings } from './vite/emacsKeyBindings';
import { excalidrawAssets, excalidrawSubsetModules } from './vite/excalidrawAssets';
import { precompress } from './vite/precompress';

const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  plugins: [react(), copyPyodide(), excalidrawAssets(), precompress(), emacsKeyBindings()],
  resolve: {
    alias: { '@mockloop/shared': sharedEntry },
    // npm hoists React 18 to the root for Excalidraw's peers (jotai); one React, the client's, for all.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets scripts/bundle-size.mjs report what each page loads.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    // Two pages: the app, and the code runner's sandbox, which the app frames in an opaque origin.
    rolldownOptions: {
      input: { index: page('./index.html'), sandbox: page('./sandbox.html') },
      // Excalidraw's font-subsetting worker gets the code it imports as a chunk of its own.
      output: { codeSplitting: { groups: [{ name: 'excalidraw-subset', test: excalidrawSubsetModules() }] } },
    },
  },
  // The runner worker is a module (it imports Pyodide and its own chunks from our origin).
  worker: { format: 'es' },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
      // The code runner's sandbox and Python come from the server's last build (`npm run build`):
      // the sandbox page needs the server's CSP, naming this origin (so the Host header is kept),
      // and its opaque origin needs the server's CORS headers (the dev server refuses origin null).
      ...Object.fromEntries(
        ['/sandbox.html', '/assets', '/pyodide'].map((path) => [path, { target: 'http://localhost:3000' }]),
      ),
    },
  },
});
