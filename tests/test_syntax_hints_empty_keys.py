"""A ':' with no key before it is told as a key left out, named where the keys around it
tell it (an option's letter, the one key a question or section lacks), and lint, fmt,
lint --fix and new say so in the same words (exambank/syntax_hints/empty_keys.py;
review s35-hostile #5)."""

from __future__ import annotations

import pytest

from tests.conftest import QUESTION, section_yaml
from tests.test_syntax_hints_block_texts import assert_said_alike, problems_of

# q1 on lines 4-12: '  - id: q1' on line 4, 'stem' on 5, options A-D on 7-10, 'answer: A'
# on 11, 'explanation' on 12; q2 the same on lines 13-21.
TWO = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"))
MISSING = "a key is missing before ':'"
LETTER = "the option's letter is missing before ':'"
NAME = "write the key's name before the ':':"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "      B: AWS Lambda",
            "      : AWS Lambda",
            (8, 7, LETTER, "write the letter: 'B: AWS Lambda'"),
            id="an option between two",
        ),
        pytest.param(
            "      A: Amazon SageMaker",
            "      : Amazon SageMaker",
            (7, 7, LETTER, "write the letter: 'A: Amazon SageMaker'"),
            id="the first option",
        ),
        pytest.param(
            "      D: Amazon Bedrock",
            "      :Amazon Bedrock",
            (10, 7, LETTER, "write the letter: 'D: Amazon Bedrock'"),
            id="the last option, no space after ':'",
        ),
        pytest.param(
            "    answer: A",
            "    : A",
            (11, 5, MISSING, "this question has no 'answer': write 'answer: A'"),
            id="the one key a question lacks",
        ),
        pytest.param(
            "  - id: q2",
            "  - : q2",
            (13, 5, MISSING, "this question has no 'id': write 'id: q2'"),
            id="a question's first key",
        ),
        pytest.param(
            "title: Main",
            ": Main",
            (2, 1, MISSING, "this section has no 'title': write 'title: Main'"),
            id="a section's key",
        ),
        pytest.param(
            "    stem: Which AWS service trains, tunes and deploys ML models?",
            "    : Which AWS",
            (5, 5, MISSING, "this question has no 'stem': write 'stem: Which AWS'"),
            id="the stem",
        ),
        pytest.param(
            "    answer: A\n    explanation: SageMaker covers the whole ML lifecycle.",
            "    type: multiple\n    answer:\n    - A\n    - C\n"
            "    : SageMaker covers the whole ML lifecycle.",
            (
                15,
                5,
                MISSING,
                "this question has no 'explanation': write 'explanation: SageMaker covers the…' "
                "(shortened here)",
            ),
            id="below a list written at its key's place",
        ),
        pytest.param(
            "title: Main",
            "title: Main\n:",
            (3, 1, MISSING, f"{NAME} '<key>:'"),
            id="a section's key left out, and its value",
        ),
    ],
)
def test_a_key_left_out_is_told_at_its_colon(tmp_path, old, new, expected):
    found = problems_of(tmp_path, TWO.replace(old, new, 1))
    assert found == [(*expected[:2], "yaml-syntax", *expected[2:])]


@pytest.mark.parametrize(
    "slips",
    [
        pytest.param(
            [("    answer: A\n", ""), ("    explanation: SageMaker", "    : SageMaker")],
            id="two keys a question lacks",
        ),
        pytest.param([("    answer: A", "    : A\n    answer: B")], id="no key lacking"),
        pytest.param(
            [("      C: Amazon EC2", "      : Amazon EC2\n      E: Amazon S3")],
            id="letters out of order",
        ),
    ],
)
def test_no_key_is_named_where_the_keys_around_do_not_tell_one(tmp_path, slips):
    text = TWO
    for old, new in slips:
        text = text.replace(old, new, 1)
    [(_, _, rule, message, hint)] = problems_of(tmp_path, text)[:1]
    assert (rule, message) == ("yaml-syntax", MISSING)
    assert hint is not None and hint.startswith(f"{NAME} '<key>: ")


def test_the_reviewers_file_is_told_in_lints_words_by_every_command(tmp_path, capsys):
    # ':' alone on the first line, a '[' under it (review s35-hostile #5): was "while
    # parsing a block mapping did not find expected key"
    assert_said_alike(tmp_path, capsys, ":\n  - [\n", (1, 1), MISSING, f"{NAME} '<key>:'")


def test_the_option_letter_named_makes_the_file_read(tmp_path):
    text = TWO.replace("      B: AWS Lambda", "      : AWS Lambda", 1)
    [(line, _, _, _, hint)] = problems_of(tmp_path, text)
    lines = text.split("\n")
    lines[line - 1] = "      " + hint.split("'")[1]
    assert problems_of(tmp_path, "\n".join(lines)) == []
