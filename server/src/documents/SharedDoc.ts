import type { DocRules, UpdateScan } from '@mockloop/shared';
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { AwarenessPace } from './AwarenessPacer.js';
import { DocLimitError } from './DocLimitError.js';
import { MessageType } from './messageTypes.js';

/** Anything that can receive a document frame: a DocConnection, or a fake in tests. */
export interface DocPeer {
  send(frame: Uint8Array): void;
  /** The participant this peer speaks for: the author stored with its updates. */
  readonly author?: string;
  /** Ends the peer's connection with a close code (P-DOC-4). */
  close?(code: number, reason: string): void;
  /** True when this peer speaks for every one of these awareness client ids. */
  speaksFor?(clientIds: readonly number[]): boolean;
  /** When this peer was last sent a frame (`Date.now()`), 0 if never. */
  readonly lastSentAt?: number;
}

/**
 * The y-websocket client takes 30 s without a message for a dead link and reconnects. A peer that
 * has been sent nothing for this long gets its own awareness echoed back, which a client alone in
 * a room renews every 15 s.
 */
export const AWARENESS_KEEPALIVE_MS = 10_000;

/** An awareness state a peer may speak for, already stamped, with its JSON encoding. */
export interface AwarenessState {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
  /** `JSON.stringify(state)`, computed once by the caller and reused for every peer. */
  json: string;
}

/**
 * Writers (Yjs client ids) one document may have over its life. Every page load is a new writer,
 * so an interview has tens; thousands of writers is an attack on Yjs' conflict resolution, whose
 * cost grows with the writers that insert at one place.
 */
export const MAX_DOC_WRITERS = 2000;

export interface SharedDocOptions {
  /** What the document may hold; without it, any update is applied (server-side tests). */
  rules?: DocRules;
  /**
   * Awareness changes are sent to the peers in one frame per `intervalMs` (the latest state of
   * each client that changed), read at each change. Undefined: every change is sent at once.
   */
  awarenessPace?: AwarenessPace;
}

/**
 * One live document: the Y.Doc, its awareness, and the peers connected to it. Fans out every
 * change to the peers: a peer's update as the bytes it sent, to everyone but its sender
 * (P-DOC-5); awareness to everyone but the peer it all came from (unless that peer has heard
 * nothing for a while), coalesced when `awarenessPace` is set.
 * `onUpdate` sees every update that changed the document, for persistence.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<DocPeer>();
  /**
   * Called with every update that changed the document, in order, and the participant who sent
   * it (undefined for the server's own changes): the DocManager stores both.
   */
  onUpdate?: (update: Uint8Array, author?: string) => void;
  /**
   * Called when applying a peer's update threw half way: the document may hold part of it, so it
   * must not be served any longer (the DocManager reloads it from the store).
   */
  onBroken?: (err: unknown) => void;
  /**
   * An upper bound on the document's encoded size: the stored state plus every update since. It
   * overcounts (updates overlap), so it is measured exactly before an update is refused.
   */
  bytes = 0;
  /**
   * Says why a participant's update of `bytes` may not be stored (a history quota, P-DOC-13), or
   * null when it may. Set by the DocManager; without it, history is unbounded (tests).
   */
  historyRefusal?: (author: string | undefined, bytes: number) => string | null;
  /** Set once an update failed half way; nothing more is applied. */
  broken = false;
  /** Destroyed: its manager let go of it (after a reset, say); nobody may join it any more. */
  destroyed = false;

  /** Awareness client id -> its state's JSON, so a state is serialised once, not once per send. */
  private readonly awarenessJson = new Map<number, string>();
  private readonly pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;
  /** Set while a peer's update is applied: its transaction is relayed by `applyUpdate` itself. */
  private applyingPeerUpdate = false;
  private peerUpdateChanged = false;

  constructor(
    readonly name: string,
    private readonly options: SharedDocOptions = {},
  ) {
    // The server is not a participant: it must not appear in anyone's awareness.
    this.awareness.setLocalState(null);
    this.doc.on('afterTransaction', this.onTransaction);
    // Only removals come this way (a peer left, or its state timed out): setAwareness does the rest.
    this.awareness.on('update', this.onAwarenessRemoval);
  }

  /** What this document may hold (checked by its connections before they apply anything). */
  get rules(): DocRules | undefined {
    return this.options.rules;
  }

  /**
   * Applies an update a peer sent and, if it changed anything, relays it to the other peers as the
   * very bytes received (`frame`, when it is already an update message) instead of re-encoding
   * it, and hands it to `onUpdate`. Throws on a malformed update (the caller closes the peer).
   */
  applyUpdate(update: Uint8Array, from: DocPeer, frame?: Uint8Array, scan?: UpdateScan): void {
    if (this.broken) throw new DocLimitError('the document is being reloaded', 'reset');
    if (scan) this.admit(update, scan);
    // An update without structs only deletes: it stores at most what the document holds, so it
    // is never refused (a reconnecting client's sync step is often just its delete set).
    const refusal = scan?.structs === 0 ? null : this.historyRefusal?.(from.author, update.length);
    if (refusal) throw new DocLimitError(refusal, 'history');
    const store = this.doc.store;
    const pendingBefore = [store.pendingStructs?.update, store.pendingDs];
    this.applyingPeerUpdate = true;
    this.peerUpdateChanged = false;
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (err) {
      // Yjs has no rollback: whatever it integrated before throwing stays. Never serve that.
      this.broken = true;
      this.onBroken?.(err);
      throw err;
    } finally {
      this.applyingPeerUpdate = false;
    }
    // Structs left waiting for a missing dependency count as news: the peers need them as much.
    const pendingChanged =
      store.pendingStructs?.update !== pendingBefore[0] || store.pendingDs !== pendingBefore[1];
    if (!this.peerUpdateChanged && !pendingChanged) return; // a duplicate: everyone has it already
    this.bytes += update.length;
    const relay = frame ?? updateFrame(update);
    for (const peer of this.peers) if (peer !== from) peer.send(relay);
    this.onUpdate?.(update, from.author);
  }

  /**
   * Refuses an update that would take the document past its kind's size or past its number of
   * writers (P-DOC-7). Throws DocLimitError; nothing is applied.
   */
  private admit(update: Uint8Array, scan: UpdateScan): void {
    const clients = this.doc.store.clients;
    let newWriters = 0;
    for (const client of scan.clients) if (!clients.has(client)) newWriters++;
    if (newWriters > 0 && clients.size + newWriters > MAX_DOC_WRITERS) {
      throw new DocLimitError(`the document has had ${clients.size} writers, the most it may`, 'too-large');
    }
    const maxBytes = this.options.rules?.maxBytes;
    if (maxBytes === undefined || this.bytes + update.length <= maxBytes) return;
    this.bytes = Y.encodeStateAsUpdate(this.doc).length; // the estimate ran out: measure
    if (this.bytes + update.length > maxBytes) {
      throw new DocLimitError(`the document would pass its ${maxBytes / 1024 / 1024} MiB limit`, 'too-large');
    }
  }

  /**
   * Records awareness states a peer may speak for (checked and stamped by its connection) under
   * y-protocols' rules (a newer clock wins; the same clock may only remove), and broadcasts them.
   */
  setAwareness(states: AwarenessState[]): void {
    const now = Date.now();
    for (const { clientId, clock, state, json } of states) {
      const current = this.awareness.meta.get(clientId)?.clock ?? 0;
      const removal = state === null && this.awareness.states.has(clientId);
      if (!(current < clock || (current === clock && removal))) continue;
      this.awareness.meta.set(clientId, { clock, lastUpdated: now });
      if (state === null) {
        this.awareness.states.delete(clientId);
        this.awarenessJson.delete(clientId);
      } else {
        this.awareness.states.set(clientId, state);
        this.awarenessJson.set(clientId, json);
      }
      this.pendingAwareness.add(clientId);
    }
    this.scheduleAwareness();
  }

  /** One awareness frame holding the current state of `clientIds` (null for the departed). */
  awarenessFrame(clientIds: Iterable<number>): Uint8Array {
    const ids = [...clientIds];
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(body, id);
      encoding.writeVarUint(body, this.awareness.meta.get(id)?.clock ?? 0);
      const state = this.awareness.states.get(id);
      encoding.writeVarString(
        body,
        state === undefined ? 'null' : (this.awarenessJson.get(id) ?? JSON.stringify(state)),
      );
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(body));
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.awarenessTimer);
    this.doc.off('afterTransaction', this.onTransaction);
    this.awareness.off('update', this.onAwarenessRemoval);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Notes whether a peer's update changed the document; relays and reports a change made on the
   * server itself (starter code, a test), which has no received bytes to forward. Yjs encodes an
   * 'update' event for every transaction once anyone listens to it: this listener costs nothing
   * for the peers' updates, which are most of them.
   */
  private readonly onTransaction = (transaction: Y.Transaction) => {
    const changed = transaction.deleteSet.clients.size > 0 || advanced(transaction);
    if (this.applyingPeerUpdate) {
      this.peerUpdateChanged ||= changed;
      return;
    }
    if (!changed || (this.peers.size === 0 && !this.onUpdate)) return;
    const update = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(transaction.beforeState));
    this.bytes += update.length;
    const frame = updateFrame(update);
    for (const peer of this.peers) peer.send(frame);
    this.onUpdate?.(update);
  };

  private readonly onAwarenessRemoval = (changes: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    for (const id of changes.removed) {
      this.awarenessJson.delete(id);
      this.pendingAwareness.add(id);
    }
    this.scheduleAwareness();
  };

  private scheduleAwareness(): void {
    if (this.pendingAwareness.size === 0) return;
    const pace = this.options.awarenessPace;
    if (pace === undefined) this.flushAwareness();
    else this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), pace.intervalMs);
  }

  private flushAwareness(): void {
    this.awarenessTimer = undefined;
    if (this.pendingAwareness.size === 0) return;
    const ids = [...this.pendingAwareness];
    this.pendingAwareness.clear();
    const frame = this.awarenessFrame(ids);
    const now = Date.now();
    for (const peer of this.peers) {
      // Its own cursors are news to nobody but the others: under load this spares a third of the
      // frames the server writes (bench/README.md).
      const ownOnly = peer.speaksFor?.(ids) && now - (peer.lastSentAt ?? 0) < AWARENESS_KEEPALIVE_MS;
      if (!ownOnly) peer.send(frame);
    }
  }
}

/** True when a transaction added structs (some client's clock moved). */
function advanced(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) {
    if ((transaction.beforeState.get(client) ?? 0) !== clock) return true;
  }
  return false;
}

/** A sync-update message carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
