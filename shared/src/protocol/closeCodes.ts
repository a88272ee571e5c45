/**
 * WebSocket close codes of the document server (P-DOC-4, P-DOC-7). 1001 and 1009 are standard;
 * the 44xx and 45xx codes are ours. The y-websocket client treats 4400-4499 as final (it stops
 * reconnecting) and everything else as transient, so a code's range says what the client does:
 * 44xx: do not retry as is (the client shows why, or fetches fresh tokens first); 45xx: retry.
 */
export const CloseCode = {
  /** The server is shutting down; clients reconnect. */
  GoingAway: 1001,
  /** A frame was larger than MAX_DOC_MESSAGE_BYTES (sent by the ws library itself). */
  MessageTooBig: 1009,
  /** A message could not be decoded, or holds something this kind of document cannot hold. */
  BadMessage: 4400,
  /**
   * The seats changed (a role swap ended this round): this connection's rights are gone. The
   * client fetches fresh tokens and reopens what it may (read-only for an ended round).
   */
  SeatChanged: 4403,
  /** The client speaks an older document protocol than the server: reload the page. */
  ProtocolOutdated: 4408,
  /** The document would grow past the size its kind allows (DOC_RULES). */
  DocumentTooLarge: 4413,
  /**
   * The round's history is full (P-DOC-13): this document, this person or this room has stored as
   * many bytes of edits as it may. Everything stored stays readable; nothing more is written.
   */
  HistoryFull: 4429,
  /** The stored document could not be loaded within the server's time and memory budget. */
  DocumentUnloadable: 4422,
  /** The connection sent more than its budget of messages, bytes or apply time. */
  RateLimited: 4529,
  /**
   * The server dropped its copy of the document after an update failed half way and reloaded it
   * from the store; reconnect at once and sync.
   */
  DocumentReset: 4500,
  /** The room was deleted (P-ROOM-7): final, do not reconnect. */
  RoomDeleted: 4410,
  /**
   * This node is draining (shutting down, its rooms handed over): reconnect, through the load
   * balancer, to another node.
   */
  Draining: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Largest document message the server accepts: 1 MiB. */
export const MAX_DOC_MESSAGE_BYTES = 1024 * 1024;

/** Largest awareness state (one client's cursor, selection, pointer) as JSON: 4 KiB (P-DOC-8). */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;
/** Deepest nesting of objects and arrays in an awareness state. */
export const MAX_AWARENESS_DEPTH = 8;

/**
 * WebSocket subprotocols of the document plane: the browser offers the version and its token
 * (`auth.<token>`), so the token never travels in a URL; the server answers with the version.
 * Tools may pass `?token=` instead.
 */
export const DOC_PROTOCOL = 'mockloop-doc.1';
export const DOC_TOKEN_PROTOCOL_PREFIX = 'auth.';
/** Document tokens open connections for this long after they are issued; clients refresh them. */
export const DOC_TOKEN_TTL_MS = 60 * 60_000;
