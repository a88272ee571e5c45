import { BOARD_DOC, CODE_DOC, type DocKind, NOTES_DOC } from './documents.js';

/** The shared types a document holds at its root, by name. */
export type RootType = 'text' | 'array' | 'map';

/**
 * What each kind of document may hold. The server refuses any update that reaches beyond it
 * (P-DOC-7) before Yjs sees it: another root name, a nested type, a subdocument, content of a kind
 * the document does not use, or growth past `maxBytes`.
 *
 * Sizes: a board of 2,000 Excalidraw elements is about 1 MB after an hour of edits, so the board
 * allows 8 MiB; the code document holds the code, the shared notes and the last 20 runs (up to
 * 100 KB of output each), so 4 MiB.
 */
export interface DocRules {
  roots: Readonly<Record<string, RootType>>;
  /** Largest encoded size of the whole document. */
  maxBytes: number;
}

export const DOC_RULES: Readonly<Record<DocKind, DocRules>> = {
  code: {
    roots: {
      [CODE_DOC.text]: 'text',
      [CODE_DOC.sharedNotes]: 'text',
      [CODE_DOC.runs]: 'array',
      [CODE_DOC.customTests]: 'array',
    },
    maxBytes: 4 * 1024 * 1024,
  },
  notes: { roots: { [NOTES_DOC.text]: 'text' }, maxBytes: 1024 * 1024 },
  board: { roots: { [BOARD_DOC.elements]: 'map' }, maxBytes: 8 * 1024 * 1024 },
};
