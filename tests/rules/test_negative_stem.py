"""negative-stem: a negative lead-in in small letters; whole words, main clause only."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "negative-stem"


@pytest.mark.parametrize(
    ("stem", "word"),
    [
        ("Which AWS service does not train ML models?", "not"),
        ("All of these train models except:", "except"),
        ("Which statement about SageMaker is false?", "false"),
        ("Which service is least likely to train models?", "least"),
        ("Which of these isn't a training service?", "isn't"),
        ("A team trains models daily. Which service is incorrect for this?", "incorrect"),
        ("When running in AWS, the customer is not responsible for: (Select TWO)", "not"),
    ],
)
def test_a_negative_in_small_letters_is_reported(lint_questions, stem, word):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert f"'{word}' in small letters" in found.message
    assert found.hint and word.upper() in found.hint


@pytest.mark.parametrize(
    "stem",
    [
        "Which AWS service does NOT train ML models?",
        "Which AWS service does **not** train ML models?",
        "All of these train models EXCEPT:",
        "Which service is LEAST likely to train models?",
    ],
)
def test_a_negative_in_capitals_or_bold_passes(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        "Take note of the cost. Which service trains another model?",  # whole words only
        "Which service notifies users when a model is ready?",
        "What should you do with resources, which you don't remember creating?",
        "What is the best way to cut charges when instances are not in use?",
        "The model does not scale. Which service trains and deploys models?",  # not the lead-in
        "Which control reduces false positives?",
        "Which service needs at least two instances?",
        "What does the principle of least privilege mean?",
    ],
)
def test_negatives_that_do_not_reverse_the_question_pass(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []
