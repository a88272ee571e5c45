import {
  ByteReader,
  CloseCode,
  FRAGMENT_MESSAGE,
  MAX_AWARENESS_DEPTH,
  MAX_AWARENESS_STATE_BYTES,
  MAX_DOC_MESSAGE_BYTES,
  MalformedInput,
  scanUpdate,
} from '@mockloop/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { DocBudget } from './DocBudget.js';
import { DocLimitError } from './DocLimitError.js';
import { jsonDepthExceeds } from './jsonDepth.js';
import { AssemblyBusy, type AssemblyPool, MessageAssembly } from './MessageAssembly.js';
import { MessageType } from './messageTypes.js';
import type { AwarenessState, DocPeer, SharedDoc } from './SharedDoc.js';
import { decodeAwarenessUpdate, type StampedUser, stampEntry } from './stampAwareness.js';

/** What a connection needs from its transport (a ws socket in production, a fake in tests). */
export interface DocTransport {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface DocConnectionOptions {
  /** The identity stamped into this connection's awareness (P-ID-3). */
  user: StampedUser;
  /** Whether its writes count; the server re-checks it when seats change. */
  writable: boolean;
  /** The one awareness client id this connection speaks for, from its token (P-ID-3). */
  clientId: number;
  budget?: DocBudget;
  /**
   * The process's pool for messages sent in fragments (P-DOC-12); without one, fragments are
   * refused like any unknown message.
   */
  assemblies?: AssemblyPool;
  /** How long one message in fragments may take to arrive whole (default 30 s). */
  assemblyDeadlineMs?: number;
}

/** How each refusal before an update is applied closes the connection. */
const LIMIT_CLOSE_CODES: Record<DocLimitError['reason'], number> = {
  'too-large': CloseCode.DocumentTooLarge,
  history: CloseCode.HistoryFull,
  reset: CloseCode.DocumentReset,
};

/** A whole message is the update plus its own few header bytes. */
const MESSAGE_HEADER_SLACK = 64;

/**
 * One client's session on a shared document: answers the sync handshake, applies its updates
 * (dropped when it is read-only, P-DOC-3) once they pass the document's rules (P-DOC-7), stamps
 * its awareness after checking its size and depth (P-DOC-8), keeps it within its budget
 * (P-DOC-9), and closes it on bad input with a named code (P-DOC-4). `receive` never throws.
 */
export class DocConnection implements DocPeer {
  private closed = false;
  /** Whether this connection has published an awareness state (withdrawn when it closes). */
  private published = false;
  private readonly user: StampedUser;
  private readonly userJson: string;
  private readonly budget?: DocBudget;
  private readonly assembly?: MessageAssembly;
  readonly clientId: number;
  /** Whether this connection's writes count; the server re-checks it when seats change. */
  writable: boolean;
  lastSentAt = 0;
  /** The participant whose edits these are (stored with each update, for the replay). */
  readonly author: string;

  constructor(
    private readonly shared: SharedDoc,
    private readonly transport: DocTransport,
    options: DocConnectionOptions,
  ) {
    this.user = options.user;
    this.userJson = JSON.stringify(options.user);
    this.writable = options.writable;
    this.clientId = options.clientId;
    this.budget = options.budget;
    this.author = options.user.id;
    if (options.assemblies) {
      const maxBytes = (shared.rules?.maxBytes ?? MAX_DOC_MESSAGE_BYTES) + MESSAGE_HEADER_SLACK;
      this.assembly = new MessageAssembly(options.assemblies, maxBytes, {
        holder: options.user.id,
        deadlineMs: options.assemblyDeadlineMs,
        onExpired: () => this.fail(CloseCode.RateLimited, 'a large message took too long to arrive'),
      });
    }
  }

  /** Joins the document's fan-out and sends the opening sync step and current awareness. */
  start(): void {
    // A copy that broke (or was let go) while this connection was being opened is never joined:
    // its peers were already told to reconnect, and this one would otherwise sync with a copy
    // nobody else uses, forever.
    if (this.shared.broken || this.shared.destroyed) {
      this.fail(CloseCode.DocumentReset, 'the document was reloaded');
      return;
    }
    this.shared.peers.add(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.shared.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = this.shared.awareness.getStates();
    if (states.size > 0) this.send(this.shared.awarenessFrame(states.keys()));
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    this.lastSentAt = Date.now();
    this.transport.send(frame);
  }

  speaksFor(clientIds: readonly number[]): boolean {
    return clientIds.every((id) => id === this.clientId);
  }

  receive(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.budget && !this.budget.admit(frame.length)) {
      this.fail(CloseCode.RateLimited, 'over the message budget: slow down');
      return;
    }
    try {
      this.handleFrame(frame);
    } catch (err) {
      if (err instanceof AssemblyBusy) {
        this.fail(CloseCode.RateLimited, err.message);
      } else if (err instanceof DocLimitError) {
        this.fail(LIMIT_CLOSE_CODES[err.reason], err.message);
      } else {
        this.fail(CloseCode.BadMessage, err instanceof Error ? err.message : 'bad message');
      }
    }
  }

  /** Ends this connection with a close code (the document is being reset, or seats changed). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.fail(code, reason);
  }

  /**
   * Leaves the fan-out and withdraws this connection's cursor, unless the same tab has already
   * reconnected with the same client id. Idempotent.
   */
  dispose(): void {
    this.assembly?.clear();
    if (!this.shared.peers.delete(this)) return;
    this.closed = true;
    if (!this.published) return;
    const stillSpoken = [...this.shared.peers].some((peer) => peer.speaksFor?.([this.clientId]));
    if (!stillSpoken) removeAwarenessStates(this.shared.awareness, [this.clientId], this);
  }

  /**
   * A frame is a message, or one fragment of a larger one (P-DOC-12): the pieces of one message
   * come in order with nothing between them, and the whole is handled as if it came in one frame,
   * with every check of that kind of message. Only sync messages come in fragments.
   */
  private handleFrame(frame: Uint8Array): void {
    const isFragment = frame[0] === FRAGMENT_MESSAGE;
    if (!isFragment) {
      if (this.assembly?.pending) throw new MalformedInput('a message came between the fragments of another');
      this.handle(frame);
      return;
    }
    if (!this.assembly) throw new Error(`unknown message type ${FRAGMENT_MESSAGE}`);
    // Only writes come in fragments, and a read-only connection's writes are dropped: its
    // fragments are dropped unread, holding nothing of the pool (P-DOC-12).
    if (!this.writable) return;
    const whole = this.assembly.add(frame);
    if (!whole) return;
    if (whole[0] !== MessageType.Sync) throw new MalformedInput('only sync messages may come in fragments');
    this.handle(whole);
  }

  private handle(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        this.handleSync(decoder, frame);
        return;
      case MessageType.Awareness:
        this.handleAwareness(decoding.readVarUint8Array(decoder));
        return;
      case MessageType.QueryAwareness:
        this.send(this.shared.awarenessFrame(this.shared.awareness.getStates().keys()));
        return;
      case MessageType.Auth:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder, frame: Uint8Array): void {
    const subtype = decoding.readVarUint(decoder);
    switch (subtype) {
      case syncProtocol.messageYjsSyncStep1: {
        checkStateVector(frame.subarray(decoder.pos));
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        syncProtocol.readSyncStep1(decoder, encoder, this.shared.doc);
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (!this.writable) return; // observers' and read-only writes are dropped, not applied
        if (decoding.hasContent(decoder)) throw new MalformedInput('trailing bytes after the update');
        // Checked end to end before Yjs sees a byte of it. Only v1 updates are accepted: the v2
        // decoder can hang on crafted input.
        const rules = this.shared.rules;
        const scan = rules ? scanUpdate(update, rules) : undefined;
        // An update message is relayed as received. A sync step 2 is not: it would tell the peers
        // they are synced.
        const relayAsIs = subtype === syncProtocol.messageYjsUpdate;
        const started = performance.now();
        try {
          this.shared.applyUpdate(update, this, relayAsIs ? frame : undefined, scan);
        } finally {
          this.budget?.charge(performance.now() - started);
        }
        return;
      }
      default:
        throw new Error(`unknown sync message ${subtype}`);
    }
  }

  /**
   * Applies the entry for this connection's own client id, stamped with its identity. The
   * y-websocket client re-sends every awareness change it hears, so entries for other ids are
   * echoes: dropped unread, not an error (P-ID-3). The state's size and depth are checked on its
   * bytes before it is parsed (P-DOC-8).
   */
  private handleAwareness(update: Uint8Array): void {
    const own: AwarenessState[] = [];
    for (const entry of decodeAwarenessUpdate(update)) {
      if (entry.clientId !== this.clientId) continue;
      if (entry.json.length > MAX_AWARENESS_STATE_BYTES)
        throw new MalformedInput('awareness state too large');
      if (jsonDepthExceeds(entry.json, MAX_AWARENESS_DEPTH)) {
        throw new MalformedInput('awareness state nested too deep');
      }
      own.push(stampEntry(entry, this.user, this.userJson));
    }
    if (own.length === 0) return;
    this.published = true;
    this.shared.setAwareness(own);
  }

  private fail(code: number, reason: string): void {
    this.dispose();
    this.transport.close(code, reason.slice(0, 120));
  }
}

/** A sync step 1 body: one length-prefixed state vector (count, then client and clock pairs). */
function checkStateVector(body: Uint8Array): void {
  const outer = new ByteReader(body);
  const inner = new ByteReader(outer.varBytes());
  if (outer.left > 0) throw new MalformedInput('trailing bytes after the state vector');
  const entries = inner.count(2, 'state vector entries');
  for (let i = 0; i < entries * 2; i++) inner.varUint();
  if (inner.left > 0) throw new MalformedInput('trailing bytes in the state vector');
}
