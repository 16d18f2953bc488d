"""true-false-options: a multiple-choice frame around a true/false item."""

import pytest

from exambank.config import Config
from exambank.rules.true_false import is_true_false
from tests.conftest import section_yaml
from tests.rules.item_writing import SERVICES, found_by, question

RULE = "true-false-options"
STEM = "SageMaker trains, tunes and deploys ML models. Is this right?"


@pytest.mark.parametrize(
    "pair",
    [
        ("True", "False"),
        ("Yes.", "No."),
        ("correct", "Incorrect"),
        # abbreviated, as on answer sheets
        ("T", "F"),
        ("Y", "N"),
        # short answers: the pronoun and auxiliary only echo the question
        ("Yes, it does", "No, it does not"),
        ("No, they can't", "Yes, they can"),
        ("Yes it is", "No it isn't"),
        # a claim and its negation
        ("Valid", "Invalid"),
        ("Not allowed", "Allowed"),
        ("Stable", "Unstable"),
        ("Legal", "Illegal"),
        ("Secure", "Insecure"),
        ("Encrypted", "Not encrypted"),
        ("Significant", "non-significant"),
    ],
)
def test_true_false_options_are_reported(lint_questions, pair):
    options = dict(zip("AB", pair, strict=True))
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert "a true/false item, guessed half the time" in found.message
    assert f"the options are only {pair[0]} / {pair[1]}" in found.message


def test_real_options_pass(lint_questions):
    assert found_by(RULE, lint_questions, question(options=SERVICES)) == []


def test_one_true_among_real_options_passes(lint_questions):
    options = {**SERVICES, "D": "True"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


@pytest.mark.parametrize(
    "options",
    [
        # yes or no with an answer of its own
        {"A": "Yes, at any time", "B": "Only in an emergency", "C": "No, never in person"},
        {"A": "Yes, it does", "B": "No, it does not", "C": "Only over IPv6"},
        # a claim, its negation and a third answer
        {"A": "Valid", "B": "Invalid", "C": "It cannot be told"},
        # letters that are both one truth value, and a claim too short to negate
        {"A": "T", "B": "Y"},
        {"A": "Put", "B": "Input"},
        # a prefix that makes another word, not a negation (review s19diff #2)
        {"A": "Inbound", "B": "Bound"},
        {"A": "Import", "B": "Port"},
        {"A": "Discard", "B": "Card"},
        {"A": "Install", "B": "Stall"},
        {"A": "Inside", "B": "Side"},
        # a phrase is no one-word claim
        {"A": "Stable orbit", "B": "Unstable orbit"},
        # "True positive" is a result, not a truth value
        {"A": "True positive", "B": "False positive"},
    ],
)
def test_answers_of_their_own_pass(lint_questions, options):
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["True", "False"], True),
        (["T", "F"], True),
        (["Yes, it does", "No, it does not"], True),
        (["Invalid", "Valid"], True),
        (["True", "T"], False),
        (["Yes, because it scales", "No, because it does not"], False),
        (["Valid", "Invalid", "Void"], False),
    ],
)
def test_the_shared_reading(texts, expected):
    # longest-option-key reads options through it too (exambank/rules/longest_key.py)
    assert is_true_false(texts) is expected


def test_longest_option_key_leaves_short_answers_to_answer_key_balance(lint_bank):
    # "No, it does not" is longer than "Yes, it does" whatever the key: no length cue.
    options = "  A: Yes, it does\n  B: No, it does not\n"
    questions = [
        f"id: q{n}\nstem: Does step {n} run?\noptions:\n{options}answer: {key}\n"
        f"explanation: See step {n}.\n"
        for n, key in enumerate(["B"] * 25 + ["A"] * 5)
    ]
    config = Config(select={"longest-option-key", "answer-key-balance"})
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, config=config)
    bank_wide = {found.rule for found in result.diagnostics if found.question is None}
    assert bank_wide == {"answer-key-balance"}


def test_the_hint_says_how_to_keep_a_true_false_question_on_purpose(lint_questions):
    """Certification banks use true/false items on purpose (review s27-author #14): the
    hint shows the suppression, and the suppression it shows, with a reason for its
    placeholder, keeps the question quiet (pasted as it is, the placeholder is reported:
    tests/test_suppression.py)."""
    true_false = question(stem=STEM, options={"A": "True", "B": "False"})
    [found] = found_by(RULE, lint_questions, true_false)
    kept = 'lint: {ignore: [true-false-options], reason: "..."}'
    assert found.hint == (
        f"ask for the fact itself, with three or more plausible options; to keep a true/false "
        f"question on purpose: {kept}"
    )
    assert lint_questions(f"{true_false}{kept.replace('...', 'the exam asks so')}\n") == []
