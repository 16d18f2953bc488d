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


def test_a_long_qualification_in_parentheses_counts(lint_questions):
    # review 106: the candidate reads the parenthesis, and sees its length.
    options = {
        "A": "TLS (Transport Layer Security encrypting every byte between client and server)",
        "B": "Plain HTTP",
        "C": "FTP",
        "D": "Telnet",
    }
    [found] = found_by(RULE, lint_questions, question(options=options))
    assert found.message.startswith("option A is 13.0 times as long as the other options")


def test_an_acronym_spelt_out_at_length_does_not_count(lint_questions):
    options = {
        "A": "Follow the NIST (National Institute of Standards and Technology) framework",
        "B": "Use ISO",
        "C": "Use IEEE",
        "D": "Use ANSI",
    }
    assert found_by(RULE, lint_questions, question(options=options)) == []
