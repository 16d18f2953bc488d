"""word-repeat: the key echoes the stem's wording and the distractors do not."""

import pytest

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, found_by, question

RULE = "word-repeat"
STEM = "Which service runs batch computing jobs?"
OPTIONS = {"A": "AWS Batch", "B": "Amazon EC2", "C": "AWS Fargate", "D": "Lambda@Edge"}


def test_a_key_that_echoes_the_stem_is_reported(lint_questions):
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=OPTIONS))
    # the word as the stem writes it, not as the key does (review s35, finding 11)
    assert found.message == "'batch' of the stem comes back in the key and in no distractor"
    assert found.line == 7 and found.question == "q1"  # option A, the key


def test_the_finding_quotes_the_stem_s_own_form_of_the_word(lint_questions):
    stem = "Which service stores Objects for the web?"
    options = {"A": "Amazon S3 object storage", "B": "Amazon EBS", "C": "Amazon EFS"}
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert found.message.startswith("'Objects' of the stem comes back in the key")


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


@pytest.mark.parametrize(
    ("stem", "options"),
    [
        (
            "Why avoid soldered connections to ground rods?",
            {"A": "Soldered bonds melt", "B": "Solder flux corrodes", "C": "Copper is soft"},
        ),
        (
            "What limits the power rating of coaxial cable?",
            {"A": "Heat in the cable", "B": "Losses in the cable's jacket", "C": "The connector"},
        ),
        (
            "What happens to polarized waves in the ionosphere?",
            {"A": "They become elliptically polarized", "B": "Polarization locks", "C": "Nothing"},
        ),
    ],
)
def test_other_forms_of_the_word_in_a_distractor_remove_the_cue(lint_questions, stem, options):
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


@pytest.mark.parametrize(
    ("stem", "key", "word"),  # the word as the stem writes it (review s35, finding 11)
    [
        ("Which is an implementation of elasticity?", "Implement auto scaling", "implementation"),
        ("What is a weakness of soldered joints?", "Solder melts in lightning", "soldered"),
        ("What sets a coaxial cable's loss?", "The cables' dielectric", "cable's"),
    ],
)
def test_another_form_of_the_word_in_the_key_alone_is_reported(lint_questions, stem, key, word):
    options = {"A": key, "B": "Amazon EC2", "C": "AWS Fargate"}
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert found.message.startswith(f"'{word}' of the stem")


def _station_questions(count: int) -> list[str]:
    return [
        question(
            f"s{n}",
            stem=f"Which station setting handles task {n}?",
            options={"A": f"Station tool {n}", "B": "Amazon EC2", "C": "AWS Fargate"},
        )
        for n in range(count)
    ]


def _other_questions(count: int) -> list[str]:
    return [
        question(
            f"o{n}",
            stem=f"Which service runs job {n}?",
            options={"A": "Amazon EC2", "B": "AWS Lambda", "C": "AWS Fargate"},
        )
        for n in range(count)
    ]


def test_the_topic_word_of_a_section_does_not_count(lint_bank):
    """'station' is in every stem of a 20-question section, and in 20 of 140 stems of the
    bank (under 15%): the section's subject, not a cue."""
    sections = {
        "01-stations.yaml": section_yaml(*_station_questions(20), section_id="stations"),
        "02-other.yaml": section_yaml(*_other_questions(120), section_id="other"),
    }
    result = lint_bank(sections, config=Config(select={RULE}))
    assert bank_findings(RULE, result) == []


def test_a_section_too_small_to_have_a_topic_is_judged_question_by_question(lint_bank):
    sections = {
        "01-stations.yaml": section_yaml(*_station_questions(19), section_id="stations"),
        "02-other.yaml": section_yaml(*_other_questions(120), section_id="other"),
    }
    result = lint_bank(sections, config=Config(select={RULE}))
    found = bank_findings(RULE, result)
    assert len(found) == 19
    assert found[0].message == "'station' of the stem comes back in the key and in no distractor"
