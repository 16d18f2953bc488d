"""The tail probabilities the bank-wide key tests need, without a statistics stack."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

# A tilted binomial's entries below this share of its largest are left out of the
# convolution: beside the point whose tail is asked for, they weigh nothing.
_NEGLIGIBLE = 1e-30


def poisson_binomial_tail(probabilities: Iterable[float], successes: int) -> float:
    """P(X >= successes) for X the number of successes in independent trials, each with
    its own probability below 1 (Poisson-binomial), exact to about 1e-12 relative.

    Trials of the same probability form one binomial, and the binomials are convolved.
    Far in the tail, the mass that decides P lies far from the binomials' modes, so each
    is first tilted: its probability p becomes p e^t / (1 - p + p e^t), with t >= 0
    chosen so that the tilted trials have ``successes`` as their mean, and
    P(X = k) = M(t) e^(-tk) P_t(X = k), M the moment generating function. Under the
    tilt, every binomial is cut to the entries within about 12 standard deviations of
    its mode (the rest weigh under 1e-30 of it), so the cost grows with the standard
    deviations, not the trials, however many kinds of trial there are."""
    if successes <= 0:
        return 1.0
    groups = sorted(Counter(p for p in probabilities if p > 0).items())
    trials = sum(count for _, count in groups)
    if successes > trials:
        return 0.0
    tilt = _tilt(groups, min(successes, trials - 0.5))
    first, pmf = 0, [1.0]  # P_t(X = first + i) for the groups convolved so far
    for probability, count in groups:
        tilted = probability * math.exp(tilt) / (1 + probability * math.expm1(tilt))
        start, binomial = _trim(0, _binomial_pmf(count, tilted))
        first, pmf = _trim(first + start, _convolve(pmf, binomial))
    log_scale = sum(count * math.log1p(p * math.expm1(tilt)) for p, count in groups)
    weighted = sum(
        chance * math.exp(-tilt * (first + i - successes))  # at most 1 from ``successes`` up
        for i, chance in enumerate(pmf)
        if first + i >= successes
    )
    return min(weighted * math.exp(log_scale - tilt * successes), 1.0)


def fair_coin_deviation_tail(first: int, second: int, excess: int) -> float:
    """P(|2U - first| + |2V - second| >= excess) for U and V the heads of ``first`` and
    of ``second`` fair coins, exactly: the outcomes are counted as integers and divided
    by 2^(first + second) once, correctly rounded. With ``second`` 0, the two-sided
    binomial test's p-value of U.

    For true/false questions keyed at random, ``first`` of them listing the true value
    first and ``second`` last, it is the chance that the best of four fixed answers (always
    true, always false, always A, always B) gets ``excess`` more right than wrong: with U
    the true keys of the first group and V of the second, the true keys are U + V and the
    A keys U + second - V, and the further of the two counts from half is as far as U's
    and V's distances added (the larger of |a + b| and |a - b| is |a| + |b|)."""
    first_ways, second_ways = _binomial_row(first), _binomial_row(second)
    # The outcomes of V deviating by at least d, for every d (above ``second``: none).
    at_least = [0] * (second + 2)
    for heads, ways in enumerate(second_ways):
        at_least[abs(2 * heads - second)] += ways
    for deviation in range(second - 1, -1, -1):
        at_least[deviation] += at_least[deviation + 1]
    outcomes = sum(
        ways * at_least[min(max(excess - abs(2 * heads - first), 0), second + 1)]
        for heads, ways in enumerate(first_ways)
    )
    return outcomes / (1 << (first + second))


def _binomial_row(trials: int) -> list[int]:
    """The binomial coefficients C(trials, k), k = 0 .. trials."""
    row = [1]
    for k in range(trials):
        row.append(row[-1] * (trials - k) // (k + 1))
    return row


def _tilt(groups: list[tuple[float, int]], mean: float) -> float:
    """The t >= 0 that tilts the trials' mean to ``mean``; 0 where it is above already."""

    def tilted_mean(tilt: float) -> float:
        grown = math.exp(tilt)
        return sum(count * p * grown / (1 + p * (grown - 1)) for p, count in groups)

    if tilted_mean(0.0) >= mean:
        return 0.0
    low, high = 0.0, 1.0
    while tilted_mean(high) < mean:
        low, high = high, 2 * high
    for _ in range(50):  # bisection: any t is exact, a close one keeps the cut safe
        middle = (low + high) / 2
        low, high = (middle, high) if tilted_mean(middle) < mean else (low, middle)
    return low


def _trim(first: int, pmf: list[float]) -> tuple[int, list[float]]:
    """``pmf`` (P(first + i)) without the ends that weigh under 1e-30 of its largest."""
    cutoff = max(pmf) * _NEGLIGIBLE
    kept = [i for i, chance in enumerate(pmf) if chance >= cutoff]
    return first + kept[0], pmf[kept[0] : kept[-1] + 1]


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
    width = len(second)
    for i, a in enumerate(first):
        total[i : i + width] = [
            t + a * b for t, b in zip(total[i : i + width], second, strict=True)
        ]
    return total


def chi_square_tail(statistic: float, degrees: int) -> float:
    """P(X >= statistic) for X ~ chi-square with ``degrees`` degrees of freedom."""
    if statistic <= 0:
        return 1.0
    return _upper_regularized_gamma(degrees / 2, statistic / 2)


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
