/**
 * A growable list of samples (milliseconds) with exact percentiles: a run holds at most a few
 * hundred thousand keystrokes, so sorting once at the end is cheaper than a histogram's bookkeeping.
 */
export class Samples {
  #values = new Float64Array(1024);
  #length = 0;

  add(value) {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }

  get count() {
    return this.#length;
  }

  /** p50, p95, p99 and max in ms (null when empty), nearest-rank. */
  summary() {
    if (this.#length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
    const sorted = this.#values.slice(0, this.#length).sort();
    const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return {
      count: sorted.length,
      p50: round(rank(0.5)),
      p95: round(rank(0.95)),
      p99: round(rank(0.99)),
      max: round(sorted[sorted.length - 1]),
    };
  }
}

/** Sampling interval of the event-loop delay monitors (perf_hooks' default). */
export const LOOP_RESOLUTION_MS = 10;

/**
 * Summarises a perf_hooks event-loop delay histogram in ms. The histogram records the interval
 * between its timer's runs, so an idle loop reads as the resolution: that is subtracted. All
 * null when it holds no sample.
 */
export function loopDelaySummary(histogram) {
  // No sample at all: the loop never turned while the monitor watched (or it just started).
  if (histogram.count === 0) return { p50: null, p99: null, max: null, mean: null };
  const delay = (ns) => round(Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS));
  return {
    p50: delay(histogram.percentile(50)),
    p99: delay(histogram.percentile(99)),
    max: delay(histogram.max),
    mean: delay(histogram.mean),
  };
}

export function round(value, digits = 1) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
