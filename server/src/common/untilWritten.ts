import type { Written } from '../store/Store.js';
import { AppError } from './AppError.js';

/** What an optimistic step returns when its write found the room's revision moved on. */
export const CONFLICT = Symbol('conflict');

/**
 * Runs a read-modify-write step until its write lands on the revision it read (S-REV-2): each try
 * reads the room's revision first, then the data, computes, and writes guarded by that revision.
 * Two nodes, or two events on one, never lose each other's change; no lock is held.
 */
export async function untilWritten<T>(step: () => Promise<T | typeof CONFLICT>, tries = 25): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const result = await step();
    if (result !== CONFLICT) return result;
  }
  throw new AppError('INTERNAL', 'The room is busy; try again.');
}

/** `value` when the write landed, CONFLICT when it did not. */
export function landed<T>(written: Written, value: T): T | typeof CONFLICT {
  return written === 'written' ? value : CONFLICT;
}
