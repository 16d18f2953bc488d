"""true-false-options: a multiple-choice frame around a true/false item."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "true-false-options"
STEM = "SageMaker trains, tunes and deploys ML models. Is this right?"


@pytest.mark.parametrize("pair", [("True", "False"), ("Yes.", "No."), ("correct", "Incorrect")])
def test_true_false_options_are_reported(lint_questions, pair):
    options = dict(zip("AB", pair, strict=True))
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert "a true/false item, guessed half the time" in found.message


def test_real_options_pass(lint_questions):
    assert found_by(RULE, lint_questions, question(options=SERVICES)) == []


def test_one_true_among_real_options_passes(lint_questions):
    options = {**SERVICES, "D": "True"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []
