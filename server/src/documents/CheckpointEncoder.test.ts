import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CheckpointEncoder } from './CheckpointEncoder.js';

const encoders: CheckpointEncoder[] = [];
function newEncoder(): CheckpointEncoder {
  const encoder = new CheckpointEncoder();
  encoders.push(encoder);
  return encoder;
}
afterEach(async () => {
  await Promise.all(encoders.splice(0).map((e) => e.close()));
});

/** A document written in steps, and each step's update: a checkpoint then rows, as stored. */
function history(text: string) {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  const code = doc.getText('code');
  for (const [i, ch] of [...text].entries()) code.insert(Math.floor(i / 2), ch);
  code.delete(0, 1);
  return { doc, parts };
}

describe('CheckpointEncoder', () => {
  it('builds the state of a checkpoint and the rows after it; requests at once get their own answers', async () => {
    const encoder = newEncoder();
    const a = history('the quick brown fox');
    const b = history('jumps over the lazy dog');
    const base = await encoder.encode(a.parts.slice(0, 5));
    const [stateA, stateB] = await Promise.all([
      encoder.encode([base, ...a.parts.slice(5)]),
      encoder.encode(b.parts),
    ]);
    for (const [state, source] of [
      [stateA, a.doc],
      [stateB, b.doc],
    ] as const) {
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, state);
      expect(rebuilt.getText('code').toString()).toBe(source.getText('code').toString());
      expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(source));
    }
  });

  it('fails a request Yjs cannot read with a clear error, and answers the next', async () => {
    const encoder = newEncoder();
    await expect(encoder.encode([new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01])])).rejects.toThrow(
      /checkpoint encoding failed/,
    );
    const { doc, parts } = history('still here');
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, await encoder.encode(parts));
    expect(rebuilt.getText('code').toString()).toBe(doc.getText('code').toString());
  });

  it('closing fails what waits; a later request starts the thread again', async () => {
    const encoder = newEncoder();
    const { doc, parts } = history('a document long enough to be still encoding');
    const refused = expect(encoder.encode(parts)).rejects.toThrow(/closed/);
    await encoder.close();
    await refused;
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, await encoder.encode(parts));
    expect(rebuilt.getText('code').toString()).toBe(doc.getText('code').toString());
  });
});
