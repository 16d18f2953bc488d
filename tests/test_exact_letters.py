"""answer-key-balance's exact test of small banks, against brute force: every way random
keys could fall, each question's key one of its own options, counted one by one."""

import itertools
import math
import time
from fractions import Fraction

import pytest

from exambank.exact_letters import letter_count_tail
from exambank.significance import chi_square_tail


def exact_by_brute_force(option_counts, observed):
    """P(chi-square statistic >= the observed one), every key tuple enumerated, in exact
    fractions (so a tie with the observed statistic is a tie)."""
    letters = max(option_counts)
    expected = [sum(Fraction(1, k) for k in option_counts if k > j) for j in range(letters)]

    def statistic(counts):
        return sum((c - e) ** 2 / e for c, e in zip(counts, expected, strict=True))

    target = statistic(observed)
    at_least = Fraction(0)
    for keys in itertools.product(*(range(k) for k in option_counts)):
        counts = [keys.count(j) for j in range(letters)]
        if statistic(counts) >= target:
            at_least += 1
    return at_least / math.prod(option_counts)


@pytest.mark.parametrize(
    ("option_counts", "observed"),
    [
        ([4] * 6, [6, 0, 0, 0]),  # the least 4-option bank that can reach p < 0.001
        ([4] * 7, [1, 2, 4, 0]),
        ([4] * 8, [0, 4, 4, 0]),  # keyed only B and C
        ([2, 2, 3, 4, 4, 5], [3, 1, 1, 1, 0]),  # a true/false pair among 3-5 options
        ([2, 3, 4, 5, 6, 6], [2, 2, 1, 0, 1, 0]),
        ([5] * 6, [0, 0, 0, 3, 3]),  # the review's five-option bank keyed only D and E
        ([2] * 9, [7, 2]),
        ([3, 3, 3, 4, 4, 4, 4], [4, 0, 1, 2]),
    ],
)
def test_the_exact_p_value_is_every_way_the_keys_could_fall(option_counts, observed):
    expected = exact_by_brute_force(option_counts, observed)
    assert letter_count_tail(option_counts, observed) == pytest.approx(float(expected), rel=1e-9)


def test_a_key_of_one_letter_throughout_is_as_rare_as_it_is():
    # 12 four-option questions all keyed C: 4 of the 4^12 keyings are one letter throughout.
    assert letter_count_tail([4] * 12, [0, 0, 12, 0]) == pytest.approx(4 / 4**12, rel=1e-12)
    # 30 six-option questions all keyed A: far below what chi-square could resolve.
    assert letter_count_tail([6] * 30, [30, 0, 0, 0, 0, 0]) == pytest.approx(6 / 6**30, rel=1e-9)


def test_the_review_s_small_bank_keyed_b_and_c_is_near_its_simulated_p_value():
    # 19 four-option questions keyed B and C (never A or D): 2,000,000 random keyings gave
    # p = 0.0004 (review s24, finding 3); the chi-square distribution says 0.00026.
    p = letter_count_tail([4] * 19, [0, 10, 9, 0])
    assert p == pytest.approx(0.000374, abs=5e-7)
    statistic = sum((count - 4.75) ** 2 / 4.75 for count in (0, 10, 9, 0))
    assert chi_square_tail(statistic, 3) == pytest.approx(0.00026, abs=5e-6)


def test_a_bank_whose_sum_would_take_too_long_is_left_to_chi_square():
    # Seven option counts mixed: the sum's states multiply; the budget stops it early.
    option_counts = [2, 3, 4, 5, 6, 7, 8] * 4 + [2, 3]
    observed = [1, 4, 8, 4, 4, 4, 5, 0]
    started = time.perf_counter()
    assert letter_count_tail(option_counts, observed) is None
    assert time.perf_counter() - started < 1.0  # about 25 ms; generous for a loaded machine
    assert letter_count_tail(option_counts, observed, max_steps=10**9) is not None


def test_observed_counts_must_name_every_letter():
    assert letter_count_tail([4, 4], [1, 1]) is None
    assert letter_count_tail([], []) is None
