/** Cursor and avatar colours, picked in join order; readable on the dark editor theme. */
const PALETTE = ['#f97316', '#22c55e', '#3b82f6', '#e879f9', '#eab308', '#14b8a6', '#f43f5e', '#a78bfa'];

export function colorFor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#3b82f6';
}
