"""fill-in-blank: a blank anywhere but the end of the stem."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "fill-in-blank"


@pytest.mark.parametrize(
    "stem",
    [
        "___ is the service that trains ML models.",
        "The service ____ trains ML models.",
        r"The service \_\_\_ trains ML models.",
        "SageMaker stores [...] in S3.",
    ],
)
def test_a_blank_before_the_end_is_reported(lint_questions, stem):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert found.message.startswith("the stem has a blank before its end")


@pytest.mark.parametrize(
    "stem",
    [
        "The service that trains ML models is ___.",
        "The service that trains ML models is ___ (Choose TWO)",
        "SageMaker stores models in [...]",
        "Which service trains ML models?",
        "Which snake_case name does the SDK use?",
    ],
)
def test_a_final_blank_or_none_passes(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []
