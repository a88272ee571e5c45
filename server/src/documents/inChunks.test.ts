import { describe, expect, it } from 'vitest';
import type { UpdateRow } from '../store/records.js';
import { inChunks } from './inChunks.js';

/** A row of `size` bytes whose first byte tells it apart. */
const row = (id: number, size: number): UpdateRow => ({
  data: new Uint8Array(size).fill(id),
  at: 0,
  author: null,
});
/** Each chunk as document -> the ids of its rows. */
const ids = (chunks: Array<Map<string, UpdateRow[]>>) =>
  chunks.map((chunk) =>
    Object.fromEntries([...chunk].map(([doc, rows]) => [doc, rows.map((r) => r.data[0])])),
  );

describe('inChunks', () => {
  it('keeps a turn that fits in one chunk whole', () => {
    const rows = new Map([
      ['d', [row(1, 10), row(2, 10)]],
      ['e', [row(3, 10)]],
    ]);
    expect(ids(inChunks(rows, 30))).toEqual([{ d: [1, 2], e: [3] }]);
  });

  it('starts a new chunk before a row that would pass the bound, each document still in order', () => {
    const rows = new Map([
      ['d', [row(1, 40), row(2, 40), row(3, 40)]],
      ['e', [row(4, 40), row(5, 40)]],
    ]);
    expect(ids(inChunks(rows, 100))).toEqual([{ d: [1, 2] }, { d: [3], e: [4] }, { e: [5] }]);
  });

  it('gives a row larger than the bound a chunk of its own, never cutting it', () => {
    const rows = new Map([['d', [row(1, 5), row(2, 500), row(3, 5)]]]);
    const chunks = inChunks(rows, 100);
    expect(ids(chunks)).toEqual([{ d: [1] }, { d: [2] }, { d: [3] }]);
    expect(chunks[1]?.get('d')?.[0]?.data.length).toBe(500);
  });

  it('an empty turn is one empty chunk', () => {
    expect(inChunks(new Map(), 100)).toEqual([new Map()]);
  });
});
