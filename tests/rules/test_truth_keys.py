"""answer-key-balance on true/false questions: their keys tested by value, true or false,
against half, where a count of letters cannot see a bank keyed "True" throughout."""

from __future__ import annotations

import itertools

import pytest

from exambank.rules.true_false import key_truth
from exambank.stats import bank_stats
from exambank.stats_text import render_text
from tests.conftest import section_yaml
from tests.rules.test_key_patterns import only, question


def true_false(number: int, true_key: bool, true_first: bool = True) -> str:
    """A true/false question keyed true or false, "True" as option A or as B."""
    options = ("True", "False") if true_first else ("False", "True")
    key = "AB"[options.index("True" if true_key else "False")]
    return (
        f'id: tf{number}\nstem: Statement {number}.\noptions:\n  A: "{options[0]}"\n'
        f'  B: "{options[1]}"\nanswer: {key}\nexplanation: Because {number}.\n'
    )


def bank(*questions: str) -> dict[str, str]:
    return {"01-main.yaml": section_yaml(*questions)}


def test_statements_all_keyed_true_are_reported_though_their_letters_are_even(lint_bank):
    # "True" is A in half the questions and B in the other half: A and B are each the
    # key 15 times, and the letter count sees nothing. The value and the letter are
    # tested at once (test_truth_key_letters.py): p = 4 / 2^30, twice the binomial's.
    tfs = [true_false(n, True, true_first=n % 2 == 0) for n in range(30)]
    result = lint_bank(bank(*tfs))
    [warning] = only("answer-key-balance", result)
    assert warning.path.endswith("bank.yaml")
    assert warning.message == (
        "true/false keys are uneven: the key is true in 30 of 30 true/false questions "
        "(exact p = 3.7e-09)"
    )


def test_the_other_questions_letters_cannot_hide_them(lint_bank):
    # The review's bank: 30 true/false questions keyed A ("True"), 30 four-option
    # questions never keyed A; pooled, the letters pass at p = 0.011.
    tfs = [true_false(n, True) for n in range(30)]
    others = [question(n, key) for n, key in zip(range(30, 60), itertools.cycle("BCD"))]
    [warning] = only("answer-key-balance", lint_bank(bank(*tfs, *others)))
    assert "the key is true in 30 of 30" in warning.message


@pytest.mark.parametrize(
    "keys",
    [
        [n % 2 == 0 for n in range(30)],  # half true
        [True] * 17 + [False] * 13,  # within chance
        [True] * 7,  # too few to test: 7 of the 8 a test needs
    ],
)
def test_keys_near_half_true_or_too_few_pass(lint_bank, keys):
    tfs = [true_false(n, key) for n, key in enumerate(keys)]
    assert only("answer-key-balance", lint_bank(bank(*tfs))) == []


def test_keyed_false_throughout_is_reported_too(lint_bank):
    tfs = [true_false(n, False, true_first=n % 2 == 0) for n in range(24)]
    [warning] = only("answer-key-balance", lint_bank(bank(*tfs)))
    assert "the key is false in 24 of 24" in warning.message


@pytest.mark.parametrize(
    ("texts", "key_at", "truth"),
    [
        (["True", "False"], 0, True),
        (["True", "False"], 1, False),
        (["No, it does not", "Yes, it does"], 1, True),
        (["Valid", "Invalid"], 1, False),
        (["Not allowed", "Allowed"], 1, True),
        (["Richtig", "Falsch"], 1, False),
    ],
)
def test_the_key_s_value_is_read_as_true_false_options_reads_it(texts, key_at, truth):
    assert key_truth(texts, key_at) is truth


def test_stats_says_how_often_the_key_is_true(lint_bank):
    tfs = [true_false(n, n < 25) for n in range(30)]
    text = render_text(bank_stats(lint_bank(bank(*tfs))))
    assert "\n  true/false keys: true in 25 of 30, exact p = 0.00032: a lean this far" in text
