"""When ``exambank fmt`` puts keys in the model's order, a comment line indented deeper than
the keys around it trails the entry above it (a note under the last option, at the end of a
question) and moves with that entry; a comment line at the keys' column is about the key
below it and moves with that key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exambank.load import read_source
from exambank.rewrite import Rewrite, RewriteError
from exambank.saving import save
from tests.test_fmt_comment_indent import formatted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    answer: B\n    stem: Why?\n"
            "    options:\n      A: x\n      B: y\n      # after B\n    difficulty: easy\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    options:\n"
            "      A: x\n      B: y\n      # after B\n    answer: B\n    difficulty: easy\n",
            id="a note under the last option moves with the options",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    answer: A\n"
            "    # end of q1\n# the terms\nkey_terms:\n  - term: T\n    definition: D\n",
            "id: main\ntitle: Main\n# the terms\nkey_terms:\n  - term: T\n    definition: D\n"
            "questions:\n  - id: q1\n    stem: Why?\n    answer: A\n    # end of q1\n",
            id="a note at the end of a question stays there when a later key moves up",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    answer: A\n"
            "    # end of q1\n\n# the terms\nkey_terms:\n  - term: T\n    definition: D\n",
            "id: main\ntitle: Main\n\n# the terms\nkey_terms:\n  - term: T\n    definition: D\n"
            "questions:\n  - id: q1\n    stem: Why?\n    answer: A\n    # end of q1\n",
            id="a blank line goes with the comment below it",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    explanation: Because.\n"
            "    # the key, checked in 2024\n    answer: A\n    stem: Why?\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n"
            "    # the key, checked in 2024\n    answer: A\n    explanation: Because.\n",
            id="a comment at the keys' column moves with the key below",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n    -   id: q1\n        answer: B\n"
            "        options:\n            A: x\n            B: y\n            # after B\n"
            "        stem: Why?\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    options:\n"
            "      A: x\n      B: y\n      # after B\n    answer: B\n",
            id="keys further in than the layout's",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  answer: B\n  options:\n"
            "    A: x\n    B: y\n    # after B\n  stem: Why?\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    options:\n"
            "      A: x\n      B: y\n      # after B\n    answer: B\n",
            id="keys nearer the margin than the layout's",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  stem: Why?\n  options:\n"
            "    A: x\n    B: y\n    # after B, at the end of the file\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    options:\n"
            "      A: x\n      B: y\n      # after B, at the end of the file\n",
            id="at the end of the file, in line with the last option",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    answer: B\n    stem: Why?\n"
            "    options:\n      A: x\n      B: y\n\n      # after B, a blank line above\n"
            "    difficulty: easy\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    options:\n"
            "      A: x\n      B: y\n\n      # after B, a blank line above\n    answer: B\n"
            "    difficulty: easy\n",
            id="a blank line above the note",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  stem: Why?\n  tags:\n  - a\n"
            "  - b\n  # end of q1\n- id: q2\n  stem: How?\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n    tags:\n"
            "      - a\n      - b\n    # end of q1\n  - id: q2\n    stem: How?\n",
            id="a column the question's keys and its list's dashes share is the question's",
        ),
        pytest.param(
            "id: main\ntitle: Main\nquestions:\n- id: q1\n  stem: Why?\n# end of the file\n",
            "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: Why?\n# end of the file\n",
            id="at the margin at the end of the file, where the keys and dashes begin",
        ),
    ],
)
def test_a_trailing_comment_moves_with_the_entry_above_it(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert formatted(tmp_path, text) == expected


TWO_QUESTIONS = """\
id: main
title: Main
questions:
  - id: q1
    stem: Why?
    answer: A
    # end of q1
  - id: q2
    stem: How?
    answer: B
    # end of q2
# the terms
key_terms:
  - term: T
    definition: D
"""


@pytest.mark.parametrize(
    ("new", "message", "line"),
    [
        pytest.param(
            TWO_QUESTIONS.replace("    # end of q2\n", "").replace(
                "title: Main\n", "title: Main\n    # end of q2\n"
            ),
            "the rewrite would move the comment '# end of q2' out of question q2",
            11,
            id="out of its question",
        ),
        pytest.param(
            TWO_QUESTIONS.replace("    # end of q1\n", "").replace(
                "    stem: How?\n", "    stem: How?\n    # end of q1\n"
            ),
            "the rewrite would move the comment '# end of q1' from question q1 to question q2",
            7,
            id="into the next question",
        ),
        pytest.param(
            TWO_QUESTIONS.replace("# the terms\n", "").replace(
                "    answer: A\n", "    answer: A\n# the terms\n"
            ),
            "the rewrite would move the comment '# the terms' into question q2",
            12,
            id="from between the keys into a question",
        ),
    ],
)
def test_a_rewrite_that_carries_a_comment_to_another_question_is_refused(
    tmp_path: Path, new: str, message: str, line: int
) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_text(TWO_QUESTIONS, encoding="utf-8")
    source = read_source(path)[0]
    rewrite = Rewrite(path, path.read_bytes(), new, source.data, source)
    with pytest.raises(RewriteError, match=re.escape(message)) as refused:
        save(rewrite)
    assert refused.value.line == line
    assert path.read_text(encoding="utf-8") == TWO_QUESTIONS  # nothing written
