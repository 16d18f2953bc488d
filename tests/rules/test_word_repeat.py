"""word-repeat: the key echoes the stem's wording and the distractors do not."""

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, found_by, question

RULE = "word-repeat"
STEM = "Which service runs batch computing jobs?"
OPTIONS = {"A": "AWS Batch", "B": "Amazon EC2", "C": "AWS Fargate", "D": "Lambda@Edge"}


def test_a_key_that_echoes_the_stem_is_reported(lint_questions):
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=OPTIONS))
    assert found.message == "'Batch' of the stem comes back in the key and in no distractor"
    assert found.line == 7 and found.question == "q1"  # option A, the key


def test_plurals_match(lint_questions):
    options = {**OPTIONS, "A": "A managed batch service"}
    stem = "Which service runs batches of computing jobs?"
    assert len(found_by(RULE, lint_questions, question(stem=stem, options=options))) == 1


def test_a_distractor_that_echoes_the_same_word_removes_the_cue(lint_questions):
    options = {**OPTIONS, "B": "Amazon EC2 batch instances"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


def test_a_stem_naming_two_things_each_echoed_by_an_option_passes(lint_questions):
    stem = "Which has the larger model catalog, SageMaker JumpStart or Amazon Bedrock?"
    options = {
        "A": "Bedrock has more models",
        "B": "JumpStart has more models",
        "C": "They have the same models",
    }
    assert found_by(RULE, lint_questions, question(stem=stem, options=options, answer="B")) == []


def test_function_words_do_not_count(lint_questions):
    stem = "Which of the following services should a company use to run jobs?"
    options = {**OPTIONS, "A": "The following: AWS Batch"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_words_of_the_bank_subject_do_not_count(lint_bank):
    """'sagemaker' is in every stem of a 20-question bank: it is the subject, not a cue."""
    questions = [
        question(
            f"q{n}",
            stem=f"Which SageMaker feature handles task {n}?",
            options={"A": f"SageMaker tool {n}", "B": "Amazon EC2", "C": "AWS Fargate"},
        )
        for n in range(20)
    ]
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, config=Config(select={RULE}))
    assert bank_findings(RULE, result) == []
