"""The tail probabilities the bank-wide key tests need, without a statistics stack."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import accumulate

# Random keyings drawn for a simulated p-value, as R's chisq.test(simulate.p.value = TRUE).
SIMULATED_DRAWS = 2000
_SEED = 2002  # fixed: a bank gets the same p-value on every run and every machine


def poisson_binomial_tail(probabilities: Iterable[float], successes: int) -> float:
    """P(X >= successes) for X the number of successes in independent trials, each with
    its own probability below 1 (Poisson-binomial), computed exactly. Trials of the same
    probability form one binomial; the binomials are convolved, the largest last, and
    only its tail is summed, so one or two kinds of trial cost linear time."""
    if successes <= 0:
        return 1.0
    groups = sorted(Counter(p for p in probabilities if p > 0).items(), key=lambda g: g[1])
    if not groups:
        return 0.0
    others = [1.0]  # P(the trials of every group but the largest succeed i times)
    for probability, trials in groups[:-1]:
        others = _convolve(others, _binomial_pmf(trials, probability))
    probability, trials = groups[-1]
    tail = list(accumulate(reversed(_binomial_pmf(trials, probability))))[::-1]
    total = sum(
        chance * tail[max(successes - i, 0)]
        for i, chance in enumerate(others)
        if successes - i < len(tail)
    )
    return min(total, 1.0)


def _binomial_pmf(trials: int, probability: float) -> list[float]:
    # From the mode outwards, each term from its neighbour: the terms far out underflow
    # to 0 (below 1e-308) where starting from P(0) = q^n would make every term 0.
    mode = min(int((trials + 1) * probability), trials)
    pmf = [0.0] * (trials + 1)
    pmf[mode] = math.exp(
        math.lgamma(trials + 1)
        - math.lgamma(mode + 1)
        - math.lgamma(trials - mode + 1)
        + mode * math.log(probability)
        + (trials - mode) * math.log1p(-probability)
    )
    odds = probability / (1 - probability)
    for count in range(mode, trials):
        pmf[count + 1] = pmf[count] * (trials - count) / (count + 1) * odds
    for count in range(mode, 0, -1):
        pmf[count - 1] = pmf[count] * count / (trials - count + 1) / odds
    return pmf


def _convolve(first: list[float], second: list[float]) -> list[float]:
    total = [0.0] * (len(first) + len(second) - 1)
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            total[i + j] += a * b
    return total


def chi_square_tail(statistic: float, degrees: int) -> float:
    """P(X >= statistic) for X ~ chi-square with ``degrees`` degrees of freedom."""
    if statistic <= 0:
        return 1.0
    return _upper_regularized_gamma(degrees / 2, statistic / 2)


def simulated_key_letter_tail(statistic: float, option_counts: Mapping[int, int]) -> float:
    """P(X >= statistic) for X the chi-square statistic of the key letters when each
    question's key is one of its options at random (``option_counts``: how many
    questions have k options), estimated from ``SIMULATED_DRAWS`` random keyings as
    (1 + draws at least as far from even) / (1 + draws). For when an expected count is
    under 5, where the chi-square distribution is a poor approximation."""
    return _simulated_tail(statistic, tuple(sorted(option_counts.items())))


@lru_cache(maxsize=64)  # lint's rule and the stats report ask the same question
def _simulated_tail(statistic: float, option_counts: tuple[tuple[int, int], ...]) -> float:
    letters = max(options for options, _ in option_counts)
    expected = [
        sum(questions / options for options, questions in option_counts if options > letter)
        for letter in range(letters)
    ]
    keyings = [_Keying(options, questions) for options, questions in option_counts]
    rng = random.Random(_SEED)
    at_least = 0
    for _ in range(SIMULATED_DRAWS):
        counts = [0] * letters
        for keying in keyings:
            for letter, count in enumerate(keying.draw(rng)):
                counts[letter] += count
        drawn = sum((c - e) ** 2 / e for c, e in zip(counts, expected, strict=True))
        at_least += drawn >= statistic - 1e-9  # equal, but for rounding
    return (1 + at_least) / (1 + SIMULATED_DRAWS)


class _Keying:
    """Draws how often each letter is the key of ``questions`` questions of ``options``
    options each, every letter equally likely, in time linear in the bits drawn, not in
    the questions: a question's key is ``bits`` random bits (a number past the last
    letter is drawn again); the bits of every question are one integer, cut into one
    integer per bit position, and how many keys have exactly the bits of a letter comes
    from how many have all of a set of bits (``int.bit_count``), by inclusion-exclusion."""

    def __init__(self, options: int, questions: int) -> None:
        self.options, self.questions = options, questions
        self.bits = max((options - 1).bit_length(), 1)
        # a 1 in the lowest bit of every question's field
        self.lowest = ((1 << self.bits * questions) - 1) // ((1 << self.bits) - 1)

    def draw(self, rng: random.Random) -> list[int]:
        counts = [0] * self.options
        left = self.questions
        while left:
            drawn = rng.getrandbits(self.bits * left)
            lowest = self.lowest & ((1 << self.bits * left) - 1)
            at = [(drawn >> bit) & lowest for bit in range(self.bits)]
            having = [lowest] * (1 << self.bits)  # having[S]: the fields with S's bits set
            for bits in range(1, 1 << self.bits):
                low = bits & -bits
                having[bits] = having[bits ^ low] & at[low.bit_length() - 1]
            exactly = [value.bit_count() for value in having]
            for bit in range(self.bits):  # from "at least these bits" to "exactly these"
                for bits in range(1 << self.bits):
                    if not bits >> bit & 1:
                        exactly[bits] -= exactly[bits | 1 << bit]
            for letter in range(self.options):
                counts[letter] += exactly[letter]
            left = sum(exactly[self.options :])
        return counts


def _upper_regularized_gamma(shape: float, x: float) -> float:
    # Series below shape + 1, Lentz's continued fraction above (Numerical Recipes, 6.2).
    log_prefix = shape * math.log(x) - x - math.lgamma(shape)
    if x < shape + 1:
        term = total = 1.0 / shape
        denominator = shape
        for _ in range(1000):
            denominator += 1
            term *= x / denominator
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_prefix))
    tiny = 1e-300
    b = x + 1 - shape
    c = 1 / tiny
    d = 1 / b
    fraction = d
    for step in range(1, 1000):
        a = -step * (step - shape)
        b += 2
        d = a * d + b
        d = tiny if abs(d) < tiny else d
        c = b + a / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        fraction *= delta
        if abs(delta - 1) < 1e-15:
            break
    return math.exp(log_prefix) * fraction
