"""answer-key-balance and longest-option-key, the bank-wide statistics."""

import itertools

from tests.conftest import section_yaml


def question(number: int, key: str, long_key: bool = False) -> str:
    options = {letter: f"option {letter} of {number}" for letter in "ABCD"}
    if long_key:
        options[key] = f"the much longer and carefully qualified right answer {number}"
    lines = "\n".join(f"  {letter}: {text}" for letter, text in options.items())
    return (
        f"id: q{number}\nstem: Question {number}?\noptions:\n{lines}\n"
        f"answer: {key}\nexplanation: Because {number}.\n"
    )


def bank_of(keys, long_keys=()):
    return {
        "01-main.yaml": section_yaml(
            *(question(n, key, n in long_keys) for n, key in enumerate(keys))
        )
    }


def only(rule, result):
    """The rule's bank-wide finding (per-question findings carry a question id)."""
    return [d for d in result.diagnostics if d.rule == rule and d.question is None]


def test_keys_piled_on_one_letter_name_it_and_the_excess(lint_bank):
    keys = ["B"] * 30 + ["A", "C", "D"] * 3
    [warning] = only("answer-key-balance", lint_bank(bank_of(keys)))
    assert warning.severity == "warning" and warning.path.endswith("bank.yaml")
    assert "B is the key 30 times in 39" in warning.message
    assert "3.1x its fair share of 9.8" in warning.message


def test_evenly_spread_keys_pass(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))
    assert only("answer-key-balance", lint_bank(bank_of(keys))) == []


def test_small_banks_are_not_judged(lint_bank):
    assert only("answer-key-balance", lint_bank(bank_of(["B"] * 10))) == []


def test_key_longest_far_more_than_chance(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))
    [warning] = only("longest-option-key", lint_bank(bank_of(keys, long_keys=range(30))))
    assert "longest option in 30 of 40" in warning.message and "about 10" in warning.message


def test_key_longest_about_as_often_as_chance_passes(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))
    assert only("longest-option-key", lint_bank(bank_of(keys, long_keys=range(10)))) == []
