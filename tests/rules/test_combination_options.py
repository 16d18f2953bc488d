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
        "1 and 2",
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
