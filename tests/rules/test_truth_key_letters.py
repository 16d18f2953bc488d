"""answer-key-balance on the letters of true/false questions: keyed A throughout while "True"
comes first in some and last in others, their values are even and always answering A scores
them all. Value and letter are one exact test, so the letter adds no false alarm; where the
order never varies, they are one count, reported once as before."""

from __future__ import annotations

import itertools
import math

import pytest

from exambank.rules.truth_keys import TruthKey, TruthSpread
from exambank.significance import fair_coin_deviation_tail, poisson_binomial_tail
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import section_yaml
from tests.rules.test_key_patterns import only, question
from tests.rules.test_truth_keys import true_false
from tests.test_stats_report import json_report


def keyed_a_whatever_the_order(count: int) -> list[str]:
    """``count`` true/false questions keyed A, "True" first in every other one: the key is
    true in half of them."""
    return [true_false(n, n % 2 == 0, true_first=n % 2 == 0) for n in range(count)]


def among_four_option_questions(tfs: list[str]) -> dict[str, str]:
    """Each true/false question after two four-option ones keyed A-D in turn, so the keys
    make no run of A and the four-option letters are even."""
    fours = (question(100 + n, "ABCD"[n % 4]) for n in itertools.count())
    mixed = [item for tf in tfs for item in (next(fours), next(fours), tf)]
    return {"01-main.yaml": section_yaml(*mixed)}


def test_true_false_keyed_a_whatever_the_order_is_reported(lint_bank):
    result = lint_bank(among_four_option_questions(keyed_a_whatever_the_order(24)))
    [warning] = only("answer-key-balance", result)
    assert warning.path.endswith("bank.yaml")
    assert warning.message == (
        "true/false keys are uneven: the key is A in 24 of 24 true/false questions, whatever "
        "the order of their values (true first in 12, last in 12; the key is true in 12; "
        "exact p = 2.4e-07)"
    )
    assert warning.hint == (
        "list the true value first in every true/false question (the key's letter then "
        "follows its value), or swap the options of about half of those keyed A, and their "
        "key with them"
    )
    assert only("answer-run", result) == []


def test_keyed_b_is_named_too(lint_bank):
    tfs = [true_false(n, n % 2 == 1, true_first=n % 2 == 0) for n in range(20)]
    [warning] = only("answer-key-balance", lint_bank(among_four_option_questions(tfs)))
    assert "the key is B in 20 of 20 true/false questions, whatever the order" in warning.message


def test_in_one_order_value_and_letter_are_reported_once_as_before(lint_bank):
    # "True" always first and always the key: A 24 times too, said as the value only,
    # with the two-sided binomial p-value, 2 / 2^24.
    tfs = [true_false(n, True) for n in range(24)]
    [warning] = only("answer-key-balance", lint_bank(among_four_option_questions(tfs)))
    assert warning.message == (
        "true/false keys are uneven: the key is true in 24 of 24 true/false questions "
        "(exact p = 1.2e-07)"
    )


@pytest.mark.parametrize(
    "tfs",
    [
        keyed_a_whatever_the_order(11),  # 4 / 2^11 = 0.002: too few to reach 0.001
        keyed_a_whatever_the_order(7),  # below min_questions
        # The order varies, and both counts are near half: true in 13, A in 12.
        [true_false(n, n % 4 in (0, 1) or n == 2, true_first=n % 2 == 0) for n in range(24)],
    ],
)
def test_letters_near_half_or_too_few_pass(lint_bank, tfs):
    assert only("answer-key-balance", lint_bank(among_four_option_questions(tfs))) == []


def test_twelve_keyed_a_whatever_the_order_are_enough(lint_bank):
    tfs = keyed_a_whatever_the_order(12)
    [warning] = only("answer-key-balance", lint_bank(among_four_option_questions(tfs)))
    assert warning.message.endswith("exact p = 9.8e-04)")


def every_keying(true_first: int, true_last: int) -> list[list[TruthKey]]:
    """Every way the keys of such questions could fall."""
    orders = [True] * true_first + [False] * true_last
    return [
        [TruthKey(value, first, "AB") for value, first in zip(values, orders, strict=True)]
        for values in itertools.product([True, False], repeat=len(orders))
    ]


@pytest.mark.parametrize(("true_first", "true_last"), [(5, 5), (7, 3), (10, 0), (1, 9)])
def test_testing_the_letter_too_keeps_false_alarms_at_the_threshold(true_first, true_last):
    """Over every keying, the share whose p-value is below a threshold is at most the
    threshold: the test is exact, value and letter at once."""
    p_values = [TruthSpread.of(keys).p_value for keys in every_keying(true_first, true_last)]
    for threshold in (0.001, 0.005, 0.01, 0.05, 0.1, 0.5):
        assert sum(p <= threshold for p in p_values) / len(p_values) <= threshold


def test_the_letters_are_named_as_the_questions_letter_their_options():
    assert TruthSpread.of([]).letters == ("A", "B") and TruthSpread.of([]).p_value == 1.0
    keys = [TruthKey(True, True, "AB"), TruthKey(False, False, "AC")]
    assert TruthSpread.of(keys).letters == ("the first option", "the second option")


@pytest.mark.parametrize(("first", "second"), [(0, 0), (6, 0), (0, 5), (4, 5), (7, 2), (3, 8)])
def test_the_tail_is_exact(first, second):
    outcomes = list(itertools.product(range(2), repeat=first + second))
    for excess in range(first + second + 2):
        beyond = sum(
            abs(2 * sum(heads[:first]) - first) + abs(2 * sum(heads[first:]) - second) >= excess
            for heads in outcomes
        )
        assert fair_coin_deviation_tail(first, second, excess) == beyond / len(outcomes)


def test_in_one_order_the_tail_is_the_two_sided_binomial_one():
    for questions, true_keys in [(30, 25), (30, 30), (11, 11), (200, 130)]:
        binomial = 2 * poisson_binomial_tail([0.5] * questions, true_keys)
        excess = 2 * true_keys - questions
        assert fair_coin_deviation_tail(questions, 0, excess) == pytest.approx(binomial)


def test_a_large_bank_keeps_small_tails():
    p = fair_coin_deviation_tail(3000, 2000, 1200)  # 3,100 of 5,000 right: 17 sd out
    assert 0 < p < 1e-30 and math.isfinite(p)


def test_stats_says_how_often_the_key_is_a_in_every_format(tmp_path, lint_bank, capsys):
    result = lint_bank(among_four_option_questions(keyed_a_whatever_the_order(24)))
    [stats] = bank_stats(result)
    said = (
        "true/false keys: true in 12 of 24, A in 24 (the true value first in 12, last in 12), "
        "exact p = 2.4e-07: a lean this far to one value or letter almost never happens by "
        "chance; list the true value first in every true/false question, or swap the options "
        "of about half of those keyed A"
    )
    text = render_text([stats])
    assert f"\n  {said}\n" in text
    assert "; the 24 true/false ones by the value and the letter of their key, below\n" in text
    assert f"T{said[1:]}." in render_html([stats])  # a sentence of its own there
    [data] = json_report(capsys, str(tmp_path / "bank"))
    keys = data["keys"]
    assert data["schema_version"] == 8
    assert (keys["true_false"], keys["true_keys"], keys["first_keys"]) == (24, 12, 24)
    assert (keys["true_first"], keys["true_false_letters"]) == (12, ["A", "B"])
    assert keys["true_false_p_value"] == pytest.approx(4 / 2**24)


def test_stats_in_one_order_reads_as_before(lint_bank):
    tfs = [true_false(n, n < 25) for n in range(30)]
    text = render_text(bank_stats(lint_bank(among_four_option_questions(tfs))))
    said = "\n  true/false keys: true in 25 of 30, exact p = 0.00032: a lean this far to one value"
    assert said in text
    assert "; the 30 true/false ones by the value of their key, below\n" in text
