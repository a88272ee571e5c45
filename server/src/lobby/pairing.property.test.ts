import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachSeed, fuzzSeeds, fuzzTimeout } from '../../../test-support/fuzz.js';
import { assignSeats, compatible, type WaitingEntry } from './pairing.js';
import { InMemoryWaitingQueue } from './WaitingQueue.js';

/** A CPU-bound sweep: well under a second alone, a few on a busy 2-core machine. */
const SWEEP_BUDGET_MS = fuzzTimeout(15_000);

const person = fc.record({
  /** Few people, so the same person often enters again (a double click, a second tab). */
  who: fc.integer({ min: 1, max: 6 }),
  trackId: fc.constantFrom('netflix-mle', 'other'),
  roundType: fc.constantFrom('coding', 'behavioral') as fc.Arbitrary<WaitingEntry['roundType']>,
  role: fc.constantFrom('interviewer', 'candidate', 'either') as fc.Arbitrary<WaitingEntry['role']>,
});

type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

const operation = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('enter' as const), person }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      person,
      times: fc.integer({ min: 2, max: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }) },
);

/**
 * Any sequence of entries, repeated entries and departures: the line stays fair and nobody is
 * lost, duplicated or double-booked.
 */
const fairLine = fc.asyncProperty(fc.array(operation, { maxLength: 60 }), async (ops) => {
  const queue = new InMemoryWaitingQueue();
  const matchedIds = new Set<string>();
  const goneIds = new Set<string>();
  const entered: WaitingEntry[] = [];
  let n = 0;
  const newEntry = ({ who, ...wants }: Person) => {
    n += 1;
    // Each entry comes from its own connection; the person (one browser) may repeat.
    const entry: WaitingEntry = {
      id: `e${n}`,
      person: `person-${who}`,
      channel: `c${n}`,
      name: `P${who}`,
      ...wants,
      enqueuedAt: n,
      requeued: false,
    };
    entered.push(entry);
    return entry;
  };
  const check = async (entry: WaitingEntry, partner: WaitingEntry | null, before: WaitingEntry[]) => {
    const line = before.filter((w) => w.person !== entry.person);
    if (partner) {
      expect(partner.person).not.toBe(entry.person);
      // Compatible, and nobody compatible was ahead of the partner in line.
      expect(compatible(partner, entry)).toBe(true);
      const ahead = line.slice(0, line.indexOf(partner));
      expect(ahead.some((w) => compatible(w, entry))).toBe(false);
      // Neither has been matched before: one room per entry.
      expect(matchedIds.has(partner.id) || matchedIds.has(entry.id)).toBe(false);
      matchedIds.add(partner.id).add(entry.id);
      const seats = assignSeats(partner, entry);
      expect(seats.interviewer.role).not.toBe('candidate');
      expect(seats.candidate.role).not.toBe('interviewer');
    } else {
      expect(line.some((w) => compatible(w, entry))).toBe(false);
    }
    // The person's earlier places are gone: replaced, not duplicated.
    for (const w of before) if (w.person === entry.person && w !== partner) goneIds.add(w.id);
  };
  for (const op of ops) {
    if (op.kind === 'enter' || op.kind === 'burst') {
      const times = op.kind === 'burst' ? op.times : 1;
      // A burst: the same person enters several times at once (concurrent requests).
      const entries = Array.from({ length: times }, () => newEntry(op.person));
      for (const entry of entries) {
        const before = await queue.list();
        await check(entry, await queue.matchOrEnqueue(entry), before);
      }
    } else {
      const line = await queue.list();
      const victim = line[op.pick % Math.max(1, line.length)];
      if (victim) {
        await queue.removeChannel(victim.channel);
        goneIds.add(victim.id);
      }
    }
    // Everyone who entered is in exactly one place: waiting, matched or gone.
    const waiting = await queue.list();
    const waitingIds = waiting.map((w) => w.id);
    expect(new Set(waitingIds).size).toBe(waitingIds.length);
    expect(new Set(waiting.map((w) => w.person)).size).toBe(waiting.length);
    for (const e of entered) {
      const places = [waitingIds.includes(e.id), matchedIds.has(e.id), goneIds.has(e.id)].filter(Boolean);
      expect(places).toHaveLength(1);
    }
    // The line never holds two people who could have been paired.
    for (const [i, a] of waiting.entries())
      for (const b of waiting.slice(i + 1)) expect(compatible(a, b)).toBe(false);
  }
});

/** fast-check seeds `npm test` replays, RUNS_PER_SEED runs each; `npm run test:fuzz` adds fresh ones. */
const PINNED_SEEDS = [1, 2, 3];
const RUNS_PER_SEED = 100;

describe('lobby pairing (property-based)', () => {
  it('P-LOBBY-1: never pairs incompatible people or a person with themself, loses, duplicates or double-books anyone, and serves in order', {
    tags: ['fuzz'],
    timeout: SWEEP_BUDGET_MS,
  }, async () => {
    await forEachSeed(fuzzSeeds(PINNED_SEEDS, 50), 'PINNED_SEEDS in pairing.property.test.ts', (seed) =>
      fc.assert(fairLine, { seed, numRuns: RUNS_PER_SEED }),
    );
  });

  it('concurrent entries of one person never match each other', async () => {
    const queue = new InMemoryWaitingQueue();
    const base = { trackId: 't', roundType: 'coding' as const, requeued: false, enqueuedAt: 0, name: 'Me' };
    const partners = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        queue.matchOrEnqueue({ ...base, id, person: 'me', channel: id, role: 'either' }),
      ),
    );
    expect(partners).toEqual([null, null, null]);
    expect((await queue.list()).map((e) => e.id)).toEqual(['c']);
  });

  it('a re-queued person goes to the front and is served first', async () => {
    const queue = new InMemoryWaitingQueue();
    const base = { trackId: 't', roundType: 'coding' as const, requeued: false, enqueuedAt: 0, name: '' };
    await queue.matchOrEnqueue({ ...base, id: 'a', person: 'a', channel: 'a', role: 'candidate' });
    await queue.matchOrEnqueue(
      { ...base, id: 'b', person: 'b', channel: 'b', role: 'candidate', requeued: true },
      true,
    );
    const partner = await queue.matchOrEnqueue({
      ...base,
      id: 'x',
      person: 'x',
      channel: 'x',
      role: 'interviewer',
    });
    expect(partner?.id).toBe('b');
  });
});
