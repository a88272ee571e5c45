/**
 * The build's fingerprint of its sources: every source file's path, size and modification time
 * (shared/, server/, client/, the lockfile), hashed. `npm run build` writes it next to the build
 * (`node scripts/build-stamp.mjs`); `npm start` (scripts/start.mjs) rebuilds when it differs.
 * Reading it costs a few milliseconds; no file is read whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_STAMP = path.join(root, 'server/dist/.build-stamp');

const SOURCES = [
  'shared/src',
  'server/src',
  'client/src',
  'client/vite',
  'client/index.html',
  'client/sandbox.html',
  'client/vite.config.ts',
  'client/public',
  'package-lock.json',
  'tsconfig.base.json',
];

/** Path, size and mtime of every file under the sources, in a stable order, hashed. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = fs.statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name));
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) visit(source);
  return hash.digest('hex');
}

export function writeBuildStamp() {
  fs.writeFileSync(BUILD_STAMP, `${sourceFingerprint()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeBuildStamp();
