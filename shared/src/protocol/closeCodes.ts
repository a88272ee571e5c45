/**
 * WebSocket close codes the document server uses (P-DOC-4). 1009 is the standard code the ws
 * library sends for frames over maxPayload; the 44xx codes are ours.
 */
export const CloseCode = {
  /** A frame was larger than MAX_DOC_MESSAGE_BYTES. */
  MessageTooBig: 1009,
  /** The server is shutting down; clients reconnect. */
  GoingAway: 1001,
  /** A message could not be decoded or applied. */
  BadMessage: 4400,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Largest document message the server accepts: 1 MiB. */
export const MAX_DOC_MESSAGE_BYTES = 1024 * 1024;
