import { findPartner, type WaitingEntry } from './pairing.js';

/**
 * The lobby line as a pure step, so every WaitingQueue (in memory, in Redis) applies the same
 * rules: the newcomer's person's earlier entry goes first (one place per person, never paired
 * with themself), then the first compatible entry is taken out, or the newcomer joins the line.
 */
export function placeInLine(
  line: readonly WaitingEntry[],
  newcomer: WaitingEntry,
  front: boolean,
): { line: WaitingEntry[]; partner: WaitingEntry | null } {
  const others = line.filter((e) => e.person !== newcomer.person && e.channel !== newcomer.channel);
  const partner = findPartner(others, newcomer);
  if (partner) return { line: others.filter((e) => e !== partner), partner };
  return { line: front ? [newcomer, ...others] : [...others, newcomer], partner: null };
}
