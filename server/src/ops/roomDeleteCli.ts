/**
 * `npm run room:delete -- <roomId> [--server <internal URL>]`: deletes a room with everything in
 * it (P-ROOM-7). When a server runs, it is asked over its internal listener (found in the data
 * folder's pid file, from INTERNAL_PORT, or given with --server), so the room's people are told
 * and their connections closed; when none runs, the store is changed directly.
 */
import { parseArgs } from 'node:util';
import { ROOM_ID_PATTERN } from '@mockloop/shared';
import { ConfigError } from '../config/ConfigError.js';
import { loadConfig } from '../config/loadConfig.js';
import { openStore } from '../store/openStore.js';
import { runningServerPid, runningServerUrl } from './sqliteBackup.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { server: { type: 'string' } },
});
const roomId = positionals[0] ?? '';
if (!ROOM_ID_PATTERN.test(roomId)) {
  console.error('Usage: npm run room:delete -- <roomId> [--server http://127.0.0.1:<INTERNAL_PORT>]');
  process.exit(2);
}
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error(`Configuration error: ${err instanceof ConfigError ? err.message : String(err)}`);
  process.exit(2);
}

const fromEnv = config.internalPort ? `http://${config.internalHost}:${config.internalPort}` : null;
const server = values.server ?? (config.databaseUrl ? null : runningServerUrl(config.dataDir)) ?? fromEnv;
try {
  if (server) {
    const res = await fetch(new URL(`/internal/rooms/${roomId}`, server), { method: 'DELETE' }).catch(
      () => null,
    );
    if (res?.status === 404) fail(`There is no room ${roomId}.`);
    if (res?.ok) done('by the running server; its people were told');
    if (res) fail(`The server at ${server} answered ${res.status}.`);
    if (values.server || (!config.databaseUrl && runningServerPid(config.dataDir) !== null))
      fail(`No server answers at ${server}; is it running?`);
  }
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
  });
  try {
    if (!(await store.getRoom(roomId))) fail(`There is no room ${roomId}.`);
    await store.deleteRoom(roomId);
    await store.purgeDeleted?.();
  } finally {
    await store.close();
  }
  done('in the store (no server was running)');
} catch (err) {
  fail(`Could not delete the room: ${err instanceof Error ? err.message : String(err)}`);
}

function done(how: string): never {
  console.log(`Deleted room ${roomId} with everything in it, ${how}.`);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
