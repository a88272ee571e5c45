import { describe, expect, it } from 'vitest';
import type { SyncedElement } from '../board/BoardBinding';
import { describeBoard } from './describeBoard';

const el = (id: string, type: string, text?: string) =>
  ({ id, type, text, index: id, version: 1, isDeleted: false }) as unknown as SyncedElement;

describe('describeBoard: the board in words', () => {
  it('says every text it counts: the first five, then how many more', () => {
    const board = [
      el('a', 'rectangle'),
      ...['one', 'two', 'three', 'four', 'five', 'six'].map((t) => el(t, 'text', t)),
    ];
    expect(describeBoard(board)).toBe(
      '7 elements: 1 rectangle, 6 texts. Text: one; two; three; four; five; and 1 more.',
    );
  });

  it('names an empty text rather than dropping it from the list', () => {
    expect(describeBoard([el('a', 'text', 'cache'), el('b', 'text', '  ')])).toBe(
      '2 elements: 2 texts. Text: cache; (empty).',
    );
    expect(describeBoard([])).toBe('The board is empty.');
  });
});
