/** The kinds of shared document a round has (see DocKind). */
export const DOC_KINDS = ['code', 'notes', 'board'] as const;

/** Names of the shared types inside each document. */
export const CODE_DOC = {
  text: 'code',
  /** Prose both players share in behavioral and technical rounds (not the interviewer's notes). */
  sharedNotes: 'shared-notes',
  /** The runs both players see: a Y.Array of run records, newest last. */
  runs: 'runs',
  /** Test cases the players added to Run tests, shared with the room (P-RUN-4). */
  customTests: 'custom-tests',
} as const;
export const NOTES_DOC = { text: 'notes' } as const;
/** The board holds one Y.Map of element id to the whole Excalidraw element (see board.ts). */
export const BOARD_DOC = { elements: 'elements' } as const;

export const YJS_PATH_PREFIX = '/yjs/';
