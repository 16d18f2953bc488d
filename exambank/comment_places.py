"""Which question each comment line of a bank file is in, so that a rewrite that would
carry a note from one question to another, or out of its question (a note under the last
option, read after ``fmt`` as a note on the section's next key), is refused.

A comment line is in a question when it stands below the question's dash (or on its line),
before the next question's, no nearer the margin than the question's keys; a comment line on
a line of its own outside any question is about the question whose dash comes next, if only
comment and blank lines lie between.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, NamedTuple

from ruamel.yaml.tokens import CommentToken

from exambank.round_trip import round_trip, tabs_as_spaces
from exambank.source import Source

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class _Question(NamedTuple):
    dash_line: int  # 0-based line of the question's "-"
    dash_column: int
    key_column: int  # where its first key is written
    name: str  # its id, or its place in the list


class Place(NamedTuple):
    line: int  # 1-based, as YAML counts
    column: int
    comment: str
    question: str | None  # the id of the question the comment is in


def comment_places(text: str, source: Source) -> list[Place]:
    """Each comment line of ``text`` (as read into ``source``) with the question it is in,
    or None: what a rewrite must keep, as ``saving.comments`` keeps the texts alone."""
    lines = _LINE_BREAK.split(text)  # as YAML counts lines, and the marks with it
    questions = _questions(lines, source)
    dashes = [question.dash_line for question in questions]
    ends = [*dashes[1:], _end(lines, questions[-1])] if questions else []
    found = []
    for line, column, comment in scanned_comments(text)[0]:
        at = bisect_right(dashes, line) - 1
        owner = None
        if at >= 0 and column >= questions[at].key_column and line < ends[at]:
            owner = questions[at].name
        elif not lines[line][:column].strip() and (below := _next_line(lines, line)) in dashes:
            owner = questions[dashes.index(below)].name
        found.append(Place(line + 1, column + 1, comment, owner))
    return found


def _questions(lines: list[str], source: Source) -> list[_Question]:
    data = source.data
    listed = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    found = []
    for index, question in enumerate(listed):
        mark = source.values.get(("questions", index))
        if mark is None:
            continue
        line, column = mark.line, mark.column
        dash = _dash_line(lines, line, column)
        if dash is None:
            continue
        name = question.get("id") if isinstance(question, dict) else None
        name = str(name or f"#{index + 1}")
        found.append(_Question(dash, lines[dash].index("-"), column, name))
    return found


def _dash_line(lines: list[str], line: int, column: int) -> int | None:
    """The line of the "-" before the question whose first key is at ``line``:
    that line, or one above it past comment lines ("- # note" and the key below)."""
    if "-" in lines[line][:column]:
        return line
    for above in range(line - 1, -1, -1):
        text = lines[above].strip()
        if text.startswith("-"):
            return above
        if text and not text.startswith("#"):
            return None
    return None


def _end(lines: list[str], last: _Question) -> int:
    """The line where the last question ends: the first line written no further in than
    its dash that is no comment (the section's next key), or the end of the file."""
    for number in range(last.dash_line + 1, len(lines)):
        text = lines[number].lstrip(" ")
        if text and not text.startswith("#") and len(lines[number]) - len(text) <= last.dash_column:
            return number
    return len(lines)


def _next_line(lines: list[str], line: int) -> int | None:
    for number in range(line + 1, len(lines)):
        text = lines[number].strip()
        if text and not text.startswith("#"):
            return number
    return None


@lru_cache(maxsize=4)  # a rewrite's old and new text, each asked for by two checks
def scanned_comments(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """The comments of ``text`` as the scanner finds them (a "#" inside a block of text is
    no comment): each comment line's 0-based line and column and its text, and the texts
    of the comments after a block's "|" or ">", which the scanner keeps without a place."""
    if "#" not in text:
        return (), ()
    placed: list[tuple[int, int, str]] = []
    unplaced: list[str] = []
    for token in round_trip().scan(tabs_as_spaces(text)):
        _held_comments(getattr(token, "_comment", None), placed, unplaced)
    return tuple(placed), tuple(unplaced)


def _held_comments(held: Any, placed: list[tuple[int, int, str]], unplaced: list[str]) -> None:
    if isinstance(held, list):
        for item in held:
            _held_comments(item, placed, unplaced)
    elif isinstance(held, str) and held.lstrip().startswith("#"):
        unplaced.append(held)  # a comment after a block's "|": on the line of its key
    elif isinstance(held, CommentToken):
        mark, value = held.start_mark, held.value
        # A token starting with line breaks holds the end of a value's line and blank
        # lines first; its mark is on its first comment line.
        own_line = value.startswith("\n")
        for number, piece in enumerate(value.lstrip("\n").split("\n")):
            comment = piece.strip()
            if comment.startswith("#"):
                in_line = number == 0 and not own_line  # after a value: the mark's column
                column = mark.column if in_line else len(piece) - len(piece.lstrip())
                placed.append((mark.line + number, column, comment))
