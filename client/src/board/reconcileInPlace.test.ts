import { describe, expect, it } from 'vitest';
import type { SyncedElement } from './BoardBinding';
import { reconcileInPlace } from './reconcileInPlace';

type El = SyncedElement & { x: number };
const el = (id: string, index: string, version = 1, versionNonce = 5, x = 0): El => ({
  id,
  index,
  version,
  versionNonce,
  isDeleted: false,
  x,
});
const scene = () => [el('a', 'a0'), el('b', 'a1'), el('c', 'a2')];
const never = () => false;

describe('reconcileInPlace', () => {
  it('puts a newer remote element where the local one was, leaving the local array alone', () => {
    const local = scene();
    const moved = el('b', 'a1', 2, 9, 40);
    const next = reconcileInPlace(local, [moved], never);
    expect(next?.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(next?.[1]).toBe(moved);
    expect(local[1]?.x).toBe(0);
  });

  it('keeps the local element when it wins the rule or is being edited here', () => {
    const local = [el('a', 'a0', 3, 5)];
    expect(reconcileInPlace(local, [el('a', 'a0', 2, 1)], never)?.[0]).toBe(local[0]);
    // Equal versions: the lower nonce wins.
    expect(reconcileInPlace(local, [el('a', 'a0', 3, 7)], never)?.[0]).toBe(local[0]);
    expect(reconcileInPlace(local, [el('a', 'a0', 3, 4)], never)?.[0]?.versionNonce).toBe(4);
    expect(reconcileInPlace(local, [el('a', 'a0', 9, 1)], (id) => id === 'a')?.[0]).toBe(local[0]);
  });

  it('appends new elements drawn on top, in order', () => {
    const local = scene();
    const next = reconcileInPlace(local, [el('d', 'a3'), el('e', 'a4')], never);
    expect(next?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // The older array keeps its own positions.
    expect(reconcileInPlace(local, [el('e', 'a4')], never)?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(reconcileInPlace(next as El[], [el('d', 'a3', 2)], never)?.[3]?.version).toBe(2);
  });

  it('gives up (null) on a new element below the top or one that moved in the z-order', () => {
    expect(reconcileInPlace(scene(), [el('d', 'a1V')], never)).toBeNull();
    expect(reconcileInPlace(scene(), [el('a', 'a5', 2)], never)).toBeNull();
  });

  it('finds elements in an array it produced without rebuilding its positions', () => {
    let local = scene();
    for (let v = 2; v < 6; v++) {
      local = reconcileInPlace(local, [el('c', 'a2', v)], never) as El[];
    }
    expect(local[2]?.version).toBe(5);
  });
});
