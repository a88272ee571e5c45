import * as decoding from 'lib0/decoding';
import type { AwarenessState } from './SharedDoc.js';

/** Identity the server stamps into every awareness state a connection sends (P-ID-3). */
export interface StampedUser {
  id: string;
  name: string;
  role: string;
  color: string;
  colorLight: string;
}

/** One entry of an awareness update, its state still undecoded. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as sent: UTF-8 JSON, parsed only if the entry is kept (see `stampEntry`). */
  json: Uint8Array;
}

/** More entries than any honest client sends in one update (it sends its own and echoes a few). */
const MAX_ENTRIES = 64;
const utf8 = new TextDecoder();

/**
 * Splits an awareness update (y-protocols format: count, then clientId, clock, JSON per entry)
 * into entries without parsing their JSON: most entries a client sends are echoes of other
 * participants' states, which are dropped unread. Throws on a malformed structure.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_ENTRIES) throw new Error('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // lib0 writes a string as a length-prefixed byte array: read the bytes, decode them later.
    const json = decoding.readVarUint8Array(decoder);
    entries.push({ clientId, clock, json });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  return entries;
}

/**
 * Parses an entry's state and replaces whatever `user` the client claimed with the server's
 * identity for that connection. Throws unless the state is an object or null. `userJson` is
 * `JSON.stringify(user)`, which a connection computes once rather than for every cursor move.
 */
export function stampEntry(
  entry: AwarenessEntry,
  user: StampedUser,
  userJson = JSON.stringify(user),
): AwarenessState {
  const parsed: unknown = JSON.parse(utf8.decode(entry.json));
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new Error('awareness state must be an object or null');
  }
  const { clientId, clock } = entry;
  if (parsed === null) return { clientId, clock, state: null, json: 'null' };
  // The parsed object is ours alone: stamp it in place rather than copy it. Undefined while the
  // rest is serialised (JSON.stringify leaves it out), the user is spliced in as ready-made JSON.
  const state = parsed as Record<string, unknown>;
  state.user = undefined;
  const rest = JSON.stringify(state);
  state.user = user;
  const json = rest === '{}' ? `{"user":${userJson}}` : `{"user":${userJson},${rest.slice(1)}`;
  return { clientId, clock, state, json };
}
