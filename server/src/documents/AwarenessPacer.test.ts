import { describe, expect, it } from 'vitest';
import { AwarenessPacer } from './AwarenessPacer.js';

/** A pacer fed a scripted series of event-loop utilisations. */
function pacerFed(readings: number[]) {
  const pacer = new AwarenessPacer({ minMs: 50, maxMs: 200, utilization: () => readings.shift() ?? 0 });
  const intervals: number[] = [];
  while (readings.length > 0) {
    pacer.sample();
    intervals.push(pacer.intervalMs);
  }
  pacer.close();
  return intervals;
}

describe('AwarenessPacer', () => {
  it('starts at the shortest interval and stays there while the loop has time', () => {
    expect(pacerFed([0.1, 0.5, 0.8, 0.89])).toEqual([50, 50, 50, 50]);
  });

  it('lengthens the interval step by step while the loop is busy, up to the longest', () => {
    expect(pacerFed([0.95, 0.95, 0.95, 0.95, 0.95])).toEqual([75, 113, 170, 200, 200]);
  });

  it('holds between the thresholds and eases back once the loop has time again', () => {
    expect(pacerFed([0.95, 0.95, 0.8, 0.8, 0.5, 0.5, 0.5])).toEqual([75, 113, 113, 113, 75, 50, 50]);
  });
});
