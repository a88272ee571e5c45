"""Reference solution: NDCG@k for every member of a batch, with numpy.

Interviewer-only. The discounts 1 / log2(position + 1) are computed once for the batch; each
member's gains and ideal gains are then one dot product each. Runs under Python with numpy
(the "Python + numpy" language of the room; Debian's python3-numpy on the server).
"""

import numpy as np


def ndcg_at_k(rankings: list[list[int]], relevance: list[list[list[int]]], k: int) -> list[float]:
    # Position i (0-based) is discounted by 1 / log2(i + 2): 1, 0.63, 0.5, ...
    discounts = 1.0 / np.log2(np.arange(2, k + 2, dtype=np.float64))
    scores: list[float] = []
    for ranked, graded in zip(rankings, relevance):
        grade_of = {item: grade for item, grade in graded}
        top = ranked[:k]
        gains = np.zeros(len(top))
        seen: set[int] = set()
        for position, item in enumerate(top):
            if item not in seen:  # a repeated id earns nothing at its later positions
                seen.add(item)
                gains[position] = 2.0 ** grade_of.get(item, 0) - 1.0
        ideal = np.sort(np.array([grade for _, grade in graded], dtype=np.float64))[::-1][:k]
        ideal_gains = 2.0**ideal - 1.0
        idcg = float(ideal_gains @ discounts[: len(ideal_gains)])
        if idcg == 0.0:
            scores.append(0.0)  # nothing relevant to find: defined as 0
            continue
        dcg = float(gains @ discounts[: len(gains)])
        scores.append(round(dcg / idcg, 4))
    return scores
