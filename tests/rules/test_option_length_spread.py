"""option-length-spread: one option far longer than the rest."""

from tests.rules.item_writing import SERVICES, found_by, only, question

RULE = "option-length-spread"
LONG = "Amazon Bedrock with a fine-tuned foundation model behind a private endpoint and guardrails"


def test_a_far_longer_option_is_reported(lint_questions):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": LONG}))
    assert found.message.startswith("option D is 9.0 times as long as the other options")
    assert "(11 more words)" in found.message


def test_options_of_similar_length_pass(lint_questions):
    assert found_by(RULE, lint_questions, question()) == []


def test_a_spelt_out_acronym_does_not_count(lint_questions):
    options = {
        "A": "Amazon Redshift",
        "B": "Amazon DynamoDB",
        "C": "Amazon Elastic Compute Cloud (Amazon EC2) with Amazon EC2 instance store",
        "D": "Amazon EC2 with Amazon Elastic Block Store (Amazon EBS)",
    }
    assert found_by(RULE, lint_questions, question(options=options)) == []


def test_thresholds_are_options(lint_questions):
    text = question(options={**SERVICES, "D": "Amazon Bedrock with guardrails and agents"})
    assert found_by(RULE, lint_questions, text) == []
    found = lint_questions(text, config=only(RULE, ratio=2, min_words=3))
    assert [d.rule for d in found] == [RULE]


def test_two_options_are_never_compared(lint_questions):
    options = {"A": "Yes", "B": LONG}
    assert found_by(RULE, lint_questions, question(options=options)) == []
