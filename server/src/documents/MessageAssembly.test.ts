import {
  FRAGMENT_PIECE_BYTES,
  fragmentMessage,
  MAX_DOC_MESSAGE_BYTES,
  MalformedInput,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { AssemblyBusy, AssemblyPool, MessageAssembly } from './MessageAssembly.js';

function message(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31) % 251;
  return bytes;
}
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(b);

describe('fragments (P-DOC-12)', () => {
  it('a message within one frame is sent as it is', () => {
    const small = message(1000);
    expect(fragmentMessage(small)).toEqual([small]);
  });

  it('a larger one becomes frames within the cap that assemble into the same bytes', () => {
    const big = message(2 * FRAGMENT_PIECE_BYTES + 17);
    const frames = fragmentMessage(big);
    expect(frames).toHaveLength(3);
    expect(frames.every((frame) => frame.length <= MAX_DOC_MESSAGE_BYTES)).toBe(true);
    const pool = new AssemblyPool(10 * 1024 * 1024);
    const assembly = new MessageAssembly(pool, 8 * 1024 * 1024);
    expect(assembly.add(frames[0] as Uint8Array)).toBeNull();
    // Held as the bytes arrive, never as declared.
    expect(pool.bytesHeld).toBe(FRAGMENT_PIECE_BYTES);
    expect(assembly.add(frames[1] as Uint8Array)).toBeNull();
    expect(pool.bytesHeld).toBe(2 * FRAGMENT_PIECE_BYTES);
    expect(assembly.pending).toBe(true);
    expect(same(assembly.add(frames[2] as Uint8Array), big)).toBe(true);
    expect(assembly.pending).toBe(false);
    expect(pool.bytesHeld).toBe(0);
  });

  it('holds the bytes that arrived against the pool, refuses past it, and gives back on clear', () => {
    const pool = new AssemblyPool(1000);
    const first = new MessageAssembly(pool, 5000);
    const second = new MessageAssembly(pool, 5000);
    const frames = fragmentMessage(message(2000), 600);
    // A declared 2,000 bytes holds nothing yet: only what arrives counts.
    first.add(frames[0] as Uint8Array);
    expect(pool.bytesHeld).toBe(600);
    expect(() => second.add(frames[0] as Uint8Array)).toThrow(AssemblyBusy);
    expect(pool.bytesHeld).toBe(600);
    first.clear();
    first.clear();
    second.clear();
    expect(pool.bytesHeld).toBe(0);
    expect(second.add(frames[0] as Uint8Array)).toBeNull();
  });

  it('one message part way in per holder, whatever its connections', () => {
    const pool = new AssemblyPool(1e6);
    const frames = fragmentMessage(message(800), 100);
    const tab = new MessageAssembly(pool, 5000, { holder: 'p1' });
    const otherTab = new MessageAssembly(pool, 5000, { holder: 'p1' });
    const someoneElse = new MessageAssembly(pool, 5000, { holder: 'p2' });
    tab.add(frames[0] as Uint8Array);
    expect(() => otherTab.add(frames[0] as Uint8Array)).toThrow(AssemblyBusy);
    expect(someoneElse.add(frames[0] as Uint8Array)).toBeNull();
    tab.clear();
    expect(otherTab.add(frames[0] as Uint8Array)).toBeNull();
  });

  it('a message that does not finish by its deadline is let go', async () => {
    const pool = new AssemblyPool(1e6);
    let expired = 0;
    const assembly = new MessageAssembly(pool, 5000, { deadlineMs: 20, onExpired: () => expired++ });
    assembly.add(fragmentMessage(message(800), 100)[0] as Uint8Array);
    await expect.poll(() => expired, { timeout: 2000 }).toBe(1);
    expect(assembly.pending).toBe(false);
    expect(pool.bytesHeld).toBe(0);
  });

  it('refuses a total over its size', () => {
    const assembly = new MessageAssembly(new AssemblyPool(1e9), 500);
    const frames = fragmentMessage(message(800), 100);
    expect(() => assembly.add(frames[0] as Uint8Array)).toThrow(MalformedInput);
  });
});
