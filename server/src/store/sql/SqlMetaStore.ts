import type { MetaStore } from '../MetaStore.js';
import type { SqlDb } from './SqlDb.js';

/** Server-wide keys over SQL (CONTRACT.md, S-META-1). */
export class SqlMetaStore implements MetaStore {
  constructor(readonly db: SqlDb) {}

  async getMeta(key: string): Promise<string | null> {
    return (
      (await this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value ?? null
    );
  }

  async getOrCreateMeta(key: string, value: string): Promise<string> {
    await this.db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      key,
      value,
    ]);
    return (await this.getMeta(key)) ?? value;
  }
}
