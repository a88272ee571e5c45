import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_MODULES, pageHtml } from './pagePreloads.js';

const HTML = '<!doctype html><html><head><title>Mockloop</title></head><body></body></html>';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function builtClient(manifest?: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-preloads-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), HTML);
  if (manifest) {
    fs.mkdirSync(path.join(dir, '.vite'));
    fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  }
  return dir;
}

/** The shape Vite writes: the entry, a page and the chunks they share or not. */
const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', imports: ['_react-1.js'], css: ['assets/index-1.css'] },
  '_react-1.js': { file: 'assets/react-1.js' },
  '_editor-1.js': { file: 'assets/editor-1.js', imports: ['_react-1.js', 'index.html'] },
  'src/pages/RoomPage.tsx': {
    file: 'assets/RoomPage-1.js',
    imports: ['index.html', '_react-1.js', '_editor-1.js'],
    css: ['assets/RoomPage-1.css'],
    dynamicImports: ['src/board/Whiteboard.tsx'],
  },
  'src/board/Whiteboard.tsx': { file: 'assets/Whiteboard-1.js' },
};

describe('pageHtml: a page names its own chunks in its head', () => {
  it("the room's page preloads its chunk and what it imports, not the entry's nor what it loads later", () => {
    const html = pageHtml(builtClient(MANIFEST))('room');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/RoomPage-1.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/editor-1.js">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/RoomPage-1.css">');
    expect(html).not.toContain('react-1.js');
    expect(html).not.toContain('index-1');
    expect(html).not.toContain('Whiteboard');
    expect(html.indexOf('RoomPage-1.js')).toBeLessThan(html.indexOf('</head>'));
  });

  it('the home page, an unknown page and a build without a manifest get index.html as it is', () => {
    const htmlFor = pageHtml(builtClient(MANIFEST));
    expect(htmlFor('home')).toBe(HTML);
    expect(htmlFor(null)).toBe(HTML);
    expect(pageHtml(builtClient())('room')).toBe(HTML);
  });

  it("every page module it names is a file in the client's source", () => {
    const clientDir = path.join(import.meta.dirname, '../../../client');
    for (const module of Object.values(PAGE_MODULES)) {
      if (module) expect(fs.existsSync(path.join(clientDir, module)), module).toBe(true);
    }
  });
});
