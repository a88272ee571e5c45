"""Reference solution: an epsilon-greedy simulation of artwork choice, with numpy.

Interviewer-only. Clicks and pulls per artwork live in two arrays; the greedy choice is one
argmax over the estimated click rates (numpy's argmax returns the first maximum, which is the
rule's tie-break). Runs under Python with numpy (the room's "Python + numpy").
"""

import numpy as np


def simulate_epsilon_greedy(
    rewards: list[list[int]], draws: list[list[float]], epsilon: float
) -> list:
    arms = len(rewards[0]) if rewards else 0
    pulls = np.zeros(arms, dtype=np.int64)
    clicks = np.zeros(arms, dtype=np.int64)
    for row, (explore, pick) in zip(rewards, draws):
        if explore < epsilon:
            arm = int(pick * arms)  # explore: every artwork equally likely
        else:
            # Exploit: the best click rate so far; an artwork never shown counts as 0.
            rates = np.divide(clicks, pulls, out=np.zeros(arms), where=pulls > 0)
            arm = int(np.argmax(rates))
        pulls[arm] += 1
        clicks[arm] += row[arm]
    return [int(clicks.sum()), pulls.tolist()]
