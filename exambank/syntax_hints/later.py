"""Syntax errors question by question: libyaml stops at a file's first error, and an author
would rather mend every slip in one go than one per run.

Each item of a section's ``questions:`` list is parsed on its own, so a slip in one (an
unclosed quote, a missing ':') cannot spill into the next, and the first error in each is
explained as a file's first error is. A question is parsed where it stands: the lines
above it are left empty, so its lines keep their numbers and its errors their places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from exambank.syntax_hints.text import Explanation, Text

_QUESTIONS = re.compile(r"questions[ \t]*:[ \t]*(?:#.*)?")  # the list's key, at column 0
_ITEM = re.compile(r" *- ")


class QuestionError(NamedTuple):
    """The first syntax error of the question on rows ``start`` to ``end`` (0-based, the
    end excluded), at ``row`` and ``column`` (0-based)."""

    start: int
    end: int
    row: int
    column: int
    message: str
    hint: str | None


def question_errors(text: str) -> list[QuestionError]:
    """The first syntax error of each question that fails on its own, in file order."""
    from exambank.syntax_hints import explain, first_error, in_libyaml_words

    lines = Text(text).lines
    found = []
    for start, end in _questions(lines):
        alone = "\n" * start + "\n".join(lines[start:end]) + "\n"
        error = first_error(alone)
        if error is None:
            continue
        said = explain(alone, error) or in_libyaml_words(alone, error)
        if "quoted scalar" in str(error.context) and "end of stream" in str(error.problem):
            said = Explanation(
                said.index,
                "a quote opens here and nothing closes it before the question ends",
                said.hint,
            )
        row, column = Text(alone).row_column(said.index)
        if not start <= row < end:  # past the question's last line: show where it starts
            row, column = start, len(lines[start]) - len(lines[start].lstrip(" "))
        found.append(QuestionError(start, end, row, column, said.message, said.hint))
    return found


def _questions(lines: list[str]) -> Iterator[tuple[int, int]]:
    """The rows (start, end) of each item of the top-level ``questions:`` list."""
    at = next((row for row, line in enumerate(lines) if _QUESTIONS.fullmatch(line)), None)
    if at is None:
        return
    starts: list[int] = []
    indent, stop = None, len(lines)
    for row in range(at + 1, len(lines)):
        line = lines[row]
        content = line.lstrip(" ")
        if not content or content[0] in "#\t":  # a tab is a slip inside an item, no end
            continue
        depth = len(line) - len(content)
        item = _ITEM.match(line) is not None
        if indent is None:
            if not item:
                return
            indent = depth
        if item and depth == indent:
            starts.append(row)
        elif depth <= indent:
            stop = row
            break
    yield from zip(starts, [*starts[1:], stop], strict=True)
