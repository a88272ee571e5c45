import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from './messageTypes.js';

/** Anything that can receive a document frame: a DocConnection, or a fake in tests. */
export interface DocPeer {
  send(frame: Uint8Array): void;
}

/**
 * One live document: the Y.Doc, its awareness, and the peers connected to it. Fans out every
 * change to the peers; document updates skip the peer they came from (P-DOC-5).
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<DocPeer>();
  /** Awareness client id -> participant id: who may speak for each cursor. */
  readonly awarenessOwners = new Map<number, string>();

  constructor(readonly name: string) {
    // The server is not a participant: it must not appear in anyone's awareness.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (this.peers.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    const frame = encoding.toUint8Array(encoder);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ) => {
    if (this.peers.size === 0) return;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, changed));
    const frame = encoding.toUint8Array(encoder);
    // Awareness goes back to its sender too: the y-websocket client treats silence as a dead link.
    for (const peer of this.peers) peer.send(frame);
  };

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
