import { describe, expect, it } from 'vitest';
import { readExactly } from './readExactly';

/** A response whose body arrives in these pieces, as a byte stream (as fetch's) or a plain one. */
function respond(pieces: number[][], bytes = true): Response {
  const chunks = pieces.map((p) => new Uint8Array(p));
  const body = bytes
    ? new ReadableStream({
        type: 'bytes',
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else {
            controller.close();
            controller.byobRequest?.respond(0);
          }
        },
      })
    : new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
  return new Response(body);
}

describe('readExactly', () => {
  for (const bytes of [true, false]) {
    const kind = bytes ? 'a byte stream' : 'a plain stream';
    it(`reads ${kind} into one buffer of the expected length, counting what arrives`, async () => {
      const seen: number[] = [];
      const buffer = await readExactly(respond([[1, 2], [3], [4, 5, 6]], bytes), 6, (n) => seen.push(n));
      expect([...new Uint8Array(buffer)]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(seen.reduce((a, b) => a + b, 0)).toBe(6);
      // The caller's own buffer: it can let go of it at once.
      const own = buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer; detached: boolean };
      own.transfer(0);
      expect(own.detached).toBe(true);
    });

    it(`refuses ${kind} shorter or longer than expected`, async () => {
      await expect(readExactly(respond([[1, 2], [3]], bytes), 6)).rejects.toThrow(
        'Only 3 of 6 bytes arrived.',
      );
      await expect(
        readExactly(
          respond(
            [
              [1, 2, 3],
              [4, 5, 6, 7],
            ],
            bytes,
          ),
          6,
        ),
      ).rejects.toThrow('More than the 6 bytes expected arrived.');
    });
  }
});
