import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocConnection } from '../../src/documents/DocConnection.js';
import { MessageType } from '../../src/documents/messageTypes.js';
import type { SharedDoc } from '../../src/documents/SharedDoc.js';

const FROM_SERVER = Symbol('from-server');

/**
 * An in-process y-websocket client for tests: a Y.Doc and Awareness wired to a DocConnection
 * through two queues that the test flushes by hand (or in a seeded random order), so message
 * interleavings are reproducible. Mirrors the real client, including its awareness echo.
 */
export class FakeDocClient {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly toServer: Uint8Array[] = [];
  readonly toClient: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly connection: DocConnection;

  constructor(
    shared: SharedDoc,
    user: { id: string; name: string; role: string; color: string },
    writable = true,
    /** Yjs orders concurrent edits by client id: a seeded test names it, to replay the same run. */
    clientId?: number,
  ) {
    this.doc = new Y.Doc();
    if (clientId !== undefined) this.doc.clientID = clientId;
    this.awareness = new Awareness(this.doc);
    this.connection = new DocConnection(
      shared,
      {
        send: (frame) => this.toClient.push(frame),
        close: (code, reason) => {
          this.closed = { code, reason };
        },
      },
      // Like a browser tab, the fake uses the awareness client id its "token" names: its own.
      { user: { ...user, colorLight: `${user.color}33` }, writable, clientId: this.doc.clientID },
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.toServer.push(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.toServer.push(awarenessFrame(this.awareness, changed));
    });
  }

  /** Opens the session the way y-websocket does: server step 1, then our step 1 and awareness. */
  open(): void {
    this.connection.start();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.toServer.push(encoding.toUint8Array(encoder));
    if (this.awareness.getLocalState() !== null) {
      this.toServer.push(awarenessFrame(this.awareness, [this.doc.clientID]));
    }
  }

  get pending(): number {
    return this.toServer.length + this.toClient.length;
  }

  deliverToServer(): boolean {
    const frame = this.toServer.shift();
    if (!frame) return false;
    this.connection.receive(frame);
    return true;
  }

  deliverToClient(): boolean {
    const frame = this.toClient.shift();
    if (!frame) return false;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, FROM_SERVER);
      if (encoding.length(encoder) > 1) this.toServer.push(encoding.toUint8Array(encoder));
    } else if (type === MessageType.Awareness) {
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), FROM_SERVER);
    }
    return true;
  }

  text(name = 'code'): string {
    return this.doc.getText(name).toString();
  }

  close(): void {
    this.connection.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function awarenessFrame(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Delivers every queued frame, in order, until all queues are empty. */
export function flushAll(clients: FakeDocClient[]): void {
  let moved = true;
  while (moved) {
    moved = false;
    for (const client of clients) {
      while (client.deliverToServer()) moved = true;
      while (client.deliverToClient()) moved = true;
    }
  }
}
