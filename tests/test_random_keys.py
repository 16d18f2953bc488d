"""What random keys give a bank: the commonest letter's share and the chance of a run,
against brute force (every keying counted) and the figures the review computed."""

import itertools
import math
import string
import time

import pytest

from exambank.random_keys import commonest_letter_share, run_chance

LETTERS = string.ascii_uppercase


def keyings(letter_sets):
    """Every keying of the questions with a letter set (None: a multiple-answer question,
    no letter), with its chance."""
    keyed = [letters for letters in letter_sets if letters]
    chance = 1 / math.prod(len(letters) for letters in keyed)
    for keys in itertools.product(*keyed):
        picked = iter(keys)
        yield [next(picked) if letters else None for letters in letter_sets], chance


def longest_run(keys):
    longest = current = 0
    previous = None
    for key in keys:
        current = current + 1 if key is not None and key == previous else int(key is not None)
        previous = key
        longest = max(longest, current)
    return longest


@pytest.mark.parametrize(
    "letter_sets",
    [
        ["ABCD"] * 6,
        ["AB", "ABC", "ABCD", "ABCD", "ABCDE"],
        ["AB"] * 7,
        ["ABCDEF", "ABC", "ABCDEF", "AB"],
    ],
)
def test_the_commonest_letter_s_share_is_its_mean_over_every_keying(letter_sets):
    mean = sum(
        chance * max(map(keys.count, set(keys))) for keys, chance in keyings(letter_sets)
    ) / len(letter_sets)
    assert commonest_letter_share(letter_sets) == pytest.approx(mean, rel=1e-12)


def test_the_commonest_letter_s_share_matches_the_review_s_simulation():
    # review s24, finding 7: 200,000 random four-option keys each
    for questions, simulated in ((20, 0.369), (30, 0.347), (55, 0.321), (200, 0.287)):
        share = commonest_letter_share(["ABCD"] * questions)
        assert share == pytest.approx(simulated, abs=0.003)


def test_above_30_questions_the_approximation_stays_close_to_the_exact_share():
    # 31 questions: Clark's approximation against the exact sum of a 30-question bank
    # and of 32 (the share falls smoothly with the size)
    exact_30 = commonest_letter_share(["ABCD"] * 30)
    assert exact_30 - 0.01 < commonest_letter_share(["ABCD"] * 31) < exact_30


@pytest.mark.parametrize(
    ("letter_sets", "length"),
    [
        (["ABCD"] * 7, 3),
        (["ABCD"] * 7, 4),
        (["AB", "AB", "ABCD", "ABC", "AB", "AB"], 3),
        (["ABC", "ABC", None, "ABC", "ABC", "ABC"], 3),  # a multiple-answer question ends a run
        (["AB"] * 8, 5),
        (["ABCDE", "AB", "ABCDE", "ABCDE"], 2),
    ],
)
def test_the_chance_of_a_run_is_that_of_every_keying_with_one_as_long(letter_sets, length):
    expected = sum(chance for keys, chance in keyings(letter_sets) if longest_run(keys) >= length)
    assert run_chance(letter_sets, length) == pytest.approx(expected, rel=1e-12)


def test_the_chance_of_a_run_matches_the_review_s_figures():
    # review s24, finding 5 (runs_prob.py, a Markov chain over the run's length)
    assert run_chance(["ABCD"] * 50, 4) == pytest.approx(0.439, abs=0.0005)
    assert run_chance(["ABCD"] * 55, 4) == pytest.approx(0.472, abs=0.0005)
    assert run_chance(["ABCD"] * 450, 4) == pytest.approx(0.996, abs=0.0005)
    assert run_chance(["ABCD"] * 450, 6) == pytest.approx(0.279, abs=0.0005)
    assert run_chance(["ABCD"] * 55, 7) == pytest.approx(0.009, abs=0.0005)


def test_a_run_the_length_of_a_long_bank_is_computed_quickly():
    # 5,000 questions keyed B throughout: the chance is nil, and chances too small to
    # matter are dropped as the run grows, so it takes a moment, not 5,000 x 5,000 steps.
    started = time.perf_counter()
    assert run_chance(["ABCD"] * 5000, 5000) == 0.0
    assert time.perf_counter() - started < 5  # about 0.1 s
