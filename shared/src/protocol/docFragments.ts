import { MAX_DOC_MESSAGE_BYTES } from './closeCodes.js';

/**
 * Document messages larger than one frame (P-DOC-12). The server refuses any WebSocket frame over
 * `MAX_DOC_MESSAGE_BYTES` before reading it, so a client whose message is larger (the sync step 2
 * of a board built offline, a paste of thousands of shapes) sends it as fragments: each a frame of
 * its own, `[FRAGMENT_MESSAGE, total length, piece]` (lib0 varuints and a length-prefixed piece),
 * in order and with nothing between them. The server puts the pieces back together up to the
 * document kind's size and then checks the whole message like any other.
 */
export const FRAGMENT_MESSAGE = 100;

/** Room for the fragment's header (type, total and the piece's length: at most 1 + 8 + 8 bytes). */
const HEADER_BYTES = 32;

/** The piece each fragment carries, so that every fragment fits the frame cap. */
export const FRAGMENT_PIECE_BYTES = MAX_DOC_MESSAGE_BYTES - HEADER_BYTES;

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** A message as the frames to send: itself when it fits one frame, else its fragments in order. */
export function fragmentMessage(message: Uint8Array, pieceBytes = FRAGMENT_PIECE_BYTES): Uint8Array[] {
  if (message.length <= pieceBytes) return [message];
  const frames: Uint8Array[] = [];
  for (let at = 0; at < message.length; at += pieceBytes) {
    const piece = message.subarray(at, Math.min(at + pieceBytes, message.length));
    const header: number[] = [];
    writeVarUint(header, FRAGMENT_MESSAGE);
    writeVarUint(header, message.length);
    writeVarUint(header, piece.length);
    const frame = new Uint8Array(header.length + piece.length);
    frame.set(header);
    frame.set(piece, header.length);
    frames.push(frame);
  }
  return frames;
}
