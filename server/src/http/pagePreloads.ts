import fs from 'node:fs';
import path from 'node:path';
import type { PageName } from '@mockloop/shared';

/**
 * Each page the client loads on demand, by its module in the client's source (the keys of Vite's
 * build manifest). The home and not-found pages are in the entry chunk.
 */
export const PAGE_MODULES: Readonly<Record<PageName, string | null>> = {
  home: null,
  lobby: 'src/pages/LobbyPage.tsx',
  practice: 'src/pages/PracticePage.tsx',
  myQuestions: 'src/pages/MyQuestionsPage.tsx',
  myQuestion: 'src/pages/QuestionEditorPage.tsx',
  sharedQuestion: 'src/pages/SharedQuestionPage.tsx',
  room: 'src/pages/RoomPage.tsx',
  report: 'src/pages/ReportPage.tsx',
  review: 'src/pages/ReviewPage.tsx',
  track: 'src/pages/TrackPage.tsx',
  question: 'src/pages/QuestionPreviewPage.tsx',
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A chunk's file and every chunk it imports statically, with their style sheets. */
function closure(manifest: Manifest, key: string, files = new Set<string>(), css = new Set<string>()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return { files, css };
  files.add(chunk.file);
  for (const sheet of chunk.css ?? []) css.add(sheet);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, files, css);
  return { files, css };
}

/**
 * index.html for each page, with the page's own chunks announced in its head. The app finds out
 * which page it shows only once its entry has run, and only then asks for the page's chunk and
 * what that imports: two round trips one after the other (a room's 13 chunks waited about 150 ms
 * for the entry, measured with `npm run bench:page`). Announced as `modulepreload`, they download
 * alongside the entry. Without a build manifest every page gets index.html as it is.
 */
export function pageHtml(clientDir: string): (page: PageName | null) => string {
  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const manifestFile = path.join(clientDir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) return () => html;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  // What the entry loads is in index.html already.
  const entry = closure(manifest, 'index.html');
  const pages = new Map<PageName, string>();
  for (const [name, module] of Object.entries(PAGE_MODULES) as Array<[PageName, string | null]>) {
    if (!module) continue;
    const { files, css } = closure(manifest, module);
    const tags = [
      ...[...css]
        .filter((sheet) => !entry.css.has(sheet))
        .map((sheet) => `<link rel="stylesheet" crossorigin href="/${sheet}">`),
      ...[...files]
        .filter((file) => !entry.files.has(file))
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ];
    pages.set(name, html.replace('</head>', `    ${tags.join('\n    ')}\n  </head>`));
  }
  return (page) => (page && pages.get(page)) || html;
}
