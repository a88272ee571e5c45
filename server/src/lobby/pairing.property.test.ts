import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSeats, compatible, type WaitingEntry } from './pairing.js';
import { InMemoryWaitingQueue } from './WaitingQueue.js';

const person = fc.record({
  trackId: fc.constantFrom('netflix-mle', 'other'),
  roundType: fc.constantFrom('coding', 'behavioral') as fc.Arbitrary<WaitingEntry['roundType']>,
  role: fc.constantFrom('interviewer', 'candidate', 'either') as fc.Arbitrary<WaitingEntry['role']>,
});

const operation = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('enter' as const), person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }) },
);

describe('lobby pairing (property-based)', () => {
  it('never pairs incompatible people, loses, duplicates or double-books anyone, and serves in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 60 }), async (ops) => {
        const queue = new InMemoryWaitingQueue();
        const matchedIds = new Set<string>();
        const leftIds = new Set<string>();
        const entered: WaitingEntry[] = [];
        let n = 0;
        for (const op of ops) {
          if (op.kind === 'enter') {
            n += 1;
            const entry: WaitingEntry = {
              id: `p${n}`,
              channel: `c${n}`,
              name: `P${n}`,
              ...op.person,
              enqueuedAt: n,
              requeued: false,
            };
            entered.push(entry);
            const before = await queue.list();
            const partner = await queue.matchOrEnqueue(entry);
            if (partner) {
              // Compatible, and nobody compatible was ahead of the partner in line.
              expect(compatible(partner, entry)).toBe(true);
              const ahead = before.slice(0, before.indexOf(partner));
              expect(ahead.some((w) => compatible(w, entry))).toBe(false);
              // Neither has been matched before: one room per person.
              expect(matchedIds.has(partner.id) || matchedIds.has(entry.id)).toBe(false);
              matchedIds.add(partner.id).add(entry.id);
              const seats = assignSeats(partner, entry);
              expect(seats.interviewer.role).not.toBe('candidate');
              expect(seats.candidate.role).not.toBe('interviewer');
            } else {
              expect(before.some((w) => compatible(w, entry))).toBe(false);
            }
          } else {
            const line = await queue.list();
            const victim = line[op.pick % Math.max(1, line.length)];
            if (victim) {
              await queue.removeChannel(victim.channel);
              leftIds.add(victim.id);
            }
          }
          // Everyone who entered is in exactly one place: waiting, matched or gone.
          const waiting = (await queue.list()).map((w) => w.id);
          expect(new Set(waiting).size).toBe(waiting.length);
          for (const e of entered) {
            const places = [waiting.includes(e.id), matchedIds.has(e.id), leftIds.has(e.id)].filter(Boolean);
            expect(places).toHaveLength(1);
          }
          // The line never holds two people who could have been paired.
          const line = await queue.list();
          for (const [i, a] of line.entries())
            for (const b of line.slice(i + 1)) expect(compatible(a, b)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a re-queued person goes to the front and is served first', async () => {
    const queue = new InMemoryWaitingQueue();
    const base = { trackId: 't', roundType: 'coding' as const, requeued: false, enqueuedAt: 0, name: '' };
    await queue.matchOrEnqueue({ ...base, id: 'a', channel: 'a', role: 'candidate' });
    await queue.matchOrEnqueue({ ...base, id: 'b', channel: 'b', role: 'candidate', requeued: true }, true);
    const partner = await queue.matchOrEnqueue({ ...base, id: 'x', channel: 'x', role: 'interviewer' });
    expect(partner?.id).toBe('b');
  });
});
