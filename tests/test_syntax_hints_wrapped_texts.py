"""A plain text wrapped onto more lines: a ': ' on a later line is told with the text's
real lines and its owner (a key, or a list's item), a comment that ends the text with its
own hint, and each hint, followed, makes the file read
(exambank/syntax_hints/wrapped_texts.py)."""

from __future__ import annotations

import pytest

from tests.conftest import QUESTION, section_yaml, syntax_problems

# q1 on lines 4-12: '  - id: q1' on line 4, its stem on line 5, 'answer: A' on line 11.
SECTION = section_yaml(QUESTION)
STEM = "    stem: Which AWS service trains, tunes and deploys ML models?"
COLON = "text containing ': ' must be quoted"


def broken(old, new):
    assert SECTION.count(old) == 1, old
    return SECTION.replace(old, new)


CASES = [
    pytest.param(
        STEM,
        "    stem: Which is right?\n      Note: pick one.\n      And: another.",
        (5, 11, COLON),
        "put the whole text of 'stem' (lines 5-7) in double quotes, or write the ': ' another way",
        '    stem: "Which is right?\n      Note: pick one.\n      And: another."',
        id="a text over three lines: all three quoted",
    ),
    pytest.param(
        STEM,
        "    stem: Which is right?\n      Note: pick one. #x",
        (5, 11, COLON),
        "put the whole text of 'stem' (lines 5-6, up to the comment '#x') in double quotes, "
        "or write the ': ' another way",
        '    stem: "Which is right?\n      Note: pick one." #x',
        id="a comment after the last line stays out of the quotes",
    ),
    pytest.param(
        "    answer: A",
        "    answer: A\n    tags:\n      - a tag\n        with: colon",
        (13, 9, COLON),
        "put the whole text of item 1 of 'tags' (lines 13-14) in double quotes, or write the "
        "': ' another way",
        '    answer: A\n    tags:\n      - "a tag\n        with: colon"',
        id="a list's item is named, not its key",
    ),
    pytest.param(
        "    answer: A",
        "    answer: A\n    tags:\n      - aws\n      - a tag\n        more\n        with: colon",
        (14, 9, COLON),
        "put the whole text of item 2 of 'tags' (lines 14-16) in double quotes, or write the "
        "': ' another way",
        '    answer: A\n    tags:\n      - aws\n      - "a tag\n        more\n        with: colon"',
        id="the second item, its ': ' on its third line",
    ),
    pytest.param(
        STEM,
        "    stem: Which is right?\n      # a note\n      Note: pick one.",
        (
            6,
            7,
            "the comment on line 6 ends the text of 'stem' (line 5): YAML reads line 7 "
            "where a key belongs",
        ),
        "move the comment out of the text (above line 5), then put the whole text of 'stem' "
        "in double quotes, or write its ': ' another way",
        '    # a note\n    stem: "Which is right?\n      Note: pick one."',
        id="a comment line between the text's lines",
    ),
    pytest.param(
        STEM,
        "    stem: Which is right?\n      # a note\n      pick one.",
        (
            6,
            7,
            "the comment on line 6 ends the text of 'stem' (line 5): YAML reads line 7 "
            "where a key belongs",
        ),
        "move the comment out of the text (above line 5)",
        "    # a note\n    stem: Which is right?\n      pick one.",
        id="a comment line between lines with no ': '",
    ),
    pytest.param(
        STEM,
        "    stem: Which is right? #1\n      Note: pick one.",
        (
            5,
            27,
            "'#1' starts a comment, which ends the text of 'stem' on line 5: YAML reads "
            "line 6 where a key belongs",
        ),
        "put the whole text of 'stem' (lines 5-6) in double quotes, so '#1' is text",
        '    stem: "Which is right? #1\n      Note: pick one."',
        id="' #1' after the first line",
    ),
    pytest.param(
        STEM,
        "    stem: Which is right? #1\n      pick one.",
        (
            5,
            27,
            "'#1' starts a comment, which ends the text of 'stem' on line 5: YAML reads "
            "line 6 where a key belongs",
        ),
        "put the whole text of 'stem' (lines 5-6) in double quotes, so '#1' is text; or "
        "delete the comment",
        "    stem: Which is right?\n      pick one.",
        id="' #1' after the first line, no ': ' below",
    ),
]


@pytest.mark.parametrize(("old", "new", "said", "hint", "followed"), CASES)
def test_a_wrapped_text_is_told_by_its_real_lines_and_the_hint_followed_reads(
    tmp_path, old, new, said, hint, followed
):
    text = broken(old, new)
    assert syntax_problems(tmp_path, text) == [(*said[:2], "yaml-syntax", said[2], hint)]
    assert syntax_problems(tmp_path, broken(old, followed)) == []
