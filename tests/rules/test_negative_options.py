"""negative-options: a negative stem with negative options (a double negative)."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "negative-options"
STEM = "Which statement about Amazon SageMaker is NOT true?"


def test_negative_options_under_a_negative_stem_are_reported(lint_questions):
    options = {"A": "It does not train models", "B": "It hosts endpoints", "C": "It never tunes"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert "options A, C negate too" in found.message
    assert found.line == 7  # option A


def test_one_negative_option_negates(lint_questions):  # review s35, finding 11
    options = {"A": "It hosts endpoints", "B": "It does not train models", "C": "It tunes"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert "option B negates too" in found.message


def test_positive_options_pass(lint_questions):
    options = {"A": "It runs only on premises", "B": "It hosts endpoints", "C": "It tunes models"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


def test_negative_options_under_a_positive_stem_pass(lint_questions):
    options = {"A": "It does not train models", "B": "It hosts endpoints"}
    stem = "Which statement about Amazon SageMaker is true?"
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_a_capitalised_when_question_with_a_negative_answer_is_reported(lint_questions):
    stem = "When do the FCC rules NOT apply to the operation of an amateur station?"
    options = {"A": "When operating a RACES station", "B": "Never, FCC rules always apply"}
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert "option B negate" in found.message


@pytest.mark.parametrize(
    "stem",
    [
        "Why is it best NOT to draw DC power from a vehicle's auxiliary socket?",
        "Which of the following is a reason not to use wire-wound resistors?",
        "Why are direct (not via a repeater) UHF signals rarely heard from afar?",
        "When must you add AG if you hold a CSCE, but the FCC has not yet posted it?",
    ],
)
def test_a_negative_outside_the_main_question_makes_no_double_negative(lint_questions, stem):
    options = {"A": "The socket is not shielded", "B": "The wiring may be inadequate"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_none_of_the_above_is_no_negated_option(lint_questions):
    # FCC pools: "None of the above" under a "which is not ..." stem.
    options = {"A": "It hosts endpoints", "B": "It tunes models", "C": "None of the above"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


# Review s35, finding 1: Python's "not" in code is no negated statement.
def test_a_negative_in_code_options_is_no_double_negative(lint_questions):
    stem = "Which expression is NOT valid Python?"
    options = {"A": "`x = = 1`", "B": "`x is not None`", "C": "`x != 1`", "D": "`not x`"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []
    options["C"] = "`x` is not defined"  # outside its code, an option negates
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert "option C negates too" in found.message


# Review s35, finding 2: the question before "Select one." is the lead-in.
def test_a_negative_question_before_a_bare_instruction_is_read(lint_questions):
    options = {"A": "It does not train models", "B": "It hosts endpoints", "C": "It tunes models"}
    stem = f"{STEM} Select one."
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert found.message == (
        "the question asks 'NOT' and option A negates too: a double negative"  # finding 11
    )
