"""``exambank fmt`` re-indents keys and list dashes; a comment line that stood in line with
the key or dash below it moves with it, so it still reads as that entry's comment; one in
line with an entry whose block it ends moves with that entry. Any other comment line keeps
its column."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from exambank.saving import comments, same_data

# As converters write a bank file: list dashes at the column of their key.
CONVERTED = """\
# yaml-language-server: $schema=../../schemas/section.schema.json
id: main
title: Main
exam_tips:
# the first tip
- Read every option.
# the second tip
- Mind the words "not" and "except".
questions:  # in pool order
# reviewed against the 2024 pool
- id: q1
  # reworded in 2024
  stem: Which command shows the routing table?
  options:
    # A was the key until 2023
    A: ip route show
    B: ifconfig
    # C was "maybe" in the 2019 pool
    C: netstat -rn
      # deeper than the key below: stays
  answer: A
  explanation: |
    Two
    lines.
  # checked against the man page
  difficulty: medium
  # in line with the keys above, not with the dash below: moves with them
# the second question
- stem: Which port does HTTPS use?
  # the id came second in the converter's output
  id: q2
  options: {A: "443", B: "80"}
  answer: A
  explanation: TLS.
"""

FORMATTED = """\
# yaml-language-server: $schema=../../schemas/section.schema.json
id: main
title: Main
exam_tips:
  # the first tip
  - Read every option.
  # the second tip
  - Mind the words "not" and "except".
questions:  # in pool order
  # reviewed against the 2024 pool
  - id: q1
    # reworded in 2024
    stem: Which command shows the routing table?
    options:
      # A was the key until 2023
      A: ip route show
      B: ifconfig
      # C was "maybe" in the 2019 pool
      C: netstat -rn
      # deeper than the key below: stays
    answer: A
    explanation: |
      Two
      lines.
    # checked against the man page
    difficulty: medium
    # in line with the keys above, not with the dash below: moves with them
  # the second question
  # the id came second in the converter's output
  - id: q2
    stem: Which port does HTTPS use?
    options: {A: "443", B: "80"}
    answer: A
    explanation: TLS.
"""


def formatted(tmp_path: Path, text: str) -> str:
    """``text`` as fmt writes it, checked to keep its comments and data, and to move
    nothing on a second run."""
    path = tmp_path / "01-main.yaml"
    path.write_text(text, encoding="utf-8")
    data = read_source(path)[0].data
    assert main(["fmt", str(path)]) == 0
    after = path.read_text(encoding="utf-8")
    assert comments(after) == comments(text)
    assert same_data(read_source(path)[0].data, data)
    assert main(["fmt", "--check", str(path)]) == 0  # a second run moves nothing
    return after


def test_a_comment_in_line_with_the_entry_below_moves_with_it(tmp_path: Path) -> None:
    assert formatted(tmp_path, CONVERTED) == FORMATTED


def test_a_formatted_file_keeps_its_comments_where_they_are(tmp_path: Path) -> None:
    assert formatted(tmp_path, FORMATTED) == FORMATTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "  # the file\n  id: main\n  # the title\n  title: Main\n",
            "# the file\nid: main\n# the title\ntitle: Main\n",
            id="a file indented as a whole",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n    -   id: q1\n        # the stem\n"
            "        stem: Why?\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    # the stem\n    stem: Why?\n",
            id="keys further in than the layout's",
        ),
        pytest.param(
            "id: main\ntitle: Main\nsummary: |\n  Two\n  lines.\n# the tips\nexam_tips:\n"
            "# first\n- a\n",
            "id: main\ntitle: Main\nsummary: |\n  Two\n  lines.\n# the tips\nexam_tips:\n"
            "  # first\n  - a\n",
            id="after a block, in line with the key below",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  explanation: |\n    Two\n"
            "    lines.\n # one column in\n  difficulty: easy\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    explanation: |\n      Two\n"
            "      lines.\n # one column in\n    difficulty: easy\n",
            id="after a block, not in line: stays",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - stem: Why?\n    explanation: |\n"
            "      Two\n      lines.\n    # the id\n    id: q1\n",
            "id: main\ntitle: Main\nquestions:\n  # the id\n  - id: q1\n    stem: Why?\n"
            "    explanation: |\n      Two\n      lines.\n",
            id="after a block, moved by the key order",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n    - id: q1\n      answer: A\n      stem: |\n"
            "        Why?\n      # the options\n      options: {A: x, B: y}\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: |\n      Why?\n"
            "    # the options\n    options: {A: x, B: y}\n    answer: A\n",
            id="after a block, moved by the key order, keys further in",  # review s35 #6
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    options:\n      A:\n"
            "        feedback: No.\n        # the text\n        text: x\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    options:\n      A:\n"
            "        # the text\n        text: x\n        feedback: No.\n",
            id="above a key that becomes its mapping's first: above it still",  # review s37 #9
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    explanation: >-\n"
            "      Short.\n    # easy enough\n    difficulty: easy\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    explanation: Short.\n"
            "    # easy enough\n    difficulty: easy\n",
            id="after a block that becomes one line",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  options: {A: x, B: y}\n"
            "  # the key\n  answer: A\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    options: {A: x, B: y}\n"
            "    # the key\n    answer: A\n",
            id="after a value in braces",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  options: {A: x, B: y}  # two\n"
            "  # the key\n  answer: A\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    options: {A: x, B: y}  # two\n"
            "    # the key\n    answer: A\n",
            id="after a value in braces and a note",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- {id: q1, answer: A}\n# the second\n"
            "- id: q2\n  answer: B\n",
            "id: main\ntitle: Main\nquestions:\n  - {id: q1, answer: A}\n  # the second\n"
            "  - id: q2\n    answer: B\n",
            id="after a list item in braces",
        ),
        pytest.param(
            "id: main\ntitle: Main\nexam_tips:     # a note\n               - a\n",
            "id: main\ntitle: Main\nexam_tips:     # a note\n  - a\n",
            id="a note after a key, at the column of the dash below: stays",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - # reviewed\n    id: q1\n    stem: Why?\n",
            "id: main\ntitle: Main\nquestions:\n  # reviewed\n  - id: q1\n    stem: Why?\n",
            id="after a bare dash: above the item, at the dash's column",
        ),
        pytest.param(
            "id: main\ntitle: Main\nexam_tips:\n- a\n-   # the second tip\n  b\n",
            "id: main\ntitle: Main\nexam_tips:\n  - a\n  # the second tip\n  - b\n",
            id="after a bare dash that moves: with the dash",
        ),
    ],
)
def test_comment_lines_follow_their_entry_wherever_it_goes(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert formatted(tmp_path, text) == expected
