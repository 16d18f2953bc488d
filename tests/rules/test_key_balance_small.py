"""answer-key-balance on small banks (review s24, finding 3): up to 30 single-answer
questions the letters get an exact test, so a quiz keyed one way is reported however few
its questions, down to ``min_questions`` (8)."""

import itertools

import pytest

from exambank.config import Config
from exambank.rules.letter_spread import KeySpread
from tests.rules.test_key_patterns import bank_of, only


def test_twelve_questions_all_keyed_c_are_reported_with_their_exact_p(lint_bank):
    # The review's p1b-twelve-c: 4 of the 4^12 random keyings are one letter throughout.
    [warning] = only("answer-key-balance", lint_bank(bank_of(["C"] * 12)))
    assert warning.message == (
        "answer key is uneven: C is the key 12 times in 12, 4.0x its fair share of 3.0 "
        "(A 0, B 0, C 12, D 0; exact p = 2.4e-07)"
    )


def test_a_quiz_keyed_only_b_and_c_is_reported(lint_bank):
    # The review's p1-small-bc: 19 questions keyed B, C, B, C ... (no run to report).
    [warning] = only("answer-key-balance", lint_bank(bank_of(["B", "C"] * 9 + ["B"])))
    assert "(A 0, B 10, C 9, D 0; exact p = 3.7e-04)" in warning.message


@pytest.mark.parametrize(
    ("keys", "p_value"),
    [
        (list(itertools.islice(itertools.cycle("ABCD"), 12)), 1.0),  # balanced
        (list("ABCDDCBA"), 1.0),  # 8, balanced
        (["B"] * 5 + ["A", "C", "D"] * 2 + ["B"], 0.289),  # 6 B in 12: common by chance
    ],
)
def test_a_small_bank_near_an_even_spread_is_tested_and_passes(lint_bank, keys, p_value):
    result = lint_bank(bank_of(keys))
    assert only("answer-key-balance", result) == []
    [bank] = result.banks
    spread = KeySpread.of(bank.single_answer_questions)
    assert spread.test == "exact" and spread.p_value == pytest.approx(p_value, abs=5e-4)


def test_eight_questions_are_tested_and_seven_are_not(lint_bank):
    [warning] = only("answer-key-balance", lint_bank(bank_of(["D"] * 8)))
    assert "D is the key 8 times in 8" in warning.message and "exact p = 6.1e-05" in warning.message
    assert only("answer-key-balance", lint_bank(bank_of(["D"] * 7))) == []


def test_min_questions_is_still_an_option(lint_bank):
    config = Config(rule_options={"answer-key-balance": {"min_questions": 13}})
    assert only("answer-key-balance", lint_bank(bank_of(["C"] * 12), config=config)) == []
    config = Config(rule_options={"answer-key-balance": {"min_questions": 6}})
    [warning] = only("answer-key-balance", lint_bank(bank_of(["C"] * 6), config=config))
    assert "exact p = 9.8e-04" in warning.message


def test_above_30_questions_the_chi_square_distribution_is_used(lint_bank):
    result = lint_bank(bank_of(["B"] * 31))
    [warning] = only("answer-key-balance", result)
    assert "chi-square p = " in warning.message and "exact" not in warning.message
    [bank] = result.banks
    assert KeySpread.of(bank.single_answer_questions).test == "chi-square"
