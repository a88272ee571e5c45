import { CloseCode } from '@mockloop/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from './messageTypes.js';
import type { DocPeer, SharedDoc } from './SharedDoc.js';
import {
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  type StampedUser,
  stampEntries,
} from './stampAwareness.js';

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

  constructor(
    private readonly shared: SharedDoc,
    private readonly transport: DocTransport,
    private readonly user: StampedUser,
    private readonly writable: boolean,
  ) {}

  /** Joins the document's fan-out and sends the opening sync step and current awareness. */
  start(): void {
    this.shared.peers.add(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.shared.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = this.shared.awareness.getStates();
    if (states.size > 0) this.send(this.awarenessFrame([...states.keys()]));
  }

  send(frame: Uint8Array): void {
    if (!this.closed) this.transport.send(frame);
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
        this.handleSync(decoder);
        return;
      case MessageType.Awareness:
        this.handleAwareness(decoding.readVarUint8Array(decoder));
        return;
      case MessageType.QueryAwareness:
        this.send(this.awarenessFrame([...this.shared.awareness.getStates().keys()]));
        return;
      case MessageType.Auth:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
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
        // Only v1 updates are accepted from clients: the v2 decoder can hang on crafted input.
        Y.applyUpdate(this.shared.doc, update, this);
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
    const own = decodeAwarenessUpdate(update).filter(({ clientId, state }) => {
      const owner = owners.get(clientId);
      if (owner !== undefined) {
        if (owner !== this.user.id) return false;
        this.clientIds.add(clientId);
        return true;
      }
      // A removal for an id nobody owns is an echo of a departed peer: never a claim.
      if (state === null) return false;
      if (this.clientIds.size >= MAX_CLIENT_IDS) throw new Error('too many awareness client ids');
      owners.set(clientId, this.user.id);
      this.clientIds.add(clientId);
      return true;
    });
    if (own.length === 0) return;
    applyAwarenessUpdate(this.shared.awareness, encodeAwarenessEntries(stampEntries(own, this.user)), this);
  }

  private awarenessFrame(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.shared.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  private fail(code: number, reason: string): void {
    this.dispose();
    this.transport.close(code, reason.slice(0, 120));
  }
}
