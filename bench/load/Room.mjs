import { RawDocClient } from './RawDocClient.mjs';
import { cursorFrame, keystrokeFrame } from './yjsFrames.mjs';

/** Keystroke states, per clock: 0 sent outside the measured window, then pending, delivered. */
const PENDING = 1;
const DELIVERED = 2;

/** What the two clients claim as their user (our server overwrites it; the reference keeps it). */
const USERS = [
  '{"name":"A","color":"#30bced","colorLight":"#30bced33"}',
  '{"name":"B","color":"#6eeb83","colorLight":"#6eeb8333"}',
];

/**
 * The measured keystrokes of a run, shared by all rooms: latencies of those sent while
 * `measuring`, and how many of them are still in flight.
 */
export class KeystrokeLog {
  measuring = false;
  sent = 0;
  delivered = 0;

  /** @param {import('./stats.mjs').Samples} samples */
  constructor(samples) {
    this.samples = samples;
  }
}

/**
 * One interview: a typist and a peer on the room's code document. The typist appends a
 * character per `type()`; the peer's receipt of the relayed update is matched to its send time
 * by the item id (typist client id, clock). Both publish a cursor per `moveCursor()`.
 */
export class Room {
  #sentAt = new Float64Array(256);
  #state = new Uint8Array(256);
  #awarenessClock = [1, 1];
  /** Keystrokes typed so far (the typist's next clock). */
  clock = 0;

  /**
   * @param {{docName: string, urls: [string, string], clientIds: [number, number],
   *   controls?: {disconnect(): void}[], awarenessEcho?: boolean}} spec
   * @param {KeystrokeLog} log
   * @param {ReturnType<import('./RawDocClient.mjs').newCounters>} counters
   */
  constructor(spec, log, counters) {
    this.docName = spec.docName;
    this.controls = spec.controls ?? [];
    this.log = log;
    this.counters = counters;
    // The typist ignores what it receives: the reference server echoes updates to their sender.
    const options = { echo: spec.awarenessEcho ?? true };
    this.typist = new RawDocClient(spec.urls[0], spec.clientIds[0], () => {}, counters, options);
    const onUpdate = (client, clock) => this.#delivered(client, clock);
    this.peer = new RawDocClient(spec.urls[1], spec.clientIds[1], onUpdate, counters, options);
  }

  /** Opens both document connections; resolves when both are synced. */
  async open() {
    await Promise.all([this.typist.open(), this.peer.open()]);
  }

  type() {
    const clock = this.clock++;
    if (clock >= this.#sentAt.length) this.#grow();
    this.#sentAt[clock] = performance.now();
    if (this.log.measuring) {
      this.#state[clock] = PENDING;
      this.log.sent += 1;
    }
    this.counters.keystrokes += 1;
    this.typist.send(keystrokeFrame(this.typist.clientId, clock));
  }

  /** Sends client `who`'s cursor (0 typist, at the end of the text; 1 peer, somewhere in it). */
  moveCursor(who) {
    const client = who === 0 ? this.typist : this.peer;
    const at = who === 0 ? Math.max(0, this.clock - 1) : Math.floor(Math.random() * Math.max(1, this.clock));
    this.counters.cursors += 1;
    client.send(
      cursorFrame(client.clientId, this.#awarenessClock[who]++, USERS[who], this.typist.clientId, at),
    );
  }

  async close() {
    for (const control of this.controls) control.disconnect();
    await Promise.all([this.typist.close(), this.peer.close()]);
  }

  #delivered(client, clock) {
    if (client !== this.typist.clientId || clock >= this.clock || this.#state[clock] !== PENDING) return;
    this.#state[clock] = DELIVERED;
    this.log.delivered += 1;
    this.log.samples.add(performance.now() - this.#sentAt[clock]);
  }

  /** Latencies of keystrokes still in flight, as lower bounds (they took at least this long). */
  undelivered(now) {
    const waits = [];
    for (let clock = 0; clock < this.clock; clock++) {
      if (this.#state[clock] === PENDING) waits.push(now - this.#sentAt[clock]);
    }
    return waits;
  }

  #grow() {
    const sentAt = new Float64Array(this.#sentAt.length * 2);
    sentAt.set(this.#sentAt);
    this.#sentAt = sentAt;
    const state = new Uint8Array(this.#state.length * 2);
    state.set(this.#state);
    this.#state = state;
  }
}
