/**
 * Experiment, not shipped: preloaded into our server (`--ours-import`), it gives SqliteStore the
 * optional `appendUpdatesBatch` that DocManager uses when a store has it (all of a turn's
 * appends in one transaction), to measure what adding it to the Store interface would buy.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { SqliteStore } = await import(pathToFileURL(path.join(root, 'server/dist/store/SqliteStore.js')).href);

SqliteStore.prototype.appendUpdatesBatch = async function appendUpdatesBatch(batch) {
  // The same statement appendUpdates runs, for every document, inside one transaction.
  this.db.transaction(() => {
    for (const [doc, updates] of batch) {
      for (const u of updates)
        this.stmt.appendUpdate.run(doc, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    }
  })();
};
