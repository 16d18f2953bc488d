"""combination-options: an option that combines others ("A and C")."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "combination-options"


@pytest.mark.parametrize(
    "text",
    [
        "A and C",
        "Both A and B",
        "I and III only",
        "A, B and C",
        "B & D",
        "(A) or (C)",
        "A and C are correct",
        "I, II, and III",
        "Both a) and b)",
        "both a) and c) are invalid",
    ],
)
def test_combined_options_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


@pytest.mark.parametrize(
    "text", ["A and B testing", "Amazon S3 and CloudFront", "AWS IAM", "Plan A", "a and c"]
)
def test_ordinary_options_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


NUMBERED = "Which statements are true?\n\n1. SageMaker trains models.\n2. Lambda trains models."


def test_statement_numbers_count_when_the_stem_numbers_its_statements(lint_questions):
    text = question(stem=NUMBERED, options={**SERVICES, "D": "1 and 2"})
    [found] = found_by(RULE, lint_questions, text)
    assert found.message == 'option D ("1 and 2") combines other options'


def test_numbers_are_values_when_the_stem_numbers_nothing(lint_questions):
    # Python quizzes (pythonexercises, MIT) print values: "7, 8, 9" is an output.
    stem = "What does this print?\n\n```python\nprint(*range(7, 10), sep=', ')\n```"
    options = {"A": "7, 8, 9", "B": "7, 8, 9, 10", "C": "8, 9", "D": "7 8 9"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []
