#!/usr/bin/env node
/**
 * `npm start`: starts the built server, building first only when the build is missing or older
 * than the sources. The production entry point is plain `node server/dist/main.js` (README,
 * "Run it in production"); this wrapper is for the quick start, so that the first start builds
 * and every later one (a restart after a crash included) starts in about a second.
 *
 * "Older than the sources" is decided by the fingerprint `npm run build` leaves next to the build
 * (scripts/build-stamp.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, sourceFingerprint, writeBuildStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['server/dist/main.js', 'shared/dist/index.js', 'client/dist/index.html'];
/** Why the build must run, or null when it is current. */
function staleness(fingerprint) {
  const missing = OUTPUTS.find((output) => !fs.existsSync(path.join(root, output)));
  if (missing) return `no build yet (${missing} is missing)`;
  let stamp = '';
  try {
    stamp = fs.readFileSync(BUILD_STAMP, 'utf8').trim();
  } catch {
    return 'the build has no stamp (built by hand?)';
  }
  return stamp === fingerprint ? null : 'the sources changed since the last build';
}

const fingerprint = sourceFingerprint();
const reason = process.env.MOCKLOOP_SKIP_BUILD_CHECK ? null : staleness(fingerprint);
if (reason) {
  console.log(`Building first: ${reason}. This takes a minute once; later starts skip it.`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('The build failed: see above. Nothing was started.');
    process.exit(built.status ?? 1);
  }
  writeBuildStamp();
}

// The server itself, as production runs it. Ctrl+C reaches it from the terminal directly (it is
// in the same process group); a SIGTERM sent to this wrapper alone is passed on.
const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
