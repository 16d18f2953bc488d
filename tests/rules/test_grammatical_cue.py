"""grammatical-cue: a stem ending in "a"/"an" whose options do not all fit it."""

import pytest

from exambank.rules.grammatical_cue import starts_with_vowel_sound
from tests.rules.item_writing import found_by, question

RULE = "grammatical-cue"


def test_options_that_do_not_fit_the_article_are_reported(lint_questions):
    options = {"A": "ML platform", "B": "integrated service", "C": "database", "D": "queue"}
    [found] = found_by(RULE, lint_questions, question(stem="SageMaker is an", options=options))
    assert found.message == "the stem ends in 'an' but options C, D do not fit it (the key does)"
    assert found.line == 9  # option C


def test_a_blank_after_the_article_still_counts(lint_questions):
    options = {"A": "platform", "B": "endpoint", "C": "database"}
    found = found_by(RULE, lint_questions, question(stem="SageMaker is a ___.", options=options))
    assert [d.message for d in found] == [
        "the stem ends in 'a' but option B does not fit it (the key does)"
    ]


def test_options_that_all_fit_pass(lint_questions):
    options = {"A": "platform", "B": "queue", "C": "unit", "D": "one-off job"}
    assert found_by(RULE, lint_questions, question(stem="SageMaker is a", options=options)) == []


def test_a_stem_without_a_final_article_passes(lint_questions):
    options = {"A": "a platform", "B": "an endpoint"}
    assert found_by(RULE, lint_questions, question(stem="SageMaker is", options=options)) == []


@pytest.mark.parametrize(
    ("word", "vowel"),
    [
        ("endpoint", True),
        ("platform", False),
        ("S3", True),
        ("EC2", True),
        ("GPU", False),
        ("URL", False),
        ("LLM", True),
        ("hour", True),
        ("unit", False),
        ("uninstalled", True),
        ("one-time", False),
        ("8-bit", True),
        ("18", True),
        ("80", True),
        ("1", False),
        ("European", False),
    ],
)
def test_the_sound_is_guessed_from_the_spelling(word, vowel):
    assert starts_with_vowel_sound(word) is vowel


@pytest.mark.parametrize(
    "stem",
    [
        # FCC commercial pools: the writer's neutral article, and amperes.
        "The video detector would most likely use a/an:",
        "The block labeled 4 shows that this is most likely an/a",
        "What is the current through the load if it draws 1.5 A",
    ],
)
def test_a_neutral_article_or_a_unit_is_no_cue(lint_questions, stem):
    options = {"A": "Isolator", "B": "Wave trap", "C": "Multiplexer", "D": "Circulator"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_a_plain_a_before_a_vowel_key_is_still_reported(lint_questions):
    # FCC element 3: "... that absorbs RF power in the opposite direction is a:" - "Isolator".
    options = {"A": "Circulator", "B": "Wave trap", "C": "Multiplexer", "D": "Isolator"}
    found = found_by(RULE, lint_questions, question(stem="Such a device is a:", options=options))
    assert [d.message for d in found] == [
        "the stem ends in 'a' but option D does not fit it (the key does)"
    ]


SINGULAR = {"B": "An S3 bucket", "C": "A Lambda function", "D": "A VPC"}


@pytest.mark.parametrize(
    ("stem", "options"),
    [
        # review 106: only the key is a plural pair, or a plural noun.
        (
            "The two services that store objects are",
            {
                "A": "Amazon S3 and S3 Glacier",
                "B": "AWS Lambda",
                "C": "Amazon EC2",
                "D": "Amazon VPC",
            },
        ),
        (
            "Which of the following are block storage volumes attached to EC2 instances?",
            {"A": "Amazon EBS volumes", **SINGULAR},
        ),
        ("What are EBS snapshots stored as?", {"A": "Incremental copies in S3", **SINGULAR}),
    ],
)
def test_a_plural_stem_that_only_the_key_agrees_with_is_reported(lint_questions, stem, options):
    [found] = found_by(RULE, lint_questions, question(stem=stem, options=options))
    assert found.message == (
        "the stem asks for several things ('are') but options B, C, D name one: "
        "only the key agrees with it"
    )
    assert found.line == 8  # option B


@pytest.mark.parametrize(
    "key",
    [
        "Delay between request and reply",  # the head ("Delay") is one thing
        "A snapshot and a volume",  # "a ... and ...": one thing of parts, or two
        "Two EBS volumes",  # a count
        "They are EBS volumes",  # a clause
        "All of the above",  # stands for other options
    ],
)
def test_a_key_whose_form_shows_no_plural_is_no_number_cue(lint_questions, key):
    stem = "Which of the following are block storage volumes?"
    text = question(stem=stem, options={"A": key, **SINGULAR})
    assert found_by(RULE, lint_questions, text) == []


@pytest.mark.parametrize(
    "distractor",
    [
        "EBS volumes",  # plural, like the key
        "Object storage",  # a mass noun: no number its form shows
        "S3 buckets, or Glacier vaults",  # a list
        "It stores objects",  # a clause
        "12 disks",  # a quantity
    ],
)
def test_every_other_option_must_be_singular(lint_questions, distractor):
    options = {"A": "Amazon EBS volumes", **SINGULAR, "D": distractor}
    stem = "Which of the following are block storage volumes?"
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_number_is_judged_in_single_answer_questions_only(lint_questions):
    options = {"A": "Amazon EBS volumes", **SINGULAR}
    for stem, answer in [
        ("Which of the following are block storage volumes? (Choose TWO.)", ["A", "B"]),
        ("Which of the following is a block storage volume?", "A"),
    ]:
        text = question(stem=stem, options=options, answer=answer)
        assert found_by(RULE, lint_questions, text) == []
