/**
 * Runs periodic actions for many actors from one timer. Each actor fires in a slot of its
 * period drawn at random (seeded, so runs repeat), so a group's load is spread over the period
 * instead of arriving in bursts, two actors of one room are as independent as two people, and
 * thousands of actors cost one timer. Slots missed while the event loop was busy are caught up,
 * so the offered rate holds as long as the generator keeps up (its loop delay says).
 */
export class SlotScheduler {
  static SLOT_MS = 5;
  #groups = [];
  #timer = null;
  #start = 0;
  #done = 0;
  #seed = 0x9e3779b9;

  /** Mulberry32: a tiny seeded PRNG. */
  #random() {
    this.#seed = (this.#seed + 0x6d2b79f5) >>> 0;
    let t = this.#seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Calls `action(actor)` for every actor once per `periodMs` (a multiple of SLOT_MS). */
  every(periodMs, actors, action) {
    const slots = Math.max(1, Math.round(periodMs / SlotScheduler.SLOT_MS));
    const bySlot = Array.from({ length: slots }, () => []);
    for (const actor of actors) bySlot[Math.floor(this.#random() * slots)].push(actor);
    this.#groups.push({ bySlot, action });
  }

  start() {
    this.#start = performance.now();
    this.#done = 0;
    this.#timer = setInterval(() => this.#tick(), SlotScheduler.SLOT_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
  }

  #tick() {
    const due = Math.floor((performance.now() - this.#start) / SlotScheduler.SLOT_MS);
    for (; this.#done <= due; this.#done++) {
      for (const { bySlot, action } of this.#groups) {
        for (const actor of bySlot[this.#done % bySlot.length]) action(actor);
      }
    }
  }
}
