"""Unquoted text holding ': ' ("explanation: Réponse : B"), found on every line at once.

libyaml stops at the first syntax error, and a French author writes "Réponse : B" in many
questions. After the first, every later line of that look is quoted in a copy of the text
(``at_once``), and the copy parsed: a line counts only where the parse finds its quoted
text as a value of block YAML, which YAML could not read unquoted ('key: a: b' is always
refused there). A '|' text, a comment, '"a: b"' or 'url: http://x' never counts. When the
copy does not parse, ``unquoted_colons`` in this package goes line by line instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    CollectionStartEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)

from exambank.syntax_hints.indents import text_on_lines
from exambank.syntax_hints.quoting import colon_in_text
from exambank.syntax_hints.text import CURLY_QUOTES, Explanation, Text, quoted

# A plain text cannot start with these: a value that does is something else (a list,
# a mapping, an alias ...), whose lines a quote on one line would not close.
_NOT_PLAIN = frozenset("[]{},#&*!|>'\"%@`")
_NOTE = re.compile(r"[ \t]{2,}#")  # a note two spaces off or more: left after the quotes
_ONE_SPACE_NOTE = re.compile(r"[ \t]#")
_INDICATOR = re.compile(r":(?=[ \t]|$)")  # a ':' YAML reads as a key's in plain text


@dataclass(frozen=True)
class Unquoted:
    """A line's text holding ': ' that YAML refused: where it is (``start``, ``end``: the
    span to put in quotes, in the file's own text), and how lint reports it."""

    row: int
    column: int
    start: int
    end: int
    explanation: Explanation
    fixable: bool  # quoting keeps every character the author wrote: lint --fix may do it


def colon_line(text: Text, problem: int, explanation: Explanation) -> Unquoted | None:
    """The line of plain text, with a key (or a list item) before it, whose ': ' libyaml
    refused at ``problem``, when ``explanation`` quotes that text and the text ends on its
    line; None for any other error."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    value_start = text.index(row, line.value_column)
    if line.key is None or line.value_column > column or not _plain(line.value):
        return None
    # A text quoted from its key on ("- Tip: read: twice" read as one text) is an item of
    # a list: a line under it continues the text unless it is no deeper than the '- '.
    item = bool(line.dash_columns) and explanation.index == text.index(row, line.key_column)
    if explanation.index != value_start and not item:
        return None  # another mistake explains the error
    if not _ends_here(text, row, line.dash_columns[0] if item else line.key_column):
        return None
    if text_on_lines(text, explanation.index, explanation.index) is not None:
        return None  # its text goes on below, at its key's place: a '|' block, not quotes
    written = text.text[explanation.index : value_start + len(line.value)]
    note = _NOTE.search(written)
    written = written[: note.start()] if note else written
    _, start_column = text.row_column(explanation.index)
    fixable = not item and written[0] not in CURLY_QUOTES and not _ONE_SPACE_NOTE.search(written)
    return Unquoted(
        row, start_column, explanation.index, explanation.index + len(written), explanation, fixable
    )


def _plain(value: str) -> bool:
    return bool(value) and value[0] not in _NOT_PLAIN and value[:2] not in ("- ", "? ", ": ")


def _ends_here(text: Text, row: int, column: int) -> bool:
    """Whether the plain text on ``row`` ends there: the next line that is not blank is
    a comment, or no deeper than ``column`` (a deeper one would continue the text)."""
    for below in text.lines[row + 1 :]:
        content = below.lstrip(" ")
        if not content.strip():
            continue
        if content.startswith("\t"):
            return False  # a tab's depth is YAML's to judge
        return content.startswith("#") or len(below) - len(content) <= column
    return True


@dataclass(frozen=True)
class Colons:
    """The lines of unquoted text holding ': ' that YAML refuses, from the first error
    on; ``text``, the file with each of them quoted; whether that text ``parses``."""

    lines: list[Unquoted]
    text: str
    parses: bool


def at_once(text: str, first: Unquoted) -> Colons | None:
    """``first`` and every later line that looks like it, each kept only where the parse
    of the text with all of them quoted confirms it; None if that text does not parse."""
    lines = Text(text)
    found = [first]
    for row in range(first.row + 1, len(lines.lines)):
        colon = _refused_colon(lines, row)
        if colon is None:
            continue
        explanation = colon_in_text(lines, colon, colon)  # as libyaml would stop there
        line = None if explanation is None else colon_line(lines, colon, explanation)
        if line is not None:
            found.append(line)
    confirmed = _quoted_values(quote(text, found))
    if confirmed is None:
        return None
    kept = [line for line in found if (line.row, line.column) in confirmed]
    if len(kept) == len(found):
        return Colons(kept, quote(text, kept), True)
    quoted_text = quote(text, kept)  # without what a '|' text held, say: parsed again
    return None if _quoted_values(quoted_text) is None else Colons(kept, quoted_text, True)


def quote(text: str, lines: list[Unquoted]) -> str:
    """``text`` with the text of each of ``lines`` (in file order) in quotes."""
    pieces, done = [], 0
    for line in lines:
        pieces += [text[done : line.start], quoted(text[line.start : line.end], whole=True)]
        done = line.end
    return "".join([*pieces, text[done:]])


def _refused_colon(text: Text, row: int) -> int | None:
    """Where a ':' that YAML refuses stands in a plain value on ``row``, before any
    comment; None if the line has none."""
    line = text.parse(row)
    if line.key is None or not _plain(line.value):
        return None
    colon = _INDICATOR.search(_ONE_SPACE_NOTE.split(line.value, maxsplit=1)[0])
    return None if colon is None else text.index(row, line.value_column + colon.start())


def _quoted_values(text: str) -> set[tuple[int, int]] | None:
    """Where (row, column) a quoted value of block YAML starts in ``text``; None if
    ``text`` does not parse."""
    starts: set[tuple[int, int]] = set()
    flows = [False]  # for each open collection: whether it is written in flow style
    loader = CSafeLoader(text)
    try:
        while (kind := type(event := loader.get_event())) is not StreamEndEvent:
            if issubclass(kind, CollectionStartEvent):
                flows.append(flows[-1] or bool(event.flow_style))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                flows.pop()
            elif kind is ScalarEvent and event.style in ("'", '"') and not flows[-1]:
                starts.add((event.start_mark.line, event.start_mark.column))
    except MarkedYAMLError:
        return None
    finally:
        loader.dispose()
    return starts
