import { CloseCode } from '@mockloop/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from './messageTypes.js';
import type { AwarenessState, DocPeer, SharedDoc } from './SharedDoc.js';
import { decodeAwarenessUpdate, type StampedUser, stampEntry } from './stampAwareness.js';

/** What a connection needs from its transport (a ws socket in production, a fake in tests). */
export interface DocTransport {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** A connection may speak for only a few awareness client ids (a Y.Doc may renew its id). */
const MAX_CLIENT_IDS = 4;

/**
 * One client's session on a shared document: answers the sync handshake, applies its updates
 * (dropped when it is read-only, P-DOC-3), stamps its awareness, and closes it on bad input
 * with a named code (P-DOC-4). `receive` never throws.
 */
export class DocConnection implements DocPeer {
  private readonly clientIds = new Set<number>();
  private closed = false;
  private readonly userJson: string;
  lastSentAt = 0;

  constructor(
    private readonly shared: SharedDoc,
    private readonly transport: DocTransport,
    private readonly user: StampedUser,
    private readonly writable: boolean,
  ) {
    this.userJson = JSON.stringify(user);
  }

  /** Joins the document's fan-out and sends the opening sync step and current awareness. */
  start(): void {
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
    return clientIds.every((id) => this.clientIds.has(id));
  }

  receive(frame: Uint8Array): void {
    if (this.closed) return;
    try {
      this.handle(frame);
    } catch (err) {
      this.fail(CloseCode.BadMessage, err instanceof Error ? err.message : 'bad message');
    }
  }

  /** Leaves the fan-out and withdraws this connection's cursors. Idempotent. */
  dispose(): void {
    if (!this.shared.peers.delete(this)) return;
    this.closed = true;
    if (this.clientIds.size > 0) removeAwarenessStates(this.shared.awareness, [...this.clientIds], this);
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
        // An update message is relayed as received. A sync step 2 is not: it would tell the peers
        // they are synced. Nor is a frame with trailing bytes.
        const relayAsIs = subtype === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder);
        // Only v1 updates are accepted from clients: the v2 decoder can hang on crafted input.
        this.shared.applyUpdate(update, this, relayAsIs ? frame : undefined);
        return;
      }
      default:
        throw new Error(`unknown sync message ${subtype}`);
    }
  }

  /**
   * Applies the entries this connection may speak for, stamped with its identity. The y-websocket
   * client re-sends every awareness change it hears, so entries for other participants' client
   * ids are echoes: dropped, not an error (P-ID-3).
   */
  private handleAwareness(update: Uint8Array): void {
    const owners = this.shared.awarenessOwners;
    const own: AwarenessState[] = [];
    for (const entry of decodeAwarenessUpdate(update)) {
      const owner = owners.get(entry.clientId);
      // Someone else's id: an echo, dropped before its JSON is even parsed.
      if (owner !== undefined && owner !== this.user.id) continue;
      const stamped = stampEntry(entry, this.user, this.userJson);
      if (owner === undefined) {
        // A removal for an id nobody owns is an echo of a departed peer: never a claim.
        if (stamped.state === null) continue;
        if (this.clientIds.size >= MAX_CLIENT_IDS) throw new Error('too many awareness client ids');
        owners.set(entry.clientId, this.user.id);
      }
      this.clientIds.add(entry.clientId);
      own.push(stamped);
    }
    if (own.length > 0) this.shared.setAwareness(own);
  }

  private fail(code: number, reason: string): void {
    this.dispose();
    this.transport.close(code, reason.slice(0, 120));
  }
}
