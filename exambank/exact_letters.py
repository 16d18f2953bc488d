"""The exact tails of the key letters' chi-square statistic, summed over every way random
keys could fall: for one bank of questions, and for its questions grouped by option count."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The exact letter test's budget, in steps of its sum (a partial sum carried on to the next
# letter, or one way of splitting keys between a letter and those before it): at most
# about 10 ms, 30 on a two-core machine loaded three times over. Measured at their slowest,
# 30 questions with up to six options, or with four and five, fit; so do 20 with up to ten
# options or any mix of two to six; banks that mix more may not, and are left to the
# chi-square distribution.
EXACT_STEPS = 6_000


def letter_count_tail(
    option_counts: Sequence[int], observed: Sequence[int], max_steps: int = EXACT_STEPS
) -> float | None:
    """P(S >= the observed S), exactly, for S the chi-square statistic of the key letters'
    counts against their expected counts (``observed``: A, B, C ...) when each question's key
    is one of its options at random (a question with k options: A to the k-th letter, each
    1/k); None if the sum would take more than ``max_steps`` steps.

    The letters are summed from the last to A: a key that is none of the letters after the
    j-th is any of the first j alike, whatever its question's option count, so one number,
    the keys left, stands for them all, and the j-th letter's count is binomial(keys left,
    1/j) (the questions with j options join the keys left there). S is kept as an integer,
    the sum of count^2 * W over the letters (W: the letter's expected count, made whole and
    inverted by common multiples), so outcomes with equal S merge and none is compared after
    rounding. A partial sum leaves the count as soon as the letters still to come are sure to
    take it past the observed S (its chance goes to the tail at once), or can no longer."""
    strata = Counter(option_counts)
    if not strata or min(strata) < 1 or len(observed) != max(strata):
        return None
    letters = len(observed)
    unit = math.lcm(*strata)
    due = [sum(n * unit // k for k, n in strata.items() if k > j) for j in range(letters)]
    common = math.lcm(*due)
    weights = [common // d for d in due]
    target = sum(w * c * c for w, c in zip(weights, observed, strict=True))
    least, most = _letter_bounds(strata, weights, len(option_counts))
    states: dict[tuple[int, int], float] = {(0, 0): 1.0}  # (keys left, partial S) -> chance
    tail, steps = 0.0, 0
    for letter in range(letters - 1, 0, -1):
        following: dict[tuple[int, int], float] = {}
        splits: dict[int, _Split] = {}
        for (left, partial), chance in states.items():
            left += strata[letter + 1]
            if (split := splits.get(left)) is None:
                split = splits[left] = _Split.of(
                    left, letter, weights[letter], least[letter], most[letter]
                )
            need = target - partial
            # The counts after which S may still end below the observed, and those after
            # which it must: intervals, as what the letters to come can add, at least and at
            # most, is convex in the count.
            low, high = split.sure.below(need)
            if low > high:  # past it, whatever the count
                tail += chance
                continue
            tail += chance * (split.below[low] + split.above[high + 1])
            dead_low, dead_high = split.most.below(need)  # can no longer get there
            counts = (
                range(low, high + 1)
                if dead_low > dead_high
                else [*range(low, dead_low), *range(dead_high + 1, high + 1)]
            )
            steps += 1 + len(counts)
            if steps > max_steps:
                return None
            for count in counts:
                key = (left - count, partial + split.adds[count])
                following[key] = following.get(key, 0.0) + chance * split.shares[count]
        states = following
    for (left, partial), chance in states.items():
        left += strata[1]
        if partial + weights[0] * left * left >= target:
            tail += chance
    return min(tail, 1.0)


def _letter_bounds(
    strata: Counter[int], weights: list[int], keys: int
) -> tuple[list[list[int]], list[list[int]]]:
    """The least and the most the letters before the j-th can add to S
    (``letter_count_tail``) when ``left`` keys remain after it: least[j][left], most[j][left]."""
    least, most = [[0] * (keys + 1)], [[0] * (keys + 1)]
    for letter in range(1, len(weights)):
        joining, weight = strata[letter], weights[letter - 1]
        low, high = [], []
        for left in range(keys + 1):
            pool = min(left + joining, keys)  # never clipped where the sum looks
            if letter == 1:  # A takes them all
                low.append(weight * pool * pool)
                high.append(weight * pool * pool)
                continue
            low.append(min(weight * c * c + least[-1][pool - c] for c in range(pool + 1)))
            high.append(max(weight * c * c + most[-1][pool - c] for c in range(pool + 1)))
        least.append(low)
        most.append(high)
    return least, most


@dataclass(frozen=True)
class _Convex:
    """Values convex in the count: falling to the least at ``best``, then rising."""

    best: int
    falling: list[int]  # minus the values up to ``best``: rising
    rising: list[int]  # the values from ``best``

    @classmethod
    def of(cls, values: list[int]) -> _Convex:
        best = values.index(min(values))
        return cls(best, [-value for value in values[: best + 1]], values[best:])

    def below(self, bound: int) -> tuple[int, int]:
        """The first and the last count whose value is below ``bound`` (first > last: none)."""
        first = bisect.bisect_right(self.falling, -bound)
        return first, self.best + bisect.bisect_left(self.rising, bound) - 1


@dataclass(frozen=True)
class _Split:
    """``left`` keys split between one letter (``count`` of them) and the letters before it,
    for ``letter_count_tail``: each count's chance and what it adds to S, and with it the
    least and the most S the letters before can make of the rest."""

    shares: tuple[float, ...]  # P(count)
    below: list[float]  # P(count < i), summed from the low end
    above: list[float]  # P(count >= i), summed from the high end (exact far in the tail)
    adds: list[int]
    sure: _Convex
    most: _Convex

    @classmethod
    def of(cls, left: int, letter: int, weight: int, least: list[int], most: list[int]) -> _Split:
        shares = letter_binomial(left, letter + 1)
        adds = [weight * count * count for count in range(left + 1)]
        return cls(
            shares,
            list(itertools.accumulate(shares, initial=0.0)),
            list(itertools.accumulate(reversed(shares), initial=0.0))[::-1],
            adds,
            _Convex.of([adds[count] + least[left - count] for count in range(left + 1)]),
            _Convex.of([adds[count] + most[left - count] for count in range(left + 1)]),
        )


@functools.lru_cache(maxsize=4096)
def letter_binomial(trials: int, letters: int) -> tuple[float, ...]:
    """P(count) for count = 0 .. trials, each trial a success with chance 1/letters."""
    share = 1 / letters
    return tuple(
        math.comb(trials, count) * share**count * (1 - share) ** (trials - count)
        for count in range(trials + 1)
    )


def stratified_letter_tail(
    strata: Sequence[Sequence[int]], max_steps: int = EXACT_STEPS
) -> float | None:
    """P(S >= the observed S), exactly, for S the sum over ``strata`` of the chi-square
    statistic of each stratum's key letters against an even spread, when each key is one of
    its question's options at random. A stratum is the counts (A, B, C ...) of the keys of
    questions with as many options as it has letters; None if the sum would take more than
    ``max_steps`` steps.

    Within a stratum of n questions with k options the statistic is k/n times the sum of
    the squared counts, less n; the squares' sum depends only on the counts' multiset, so
    its distribution is summed over the partitions of n into at most k parts. Scaled by the
    least common multiple of the strata's sizes, every stratum's statistic is an integer
    multiple of its squares' sum: the strata's distributions are convolved with no rounding,
    and outcomes with equal S merge."""
    sizes = [sum(counts) for counts in strata]
    if not strata or min(sizes) < 1:
        return None
    scale = math.lcm(*sizes)
    totals: dict[int, float] = {0: 1.0}  # scaled S, less its constant part -> chance
    target, steps = 0, 0
    for counts, size in zip(strata, sizes, strict=True):
        weight = scale * len(counts) // size
        target += weight * sum(count * count for count in counts)
        squares = _square_sum_chances(size, len(counts))
        steps += len(squares) * (1 + len(totals))
        if steps > max_steps:
            return None
        following: dict[int, float] = {}
        for total, chance in totals.items():
            for square_sum, share in squares:
                key = total + weight * square_sum
                following[key] = following.get(key, 0.0) + chance * share
        totals = following
    return min(sum(chance for total, chance in totals.items() if total >= target), 1.0)


@functools.lru_cache(maxsize=256)
def _square_sum_chances(keys: int, letters: int) -> tuple[tuple[int, float], ...]:
    """The distribution of the sum of the letters' squared counts when each of ``keys``
    keys is one of ``letters`` letters at random: over the partitions of ``keys`` into at
    most ``letters`` parts, each as many times as its parts can be ordered."""
    chances: dict[int, float] = {}
    every = letters**keys
    for parts in _partitions(keys, letters, keys):
        ways = math.factorial(keys)
        for part in parts:
            ways //= math.factorial(part)
        orders = math.factorial(letters) // math.factorial(letters - len(parts))
        for repeats in Counter(parts).values():
            orders //= math.factorial(repeats)
        square_sum = sum(part * part for part in parts)
        chances[square_sum] = chances.get(square_sum, 0.0) + ways * orders / every
    return tuple(chances.items())


def _partitions(total: int, parts: int, largest: int) -> Iterable[tuple[int, ...]]:
    """The ways to write ``total`` as at most ``parts`` positive parts, none above
    ``largest``, each in falling order."""
    if total == 0:
        yield ()
        return
    if parts == 0:
        return
    for first in range(min(total, largest), 0, -1):
        for rest in _partitions(total - first, parts - 1, first):
            yield (first, *rest)
