"""The tail probabilities behind the bank-wide key tests, against brute force."""

import itertools
import math
from fractions import Fraction

import pytest

from exambank.significance import chi_square_tail, poisson_binomial_tail


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
    # 10,000 questions of two kinds, and a tail far below what 1 - P(X < s) could hold.
    p = poisson_binomial_tail([1 / 4] * 5000 + [1 / 2] * 5000, 4200)
    mean, sd = 1250 + 2500, math.sqrt(5000 * 3 / 16 + 5000 / 4)
    assert 0 < p < 1e-12 and (4200 - mean) / sd > 7


def exact_tails(option_counts):
    """P(X >= s) for every s, in integers, where ``option_counts[k]`` questions of k
    options each have a chance of 1 in k: the binomials' numerators (C(n, j)
    (k - 1)^(n - j) of k^n) convolved."""
    numerators, denominator = [1], 1
    for options, questions in option_counts.items():
        binomial = [
            math.comb(questions, j) * (options - 1) ** (questions - j) for j in range(questions + 1)
        ]
        convolved = [0] * (len(numerators) + questions)
        for i, a in enumerate(numerators):
            for j, b in enumerate(binomial):
                convolved[i + j] += a * b
        numerators, denominator = convolved, denominator * options**questions
    tails = list(itertools.accumulate(reversed(numerators)))[::-1]
    return [float(Fraction(tail, denominator)) for tail in tails] + [0.0]


def test_a_bank_mixing_four_option_counts_gets_exact_tails():
    # 3 to 6 options, 300 questions each: every tail, from the middle to 1e-270, to 1e-11.
    option_counts = {3: 300, 4: 300, 5: 300, 6: 300}
    chances = [1 / k for k, n in option_counts.items() for _ in range(n)]
    tails = exact_tails(option_counts)
    for successes in (1, 280, 285, 300, 370, 455, 569, 854, 1199, 1200, 1201):
        assert poisson_binomial_tail(chances, successes) == pytest.approx(
            tails[successes], rel=1e-11, abs=1e-300
        ), successes


def test_twelve_thousand_trials_of_four_kinds_keep_their_tails():
    # Four chances a rounding apart: four kinds to convolve, and the exact tail is the
    # binomial's, summed in integers from the top: C(n, j - 1) = C(n, j) j / (n - j + 1).
    chances = [chance for n in range(4) for chance in [0.25 + n * 2**-54] * 3000]
    assert len(set(chances)) == 4
    trials, term, tail, tails = 12000, 1, 0, {}
    for successes in range(trials, 2999, -1):
        tail += term  # C(n, s) 3^(n - s) for s = successes
        tails[successes] = tail
        term = term * 3 * successes // (trials - successes + 1)
    for successes in (3000, 3100, 3300, 3600, 4500):
        assert poisson_binomial_tail(chances, successes) == pytest.approx(
            float(Fraction(tails[successes], 4**trials)), rel=1e-11
        ), successes


def test_the_chi_square_tail_matches_closed_forms():
    # df 2: e^(-x/2); df 1: erfc(sqrt(x/2)).
    for statistic in (0.5, 3.0, 12.0, 600.0):
        assert chi_square_tail(statistic, 2) == pytest.approx(math.exp(-statistic / 2), rel=1e-12)
        assert chi_square_tail(statistic, 1) == pytest.approx(
            math.erfc(math.sqrt(statistic / 2)), rel=1e-12
        )
