"""The two tail probabilities the bank-wide rules need, without a statistics stack."""

from __future__ import annotations

import math


def binomial_tail(trials: int, probability: float, successes: int) -> float:
    """P(X >= successes) for X ~ Binomial(trials, probability)."""
    if successes <= 0:
        return 1.0
    if successes > trials:
        return 0.0
    log_p, log_q = math.log(probability), math.log1p(-probability)
    total = 0.0
    for count in range(successes, trials + 1):
        log_term = (
            math.lgamma(trials + 1)
            - math.lgamma(count + 1)
            - math.lgamma(trials - count + 1)
            + count * log_p
            + (trials - count) * log_q
        )
        total += math.exp(log_term)
    return min(total, 1.0)


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
