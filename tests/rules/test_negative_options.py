"""negative-options: a negative stem with negative options (a double negative)."""

from tests.rules.item_writing import found_by, question

RULE = "negative-options"
STEM = "Which statement about Amazon SageMaker is NOT true?"


def test_negative_options_under_a_negative_stem_are_reported(lint_questions):
    options = {"A": "It does not train models", "B": "It hosts endpoints", "C": "It never tunes"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert "options A, C negate too" in found.message
    assert found.line == 7  # option A


def test_positive_options_pass(lint_questions):
    options = {"A": "It runs only on premises", "B": "It hosts endpoints", "C": "It tunes models"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


def test_negative_options_under_a_positive_stem_pass(lint_questions):
    options = {"A": "It does not train models", "B": "It hosts endpoints"}
    stem = "Which statement about Amazon SageMaker is true?"
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []
