"""stem-lead-in: a stem that ends in neither a question nor a completion."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "stem-lead-in"


@pytest.mark.parametrize(
    "stem",
    [
        "Amazon SageMaker and machine learning models.",
        "A team trains models daily on SageMaker",
        "A team trains models. The service that trains them (Select TWO)",
    ],
)
def test_a_stem_without_a_question_is_reported(lint_questions, stem):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert "without a question" in found.message
    assert (
        found.hint == "end the stem with the question (...?) or with a colon the options complete"
    )


@pytest.mark.parametrize(
    "stem",
    [
        "Which AWS service trains ML models?",
        "Which AWS service trains ML models? (Choose TWO.)",
        "The AWS service that trains ML models is:",
        "The AWS service that trains ML models is ___.",
        "Select TWO services that train ML models.",
        "What are the advantages of the AWS Cloud (Select TWO)",  # a question, but for its ?
        "A team trains models daily. How can it cut costs",
        "Match each need to a service: (1) training (2) labelling.",
        'Which line of this policy is wrong?\n\n```json\n{"Effect": "Allow"}\n```',
    ],
)
def test_questions_completions_and_instructions_pass(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []
