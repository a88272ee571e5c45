/**
 * Reference solution: NDCG@k for every member of a batch. Interviewer-only. The discounts are
 * computed once; each member costs O(R + G log G) for R ranked and G graded items.
 */
export function ndcgAtK(
  rankings: number[][],
  relevance: Array<Array<[number, number]>>,
  k: number,
): number[] {
  const discounts = Array.from({ length: k }, (_, i) => 1 / Math.log2(i + 2));
  const dot = (gains: number[]) => gains.reduce((sum, gain, i) => sum + gain * (discounts[i] ?? 0), 0);
  return rankings.map((ranked, user) => {
    const graded = relevance[user] ?? [];
    const gradeOf = new Map(graded.map(([item, grade]) => [item, grade]));
    const seen = new Set<number>();
    const gains = ranked.slice(0, k).map((item) => {
      if (seen.has(item)) return 0; // a repeated id earns nothing at its later positions
      seen.add(item);
      return 2 ** (gradeOf.get(item) ?? 0) - 1;
    });
    const ideal = graded
      .map(([, grade]) => 2 ** grade - 1)
      .sort((a, b) => b - a)
      .slice(0, k);
    const idcg = dot(ideal);
    if (idcg === 0) return 0;
    return Math.round((dot(gains) / idcg) * 10_000) / 10_000;
  });
}
