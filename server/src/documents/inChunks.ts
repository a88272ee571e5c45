import type { UpdateRow } from '../store/records.js';

/**
 * Splits a turn's rows into batches of about `maxBytes`, each document's rows still in order
 * (a batch later in the list holds only rows later than an earlier batch's, per document).
 * A row larger than `maxBytes` gets a batch of its own: rows are never cut.
 */
export function inChunks(
  rows: ReadonlyMap<string, readonly UpdateRow[]>,
  maxBytes: number,
): Array<Map<string, UpdateRow[]>> {
  const chunks: Array<Map<string, UpdateRow[]>> = [new Map()];
  let bytes = 0;
  for (const [doc, list] of rows) {
    for (const row of list) {
      let chunk = chunks.at(-1) as Map<string, UpdateRow[]>;
      if (bytes > 0 && bytes + row.data.length > maxBytes) {
        chunk = new Map();
        chunks.push(chunk);
        bytes = 0;
      }
      bytes += row.data.length;
      const pending = chunk.get(doc);
      if (pending) pending.push(row);
      else chunk.set(doc, [row]);
    }
  }
  return chunks;
}
