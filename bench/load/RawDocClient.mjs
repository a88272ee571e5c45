import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import {
  awarenessEntries,
  awarenessFrameOf,
  awarenessMessage,
  emptySyncStep2Frame,
  firstItemId,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncStep1Frame,
} from './yjsFrames.mjs';

const STEP1 = syncStep1Frame();
const EMPTY_STEP2 = emptySyncStep2Frame();
const SEND_OPTIONS = { binary: true, compress: false };

/** Frame counts of one generator, shared by all its clients. */
export function newCounters() {
  return { keystrokes: 0, cursors: 0, echoes: 0, updatesIn: 0, awarenessIn: 0, closedEarly: 0 };
}

/**
 * A y-websocket client without a Y.Doc: it does the sync handshake, reports every received
 * update's first item id to `onUpdate` (without applying it), and echoes other clients'
 * awareness changes back to the server the way y-websocket's WebsocketProvider does (it
 * re-broadcasts every awareness update it applies, whatever its origin). Costs a few
 * microseconds per frame, so one generator core can drive a thousand rooms.
 */
export class RawDocClient {
  /** Awareness client id -> highest clock seen: what the provider's Awareness would apply. */
  #seen = new Map();
  #ws = null;
  #closing = false;

  /**
   * @param {string} url  ws URL of the document, token included
   * @param {number} clientId  this client's Yjs and awareness client id
   * @param {(client: number, clock: number) => void} onUpdate
   * @param {ReturnType<typeof newCounters>} counters
   * @param {{echo?: boolean}} [options]  echo: false plays a client that publishes only its own
   *   awareness (an experiment: what the provider's echoes cost the server)
   */
  constructor(url, clientId, onUpdate, counters, { echo = true } = {}) {
    this.url = url;
    this.clientId = clientId;
    this.onUpdate = onUpdate;
    this.counters = counters;
    this.echo = echo;
  }

  /** Connects and resolves once the server answered our sync step 1 (the client is synced). */
  open(timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
      // A zero mask is left unapplied by ws: the server unmasks nothing, the generator saves the XOR.
      const ws = new WebSocket(this.url, { perMessageDeflate: false, generateMask: () => {} });
      this.#ws = ws;
      let synced = false;
      const timer = setTimeout(() => fail(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs);
      const fail = (err) => {
        clearTimeout(timer);
        ws.terminate();
        reject(err);
      };
      ws.on('open', () => ws.send(STEP1, SEND_OPTIONS));
      ws.on('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.on('error', (err) => {
        if (!synced) fail(err);
      });
      ws.on('close', () => {
        if (!synced) fail(new Error('closed before sync'));
        else if (!this.#closing) this.counters.closedEarly += 1;
      });
      ws.on('message', (data) => {
        if (this.#receive(data) && !synced) {
          synced = true;
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  send(frame) {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(frame, SEND_OPTIONS);
  }

  /** Closes the socket and resolves when it is closed (bounded). */
  close() {
    this.#closing = true;
    const ws = this.#ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 5_000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }

  /** Handles one frame; true when it was the server's sync step 2 (our handshake is done). */
  #receive(data) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const subtype = decoding.readVarUint(decoder);
      if (subtype === SYNC_STEP1) {
        this.send(EMPTY_STEP2);
      } else if (subtype === SYNC_UPDATE) {
        this.counters.updatesIn += 1;
        const id = firstItemId(decoding.readVarUint8Array(decoder));
        if (id) this.onUpdate(id.client, id.clock);
      } else if (subtype === SYNC_STEP2) {
        return true;
      }
    } else if (type === MESSAGE_AWARENESS) {
      this.counters.awarenessIn += 1;
      if (this.echo) this.#echo(decoding.readVarUint8Array(decoder));
    }
    return false;
  }

  #echo(update) {
    const entries = awarenessEntries(update);
    const changed = entries.filter(({ clientId, clock }) => {
      if (clientId === this.clientId) return false;
      const seen = this.#seen.get(clientId);
      if (seen !== undefined && seen >= clock) return false;
      this.#seen.set(clientId, clock);
      return true;
    });
    if (changed.length === 0) return;
    this.counters.echoes += 1;
    this.send(changed.length === entries.length ? awarenessMessage(update) : awarenessFrameOf(changed));
  }
}
