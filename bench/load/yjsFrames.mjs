import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** y-websocket message types and sync subtypes (y-protocols). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** The shared type the editor binds to (`CODE_DOC.text` in shared/). */
export const TEXT_KEY = 'code';

/** Content reference of a string item in the Yjs v1 update format. */
const CONTENT_STRING = 4;
/** Info bit: the item has a left origin. */
const HAS_ORIGIN = 0x80;

const CHARS = 'abcdefghijklmnopqrstuvwxyz ';

/**
 * A y-websocket message: its header varuints, then `payload` as a length-prefixed byte array.
 * One allocation, no intermediate encoder: the generator builds tens of thousands a second.
 */
function message(header, payload) {
  const length = [];
  for (let n = payload.length; ; n >>>= 7) {
    if (n < 0x80) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  const frame = new Uint8Array(header.length + length.length + payload.length);
  frame.set(header, 0);
  frame.set(length, header.length);
  frame.set(payload, header.length + length.length);
  return frame;
}

const SYNC_UPDATE_HEADER = [MESSAGE_SYNC, SYNC_UPDATE];
const AWARENESS_HEADER = [MESSAGE_AWARENESS];

/** The character a typist types at `clock`: deterministic, so the store check can rebuild the text. */
export function charAt(clock) {
  return clock % 40 === 39 ? '\n' : CHARS[clock % CHARS.length];
}

/** The text a typist has produced after `count` keystrokes. */
export function expectedText(count) {
  let text = '';
  for (let clock = 0; clock < count; clock++) text += charAt(clock);
  return text;
}

/**
 * A sync-update frame carrying the v1 Yjs update a Y.Doc emits when its client `clientId` appends
 * one character at the end of its own text: one string item whose left origin is the previous
 * keystroke (the first one names the root type instead). Byte for byte what `text.insert` sends,
 * without a Y.Doc per client.
 */
export function keystrokeFrame(clientId, clock) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1); // clients
  encoding.writeVarUint(update, 1); // structs of this client
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  if (clock > 0) {
    encoding.writeUint8(update, HAS_ORIGIN | CONTENT_STRING);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock - 1);
  } else {
    encoding.writeUint8(update, CONTENT_STRING);
    encoding.writeVarUint(update, 1); // parent is a root type, named by its key
    encoding.writeVarString(update, TEXT_KEY);
  }
  encoding.writeVarString(update, charAt(clock));
  encoding.writeVarUint(update, 0); // empty delete set
  return message(SYNC_UPDATE_HEADER, encoding.toUint8Array(update));
}

/** Sync step 1 with an empty state vector: "send me everything". */
export function syncStep1Frame() {
  return message([MESSAGE_SYNC, SYNC_STEP1], Y.encodeStateVector(new Y.Doc()));
}

/** Sync step 2 carrying an empty update: the answer of a client that holds nothing yet. */
export function emptySyncStep2Frame() {
  return message([MESSAGE_SYNC, SYNC_STEP2], Y.encodeStateAsUpdate(new Y.Doc()));
}

/**
 * An awareness frame with one entry: a cursor as y-codemirror.next publishes it (anchor and head
 * as relative positions into the typist's items) plus the user the client claims.
 */
export function cursorFrame(clientId, awarenessClock, user, itemClient, itemClock) {
  const position = `{"type":null,"tname":null,"item":{"client":${itemClient},"clock":${itemClock}},"assoc":0}`;
  const state = `{"user":${user},"cursor":{"anchor":${position},"head":${position}}}`;
  const entries = encoding.createEncoder();
  encoding.writeVarUint(entries, 1);
  encoding.writeVarUint(entries, clientId);
  encoding.writeVarUint(entries, awarenessClock);
  encoding.writeVarString(entries, state);
  return message(AWARENESS_HEADER, encoding.toUint8Array(entries));
}

/**
 * Reads the first item id of a v1 update without applying it: the typist's client id and the
 * clock of the keystroke it carries. Null for an update with no structs (an empty step 2).
 */
export function firstItemId(update) {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null;
  if (decoding.readVarUint(decoder) === 0) return null;
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return { client, clock };
}

/**
 * Splits an awareness update into entries, keeping each state as its raw JSON bytes (no parse):
 * enough to decide what a y-websocket client would echo, and to re-encode it.
 */
export function awarenessEntries(update) {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** An awareness frame carrying an awareness update as is. */
export function awarenessMessage(update) {
  return message(AWARENESS_HEADER, update);
}

/** Re-encodes entries from `awarenessEntries` as one awareness frame. */
export function awarenessFrameOf(entries) {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(body, entry.clientId);
    encoding.writeVarUint(body, entry.clock);
    encoding.writeVarUint8Array(body, entry.state);
  }
  return message(AWARENESS_HEADER, encoding.toUint8Array(body));
}

/**
 * Applies a few hand-encoded keystrokes to a real Y.Doc and throws unless it reads them back:
 * the generator runs this at start, so a wrong encoding can never produce a plausible table.
 */
export function selfCheck() {
  const doc = new Y.Doc();
  const clientId = 123456789;
  for (let clock = 0; clock < 45; clock++) {
    const decoder = decoding.createDecoder(keystrokeFrame(clientId, clock));
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const update = decoding.readVarUint8Array(decoder);
    const id = firstItemId(update);
    if (id?.client !== clientId || id.clock !== clock) throw new Error('keystroke id does not round-trip');
    Y.applyUpdate(doc, update);
  }
  if (doc.getText(TEXT_KEY).toString() !== expectedText(45)) {
    throw new Error('hand-encoded keystrokes do not decode to the typed text');
  }
  doc.destroy();
}
