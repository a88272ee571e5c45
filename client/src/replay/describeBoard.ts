import type { SyncedElement } from '../board/BoardBinding';

interface Described extends SyncedElement {
  type?: string;
  text?: string;
}

/** Texts named in full; past them, how many more there are. */
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
  // Every text element is counted above, so every one is listed or counted here: a label with
  // no words (an empty text) is said as such rather than dropped.
  const texts = shown.flatMap((e) => (e.type === 'text' ? [e.text?.trim() || '(empty)'] : []));
  const more = texts.length - MAX_TEXTS;
  const listed = texts.slice(0, MAX_TEXTS).join('; ');
  const words = texts.length > 0 ? ` Text: ${listed}${more > 0 ? `; and ${more} more` : ''}.` : '';
  return `${shown.length} element${shown.length === 1 ? '' : 's'}: ${parts.join(', ')}.${words}`;
}
