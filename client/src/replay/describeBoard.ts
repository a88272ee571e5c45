import type { SyncedElement } from '../board/BoardBinding';

interface Described extends SyncedElement {
  type?: string;
  text?: string;
}

const MAX_TEXTS = 5;

/**
 * The board in words, for screen readers and anyone checking a replay: how many elements of each
 * type, and the first few texts. "3 elements: 2 rectangles, 1 text (cache)."
 */
export function describeBoard(elements: readonly SyncedElement[]): string {
  const shown = elements.filter((e) => !e.isDeleted) as Described[];
  if (shown.length === 0) return 'The board is empty.';
  const counts = new Map<string, number>();
  for (const e of shown) counts.set(e.type ?? 'element', (counts.get(e.type ?? 'element') ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${n} ${n === 1 ? type : `${type}s`}`);
  const texts = shown.flatMap((e) => (e.type === 'text' && e.text ? [e.text] : [])).slice(0, MAX_TEXTS);
  const words = texts.length > 0 ? ` Text: ${texts.join('; ')}.` : '';
  return `${shown.length} element${shown.length === 1 ? '' : 's'}: ${parts.join(', ')}.${words}`;
}
