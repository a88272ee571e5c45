import type * as Y from 'yjs';

/** What the services need of the document plane (the DocManager in production). */
export interface DocEditor {
  /** Applies a change to a shared document on the server (on the node that serves its room). */
  edit(docName: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Reads a document: the live copy if this node serves it, else a copy built from the store. */
  read<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T>;
}
