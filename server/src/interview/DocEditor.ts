import type * as Y from 'yjs';

/** Applies a change to a shared document on the server (the DocManager in production). */
export interface DocEditor {
  edit(docName: string, change: (doc: Y.Doc) => void): Promise<void>;
}
