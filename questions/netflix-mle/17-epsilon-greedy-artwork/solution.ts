/**
 * Reference solution: an epsilon-greedy simulation of artwork choice. Interviewer-only. O(T * A)
 * for T impressions and A artworks: each greedy step scans the A estimated click rates.
 */
export function simulateEpsilonGreedy(
  rewards: number[][],
  draws: Array<[number, number]>,
  epsilon: number,
): [number, number[]] {
  const arms = rewards[0]?.length ?? 0;
  const pulls = new Array<number>(arms).fill(0);
  const clicks = new Array<number>(arms).fill(0);
  rewards.forEach((row, t) => {
    const [explore, pick] = draws[t] as [number, number];
    let arm = 0;
    if (explore < epsilon) {
      arm = Math.floor(pick * arms); // explore: every artwork equally likely
    } else {
      // Exploit: the best click rate so far (first one on a tie); never shown counts as 0.
      let best = -1;
      for (let a = 0; a < arms; a++) {
        const rate = (pulls[a] as number) > 0 ? (clicks[a] as number) / (pulls[a] as number) : 0;
        if (rate > best) {
          best = rate;
          arm = a;
        }
      }
    }
    pulls[arm] = (pulls[arm] as number) + 1;
    clicks[arm] = (clicks[arm] as number) + (row[arm] as number);
  });
  return [clicks.reduce((a, b) => a + b, 0), pulls];
}
