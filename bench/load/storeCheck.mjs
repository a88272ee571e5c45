import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { REPO_ROOT } from './ServerProcess.mjs';
import { expectedText, TEXT_KEY } from './yjsFrames.mjs';

/**
 * Opens a stopped server's store through its own Store class (so the check does not depend on
 * the table layout) and checks that every document holds exactly what its typist typed: every
 * update sent was stored and survives compaction and unload.
 *
 * @param {string} dataDir  the server's DATA_DIR (createApp keeps SQLite at mockloop.sqlite)
 * @param {{name: string, typed: number}[]} docs
 */
export async function checkStore(dataDir, docs) {
  const { SqliteStore } = await import(
    pathToFileURL(path.join(REPO_ROOT, 'server/dist/store/SqliteStore.js')).href
  );
  const store = new SqliteStore(path.join(dataDir, 'mockloop.sqlite'));
  let typed = 0;
  let stored = 0;
  let rows = 0;
  const mismatched = [];
  try {
    for (const { name, typed: count } of docs) {
      const doc = new Y.Doc();
      const updates = await store.loadUpdates(name);
      rows += updates.length;
      for (const update of updates) Y.applyUpdate(doc, update.data);
      const text = doc.getText(TEXT_KEY).toString();
      typed += count;
      stored += text.length;
      if (text !== expectedText(count)) mismatched.push({ name, typed: count, stored: text.length });
      doc.destroy();
    }
  } finally {
    await store.close();
  }
  return {
    docs: docs.length,
    typed,
    stored,
    rows,
    mismatched: mismatched.length,
    examples: mismatched.slice(0, 3),
  };
}
