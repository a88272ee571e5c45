import { FRAGMENT_PIECE_BYTES, fragmentMessage, MAX_DOC_MESSAGE_BYTES } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { MalformedInput } from './ByteReader.js';
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
    expect(pool.bytesHeld).toBe(big.length);
    expect(assembly.add(frames[1] as Uint8Array)).toBeNull();
    expect(assembly.pending).toBe(true);
    expect(same(assembly.add(frames[2] as Uint8Array), big)).toBe(true);
    expect(assembly.pending).toBe(false);
    expect(pool.bytesHeld).toBe(0);
  });

  it('holds against the pool, refuses past it, and gives back on clear', () => {
    const pool = new AssemblyPool(1000);
    const first = new MessageAssembly(pool, 5000);
    const second = new MessageAssembly(pool, 5000);
    const frames = fragmentMessage(message(800), 100);
    first.add(frames[0] as Uint8Array);
    expect(() => second.add(frames[0] as Uint8Array)).toThrow(AssemblyBusy);
    first.clear();
    first.clear();
    expect(pool.bytesHeld).toBe(0);
    expect(second.add(frames[0] as Uint8Array)).toBeNull();
  });

  it('refuses a total over its size', () => {
    const assembly = new MessageAssembly(new AssemblyPool(1e9), 500);
    const frames = fragmentMessage(message(800), 100);
    expect(() => assembly.add(frames[0] as Uint8Array)).toThrow(MalformedInput);
  });
});
