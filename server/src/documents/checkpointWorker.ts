import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * The checkpoint encoder's thread: builds a document from its last checkpoint and the rows after
 * it, and answers with its state as one update. Kept free of project imports so it runs the same
 * from the sources (tests) and from the build.
 */
export interface EncodeRequest {
  id: number;
  parts: Uint8Array[];
}
export type EncodeReply = { id: number; state: Uint8Array } | { id: number; error: string };

parentPort?.on('message', ({ id, parts }: EncodeRequest) => {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    const state = Y.encodeStateAsUpdate(doc);
    parentPort?.postMessage({ id, state } satisfies EncodeReply, [state.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({
      id,
      error: err instanceof Error ? err.message : String(err),
    } satisfies EncodeReply);
  } finally {
    doc.destroy();
  }
});
