"""option-rationale: an option that carries its own justification."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "option-rationale"


@pytest.mark.parametrize(
    "text",
    [
        "Batch Transform -- for processing an entire dataset offline",
        "Batch Transform \u2014 it processes whole datasets",
        "Batch Transform, because it processes whole datasets",
        "Batch Transform (because it processes whole datasets)",
    ],
)
def test_an_option_that_explains_itself_is_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "B": text}))
    assert found.message == "option B explains itself"
    assert "feedback" in (found.hint or "")


@pytest.mark.parametrize(
    "text",
    [
        "Reserved Instances - All Upfront",
        "Because it scales automatically",
        "Serverless Inference",
        "1 - 5 GB",
    ],
)
def test_plain_options_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "B": text})) == []


def test_feedback_is_the_place_for_it(lint_questions):
    option = {"text": "Batch Transform", "feedback": "because it processes whole datasets"}
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "B": option})) == []
