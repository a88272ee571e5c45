import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { openPgStore } from './support/pg.js';
import { describeStoreContract } from './support/storeContract.js';

/** A SQLite store in a fresh temporary file; closing it removes the file. */
function openSqliteStore(): SqliteStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-store-'));
  const store = new SqliteStore(path.join(dir, 'db.sqlite'));
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return store;
}

describeStoreContract('SQLite', async () => openSqliteStore());
describeStoreContract('PostgreSQL', openPgStore);

describe('SQLite specifics', () => {
  it('runs in WAL mode with the file under the given path, and keeps data across reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-store-'));
    const file = path.join(dir, 'db.sqlite');
    const store = new SqliteStore(file);
    await store.getOrCreateMeta('k', 'v');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    const again = new SqliteStore(file);
    expect(await again.getMeta('k')).toBe('v');
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
