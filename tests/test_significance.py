"""The tail probabilities behind the bank-wide key tests, against brute force."""

import itertools
import math
from collections import Counter

import pytest

from exambank import significance
from exambank.significance import (
    SIMULATED_DRAWS,
    poisson_binomial_tail,
    simulated_key_letter_tail,
)


def tail_by_brute_force(probabilities, successes):
    """P(X >= successes), one trial at a time."""
    counts = [1.0]
    for p in probabilities:
        counts = [
            (counts[i] if i < len(counts) else 0) * (1 - p) + (counts[i - 1] * p if i else 0)
            for i in range(len(counts) + 1)
        ]
    return sum(counts[max(successes, 0) :])


@pytest.mark.parametrize(
    "probabilities",
    [
        [1 / 4] * 40,
        [1 / 2] * 20 + [1 / 4] * 20,  # the review's mixed bank: binomial gave 0.0032
        [1 / 4] * 12 + [0.0] * 20 + [1 / 3] * 5 + [1 / 7] * 3,
    ],
)
def test_the_poisson_binomial_tail_is_exact(probabilities):
    for successes in range(-1, len(probabilities) + 2):
        expected = tail_by_brute_force(probabilities, successes)
        assert poisson_binomial_tail(probabilities, successes) == pytest.approx(
            expected, rel=1e-9, abs=1e-300
        )


def test_a_question_without_a_chance_adds_nothing():
    assert poisson_binomial_tail([0.0] * 5, 1) == 0.0
    assert poisson_binomial_tail([0.0] * 5, 0) == 1.0
    assert poisson_binomial_tail([1 / 2] * 20 + [1 / 4] * 20, 17) == pytest.approx(0.3030, abs=1e-4)


def test_a_large_bank_is_quick_and_keeps_small_tails():
    # 10,000 questions of two kinds: one convolution-free pass, not a 10,000-step loop.
    p = poisson_binomial_tail([1 / 4] * 5000 + [1 / 2] * 5000, 4200)
    mean, sd = 1250 + 2500, math.sqrt(5000 * 3 / 16 + 5000 / 4)
    assert 0 < p < 1e-12 and (4200 - mean) / sd > 7


def exact_key_letter_tail(option_counts, statistic):
    """P(chi-square statistic >= statistic) over every keying, each equally likely."""
    kinds = [k for k, n in option_counts.items() for _ in range(n)]
    letters = max(kinds)
    expected = [sum(1 / k for k in kinds if k > x) for x in range(letters)]
    at_least = total = 0
    for keys in itertools.product(*(range(k) for k in kinds)):
        counts = Counter(keys)
        value = sum((counts[x] - e) ** 2 / e for x, e in enumerate(expected))
        weight = 1 / math.prod(kinds)
        total += weight
        at_least += weight * (value >= statistic - 1e-9)
    return at_least / total


@pytest.mark.parametrize(
    ("option_counts", "statistic"),
    [({4: 4, 2: 2}, 5.0), ({3: 3, 5: 2}, 7.5), ({4: 6}, 3.0), ({2: 3, 10: 2}, 12.0)],
)
def test_the_simulated_p_value_is_close_to_the_exact_one(option_counts, statistic):
    exact = exact_key_letter_tail(option_counts, statistic)
    simulated = simulated_key_letter_tail(statistic, Counter(option_counts))
    error = 4 * math.sqrt(exact * (1 - exact) / SIMULATED_DRAWS) + 1 / SIMULATED_DRAWS
    assert abs(simulated - exact) < error, (simulated, exact)


def test_the_simulated_p_value_is_the_same_on_every_run():
    first = simulated_key_letter_tail(6.0, {4: 30, 10: 2})
    significance._simulated_tail.cache_clear()
    assert simulated_key_letter_tail(6.0, {10: 2, 4: 30}) == first and 0 < first < 1
