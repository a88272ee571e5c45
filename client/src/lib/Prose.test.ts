import { describe, expect, it } from 'vitest';
import { parseProse } from './Prose';

describe('parseProse', () => {
  it('joins hand-wrapped lines, splits paragraphs on blank lines and reads "- " lists', () => {
    const text = 'First line\nwraps here.\n\n- item one\n  continues\n- item two\n\nLast.';
    expect(parseProse(text)).toEqual([
      { kind: 'p', text: 'First line wraps here.' },
      { kind: 'ul', items: ['item one continues', 'item two'] },
      { kind: 'p', text: 'Last.' },
    ]);
  });

  it('keeps a one-line prompt as one paragraph', () => {
    expect(parseProse('Design X.')).toEqual([{ kind: 'p', text: 'Design X.' }]);
  });
});
